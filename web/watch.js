// The player's panel: the video playing and its transcript (one listbox, find, follow playback).
import { $, el, option, appendMarked } from './dom.js';
import { clock, plural, onYouTube, youtubeWatch, youtuBe, queryWords, wordRanges, findRanges } from './format.js';
import { readUrl, urlFor, go } from './url.js';
import { api } from './api.js';
import { playerApi, playInPlayer, currentTime, isPlaying, playerHolds, pausePlayer } from './player.js';
import { wordSpans, wordAt, wordAtChar, textRange, charOffset } from './words.js';
import { isLocal, kindLabel } from './localplayer.js';

let shownVideo = null; // the video whose panel is showing
let transcript = null; // {video, data, lines: [{start, el, text}]}
let currentLine = -1;
export let userActed = false; // autoplay only after the user chose something
// the moment or line last chosen: {video, start}. The player is sent to the whole second before it
// (so the word is heard), and until playback reaches it that line, not the one before, is current.
let seekTarget = null;
let chosenMoment = null; // {video, t} of the moment link chosen, to give focus back on Close

export function openWatch(s, autoplay) {
  // opened from an address (a link, back or forward) rather than a choice: only the second is known
  const known = seekTarget && seekTarget.video === s.video
    && Math.floor(seekTarget.start === undefined ? seekTarget.second : seekTarget.start) === s.t;
  if (!known) seekTarget = { video: s.video, second: s.t };
  const section = $('watch');
  const first = section.hidden;
  section.hidden = false;
  document.body.classList.add('watching');
  $('player-fallback').hidden = true;
  $('player').hidden = false;
  if (shownVideo !== s.video) {
    shownVideo = s.video;
    $('now-title').textContent = '';
    loadTranscript(s.video, s.q);
  } else if (transcript && transcript.q !== s.q) {
    renderLines(s.q);
  }
  playInPlayer(s.video, s.t, autoplay);
  updateNow(s.t);
  if (first && window.matchMedia('(max-width: 899px)').matches) {
    section.scrollIntoView({ block: 'start' });
  }
}

export function closeWatch() {
  $('watch').hidden = true;
  document.body.classList.remove('watching');
  pausePlayer();
}

/** After Close: focus back on the moment that opened the player, else on the results. */
export function focusAfterClose(video, t) {
  const want = chosenMoment && chosenMoment.video === video ? chosenMoment : { video, t };
  const links = Array.from(document.querySelectorAll('a.moment')).filter((a) => a.dataset.video === want.video);
  const same = links.find((a) => Number(a.dataset.t) === want.t) || links[0];
  if (same) same.focus();
  else $('results').focus();
}

function updateNow(t) {
  const s = readUrl();
  if (!s.video) return;
  $('now-time').textContent = clock(t);
  $('open-youtube').href = youtubeWatch(s.video, t);
  // a recording that is on no YouTube page gets no YouTube buttons
  $('open-youtube').hidden = $('copy-youtube').hidden = isLocal(s.video) === true && !onYouTube(s.video);
}

async function loadTranscript(video, q) {
  $('lines').textContent = '';
  $('transcript-status').textContent = 'Loading the transcript…';
  $('transcript-lang').hidden = true;
  transcript = null;
  currentLine = -1;
  try {
    // word timings are most of a long lecture's answer: they come compactly, after the lines (loadWords)
    const data = await api('/api/videos/' + encodeURIComponent(video) + '?words=false');
    if (shownVideo !== video) return;
    $('now-title').textContent = data.title || '(untitled)';
    transcript = { video, data, q: null, lang: pickLanguage(data), lines: [] };
    updateTitle();
    const langs = $('transcript-lang');
    langs.textContent = '';
    for (const tr of data.transcripts) {
      langs.appendChild(option(tr.lang + '|' + tr.kind, tr.lang + (tr.kind === 'auto' ? ' (auto)' : kindLabel(tr.kind) ? ' (' + kindLabel(tr.kind) + ')' : '')));
    }
    langs.hidden = data.transcripts.length < 2;
    if (transcript.lang) langs.value = transcript.lang.lang + '|' + transcript.lang.kind;
    renderLines(q);
  } catch (e) {
    if (shownVideo !== video) return;
    $('transcript-status').textContent = e.message;
  }
}

function pickLanguage(data) {
  const ts = data.transcripts || [];
  const wanted = readUrl().lang;
  return ts.find((t) => wanted && t.lang === wanted && t.kind === 'manual')
    || ts.find((t) => wanted && t.lang === wanted)
    || ts.find((t) => t.kind === 'manual' && /^en/.test(t.lang))
    || ts.find((t) => t.kind === 'manual')
    || ts[0] || null;
}

/**
 * The transcript as one listbox: a single tab stop whatever the length (arrow keys move inside,
 * Enter plays from the line), three elements a line.
 */
function renderLines(q) {
  const list = $('lines');
  list.textContent = '';
  list.removeAttribute('aria-activedescendant');
  currentLine = -1;
  activeLine = -1;
  if (!transcript) return;
  transcript.q = q;
  transcript.lines = [];
  transcript.words = queryWords(q || '');
  transcript.needle = '';
  wordShown = null;
  wordCursor = -1;
  showWord('cuepoint-word', null);
  showWord('cuepoint-word-cursor', null);
  const tr = transcript.lang;
  $('transcript-status').textContent = tr ? (kindLabel(tr.kind) && 'Transcribed by Cuepoint (speech recognition): expect misheard words.') : 'This video has no transcript.';
  list.hidden = !tr;
  if (!tr) return;
  const frag = document.createDocumentFragment();
  tr.cues.forEach((cue, i) => {
    const li = el('li', 'line');
    li.id = 'line-' + i;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.index = String(i);
    li.appendChild(el('span', 'ts', clock(cue.start)));
    const txt = el('span', 'txt');
    txt.dir = 'auto';
    txt.lang = tr.lang;
    appendMarked(txt, cue.text, wordRanges(cue.text, transcript.words));
    li.appendChild(txt);
    frag.appendChild(li);
    transcript.lines.push({ start: cue.start, el: li, txt, text: cue.text, lower: cue.text.toLowerCase(), found: false,
      spans: null });
  });
  list.appendChild(frag);
  applyFind();
  highlightAt(currentTime(), true);
  loadWords(transcript, tr);
}

// ------------------------------------------------------------------ words

/**
 * The word timings of the transcript shown, fetched once it is on screen (a third of their size inside
 * /api/videos/{id}); until they come, and where the captions have none, lines work as lines.
 */
async function loadWords(shown, tr) {
  if (!tr.timedWords || tr.timed || tr.timedLoading) return;
  tr.timedLoading = true;
  try {
    const body = await api('/api/videos/' + encodeURIComponent(shown.video) + '/words?lang='
      + encodeURIComponent(tr.lang) + '&kind=' + encodeURIComponent(tr.kind));
    tr.timed = Array.isArray(body.cues) && body.cues.length === tr.cues.length ? body.cues : null;
  } catch (e) {
    tr.timed = null; // lines without words: nothing to show the person
  } finally {
    tr.timedLoading = false;
  }
  if (transcript === shown && shown.lang === tr && tr.timed) {
    $('lines').dataset.words = 'loaded'; // tests wait for this
    highlightAt(currentTime(), true);
  }
}

/** The words of line i, when the transcript's word timings are here. */
function spansOf(i) {
  const tr = transcript && transcript.lang;
  const line = transcript && transcript.lines[i];
  if (!line || !tr || !tr.timed) return [];
  if (!line.spans) line.spans = wordSpans(line.text, tr.timed[i], line.start);
  return line.spans;
}

let wordShown = null; // {line, word} marked as being said
let wordCursor = -1; // the word chosen with ← → in the active line, -1 for the whole line

/** Marks words with the CSS Custom Highlight API: no element per word, the lines' DOM is untouched. */
function showWord(name, where) {
  if (!window.CSS || !CSS.highlights) return;
  const line = where && transcript && transcript.lines[where.line];
  const span = line && spansOf(where.line)[where.word];
  const range = span ? textRange(line.txt, span.from, span.to) : null;
  if (range) CSS.highlights.set(name, new Highlight(range));
  else CSS.highlights.delete(name);
}

/** The word said at t in the current line, marked; unchanged words are left alone. */
function markWord(t, force) {
  const w = currentLine >= 0 ? wordAt(spansOf(currentLine), t) : -1;
  const now = w >= 0 ? { line: currentLine, word: w } : null;
  const same = now && wordShown ? now.line === wordShown.line && now.word === wordShown.word : now === wordShown;
  if (same && !force) return;
  wordShown = now;
  showWord('cuepoint-word', now);
}

/** After a line's text was rebuilt (find marks), its ranges point nowhere: make them again. */
function remarkWords() {
  showWord('cuepoint-word', wordShown);
  showWord('cuepoint-word-cursor', wordCursor >= 0 ? { line: activeLine, word: wordCursor } : null);
}

/** The word under a click in line i, or -1 (the time stamp, the space after the text, no word timings). */
function wordUnderPointer(i, x, y) {
  const spans = spansOf(i);
  if (!spans.length) return -1;
  const txt = transcript.lines[i].txt;
  let node = null;
  let offset = 0;
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    if (p) [node, offset] = [p.offsetNode, p.offset];
  } else if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    if (r) [node, offset] = [r.startContainer, r.startOffset];
  }
  const at = node ? charOffset(txt, node, offset) : -1;
  // the caret may sit just after a word: try the character before as well
  for (const c of [at, at - 1]) {
    const w = wordAtChar(spans, c);
    if (w < 0) continue;
    const range = textRange(txt, spans[w].from, spans[w].to);
    if (range && Array.from(range.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) {
      return w;
    }
  }
  return -1;
}

/** ← → in the transcript: through the active line's words (Enter plays from the word). */
function moveWord(step) {
  const spans = spansOf(activeLine);
  if (!spans.length) return false;
  wordCursor = wordCursor < 0 ? (step > 0 ? 0 : spans.length - 1) : Math.max(0, Math.min(spans.length - 1, wordCursor + step));
  showWord('cuepoint-word-cursor', { line: activeLine, word: wordCursor });
  const span = spans[wordCursor];
  $('word-status').textContent = transcript.lines[activeLine].text.slice(span.from, span.to) + ', ' + clock(span.at);
  return true;
}

/**
 * Marks the lines holding the find box's text. Only lines whose marks change are rebuilt: typing a
 * letter touches the lines that held the shorter text, not the whole transcript.
 */
function applyFind() {
  if (!transcript || !transcript.lines.length) {
    $('find-count').textContent = '';
    return;
  }
  const needle = $('find').value.trim().toLowerCase();
  const was = transcript.needle;
  transcript.needle = needle;
  let found = 0;
  for (const line of transcript.lines) {
    const hit = needle !== '' && line.lower.includes(needle);
    if (hit) found++;
    if (hit === line.found && (!hit || needle === was)) continue;
    line.found = hit;
    line.el.classList.toggle('found', hit);
    line.el.classList.remove('found-here');
    line.txt.textContent = '';
    if (hit) appendMarked(line.txt, line.text, findRanges(line.text, needle), 'find');
    else appendMarked(line.txt, line.text, wordRanges(line.text, transcript.words));
  }
  $('find-count').textContent = needle ? (found ? plural(found, 'line') : 'not found') : '';
  remarkWords();
  $('lines').dataset.find = needle; // what the marks show: tests wait for it rather than guess a time
}

let activeLine = -1; // the listbox's active option (keyboard position), -1 before the list was used

function setActiveLine(i, scroll) {
  if (!transcript || !transcript.lines.length) return;
  const lines = transcript.lines;
  i = Math.max(0, Math.min(lines.length - 1, i));
  if (activeLine >= 0 && lines[activeLine]) {
    lines[activeLine].el.classList.remove('active');
    lines[activeLine].el.setAttribute('aria-selected', 'false');
  }
  if (activeLine !== i && wordCursor >= 0) {
    wordCursor = -1;
    showWord('cuepoint-word-cursor', null);
    $('word-status').textContent = '';
  }
  activeLine = i;
  const li = lines[i].el;
  li.classList.add('active');
  li.setAttribute('aria-selected', 'true');
  $('lines').setAttribute('aria-activedescendant', li.id);
  if (scroll !== false) scrollIntoList(li);
}

function onLinesKey(ev) {
  if (!transcript || !transcript.lines.length) return;
  const from = activeLine >= 0 ? activeLine : Math.max(0, currentLine);
  const page = 10;
  const moves = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: transcript.lines.length - 1 };
  if (ev.key in moves) {
    ev.preventDefault();
    setActiveLine(moves[ev.key]);
  } else if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
    if (activeLine < 0) setActiveLine(from);
    if (moveWord(ev.key === 'ArrowRight' ? 1 : -1)) ev.preventDefault();
  } else if ((ev.key === 'Enter' || ev.key === ' ') && activeLine >= 0) {
    ev.preventDefault();
    seekFromTranscript(activeLine, wordCursor);
  }
}

/** Marks the line being said at time t and keeps it in view. */
function highlightAt(t, force) {
  if (!transcript || !transcript.lines.length) return;
  const lines = transcript.lines;
  if (seekTarget && seekTarget.video === transcript.video && seekTarget.start === undefined) {
    // a link's whole second (?t=75): the line starting within that second is the one meant
    const meant = lines.find((l) => l.start >= seekTarget.second && l.start < seekTarget.second + 1);
    seekTarget = meant ? { video: seekTarget.video, start: meant.start } : null;
  }
  if (seekTarget && seekTarget.video === transcript.video) {
    // the player was sent to the whole second before the chosen start: count from the start itself
    if (t >= seekTarget.start) seekTarget = null;
    else if (t >= Math.floor(seekTarget.start) - 0.5) t = seekTarget.start;
  }
  let lo = 0;
  let hi = lines.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start <= t + 0.001) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (at !== currentLine || force) {
    if (currentLine >= 0 && lines[currentLine]) {
      lines[currentLine].el.classList.remove('current');
      lines[currentLine].el.removeAttribute('aria-current');
    }
    currentLine = at;
    if (at >= 0) {
      const li = lines[at].el;
      li.classList.add('current');
      li.setAttribute('aria-current', 'true');
      scrollIntoList(li);
    }
  }
  markWord(t, force);
}

function scrollIntoList(li) {
  const list = $('lines');
  if (list.scrollHeight <= list.clientHeight) return;
  const top = li.offsetTop; // the list is positioned, so this is relative to it
  if (top < list.scrollTop || top + li.offsetHeight > list.scrollTop + list.clientHeight) {
    list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }
}

/** Plays from line index, or from one of its words (word >= 0, with word timings). */
function seekFromTranscript(index, word) {
  if (!transcript || !transcript.lang) return;
  const cue = transcript.lang.cues[index];
  if (!cue) return;
  const span = word >= 0 ? spansOf(index)[word] : null;
  const start = span ? span.at : cue.start;
  const t = Math.floor(start);
  const s = readUrl();
  if (playerApi === 'failed' && !isLocal(s.video)) {
    window.open(youtubeWatch(s.video, t), '_blank', 'noopener');
    return;
  }
  userActed = true;
  seekTarget = { video: s.video, start };
  go(Object.assign(s, { t }), true);
  playInPlayer(s.video, t, true);
  updateNow(t);
  // as the player will tell it (the whole second before): the chosen start stays the target until reached
  highlightAt(t, true);
}

let findPos = -1;

/**
 * Enter in the find box: the next line holding the text, round and round. Focus moves to it in the
 * transcript (Enter there plays from it; Shift+Tab and Enter again finds the next).
 */
function findNext() {
  if (!transcript) return;
  clearTimeout(findTimer);
  applyFind();
  const found = transcript.lines.filter((l) => l.found);
  if (!found.length) return;
  findPos = (findPos + 1) % found.length;
  const line = found[findPos];
  for (const l of found) l.el.classList.remove('found-here');
  line.el.classList.add('found-here');
  $('find-count').textContent = (findPos + 1) + ' of ' + plural(found.length, 'line');
  setActiveLine(transcript.lines.indexOf(line));
  $('lines').focus({ preventScroll: true });
}

let findTimer = 0;
const FIND_DELAY_MS = 120;

// follow playback: highlight the line and keep the address bar's t roughly current
setInterval(() => {
  const s = readUrl();
  if (!s.video || !playerHolds(s.video)) return;
  const t = currentTime();
  highlightAt(t, false);
  updateNow(t);
  if (isPlaying() && Math.abs(Math.floor(t) - s.t) >= 5) go(Object.assign(s, { t: Math.floor(t) }), true);
}, 250);

/** The tab's title: the video watched, else the search, else the site. */
export function updateTitle() {
  const s = readUrl();
  if (s.video && transcript && transcript.video === s.video && !$('watch').hidden) {
    document.title = (transcript.data.title || s.video) + ' — Cuepoint';
  } else {
    document.title = s.q ? s.q + ' — Cuepoint' : 'Cuepoint — search what is said in the lectures';
  }
}

/** The user chose a moment: play it here and put it in the address bar. */
export function choose(video, t, start) {
  userActed = true;
  seekTarget = { video, start: typeof start === 'number' && isFinite(start) ? start : t };
  chosenMoment = { video, t };
  const s = Object.assign(readUrl(), { video, t });
  go(s, false);
  openWatch(s, true);
}

/** The panel's controls: the transcript list, find, language, copy links, Close and Escape. */
export function wireWatch() {
  $('lines').addEventListener('click', (ev) => {
    const li = ev.target.closest('li.line');
    if (!li) return;
    const i = Number(li.dataset.index);
    // a word clicked plays from that word; the time stamp or the space around, from the line
    const word = ev.target.closest('.ts') ? -1 : wordUnderPointer(i, ev.clientX, ev.clientY);
    setActiveLine(i, false);
    seekFromTranscript(i, word);
  });
  $('lines').addEventListener('keydown', onLinesKey);
  $('lines').addEventListener('focus', () => {
    // no scrolling here: a click's mousedown focuses the list, and its line must stay under the pointer
    if (activeLine < 0 && transcript && transcript.lines.length) setActiveLine(Math.max(0, currentLine), false);
  });
  $('find').addEventListener('input', () => {
    findPos = -1;
    clearTimeout(findTimer);
    findTimer = setTimeout(applyFind, FIND_DELAY_MS);
  });
  $('find').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      findNext();
    }
  });
  $('transcript-lang').addEventListener('change', () => {
    if (!transcript) return;
    const [lang, kind] = $('transcript-lang').value.split('|');
    transcript.lang = transcript.data.transcripts.find((t) => t.lang === lang && t.kind === kind) || transcript.lang;
    renderLines(readUrl().q);
  });

  $('copy-youtube').addEventListener('click', () => {
    const s = readUrl();
    copy(youtuBe(s.video, Math.floor(currentTime())), 'YouTube link copied');
  });
  $('copy-cuepoint').addEventListener('click', () => {
    const s = Object.assign(readUrl(), { t: Math.floor(currentTime()) });
    copy(location.origin + urlFor(s), 'Cuepoint link copied');
  });
  $('close-watch').addEventListener('click', () => {
    const s = readUrl();
    go(Object.assign({}, s, { video: null, t: 0 }), false);
    closeWatch();
    updateTitle();
    focusAfterClose(s.video, s.t);
  });
  // Escape in the player's panel closes it (but not while typing in the find box)
  $('watch').addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || ev.defaultPrevented) return;
    if (ev.target.closest('input, select') && ev.target.value) return;
    ev.preventDefault();
    $('close-watch').click();
  });
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    $('copied').textContent = done + ': ' + text;
  } catch (e) {
    // no clipboard (plain http on another host): show the link to copy by hand
    $('copied').textContent = text;
  }
}
