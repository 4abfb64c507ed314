// Cuepoint's search page. No framework, no build step: ES modules the browser loads as they are
// (url.js: the state in the address bar; format.js: pure formatting; dom.js: building elements;
// api.js: the server; player.js: YouTube's player; suggestions.js: completions as one types).
// This file: the transcript, the results, and the wiring of events.
// Rule for every file: text from the server (titles, transcripts, snippets, errors) is only ever
// put into the page with textContent or as attribute values, never as HTML.
import { $, el, option, hasOption, appendMarked } from './dom.js';
import {
  clock, day, plural, youtubeWatch, youtuBe, queryWords, wordRanges, findRanges, shorten, headline, MODE_NAMES,
} from './format.js';
import { FILTERS, readUrl, urlFor } from './url.js';
import { api, showError } from './api.js';
import {
  playerApi, loadPlayerApi, playInPlayer, currentTime, isPlaying, toYouTubeLink, playerHolds, pausePlayer,
} from './player.js';
import { initSuggestions, chosenSuggestion, requestSuggestions, hideSuggestions, moveSuggestion } from './suggestions.js';

const PAGE_SIZE = 10;

// ---------------------------------------------------------------- state in the address bar

function go(s, replace) {
  const url = urlFor(s);
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

function filtersFromForm() {
  const s = {};
  for (const f of FILTERS) s[f] = $(f).value;
  if (s.sort === 'relevance') s.sort = '';
  return s;
}

function formFromState(s) {
  $('q').value = s.q;
  for (const f of FILTERS) {
    const input = $(f);
    if (f === 'sort') input.value = s.sort || 'relevance';
    else if (input.tagName === 'SELECT' && s[f] && !hasOption(input, s[f])) {
      input.appendChild(option(s[f], s[f]));
      input.value = s[f];
    } else input.value = s[f];
  }
  if (FILTERS.some((f) => f !== 'mode' && s[f])) $('filters').open = true;
}

// ---------------------------------------------------------------- watching a video

let shownVideo = null; // the video whose panel is showing
let transcript = null; // {video, data, lines: [{start, el, text}]}
let currentLine = -1;
let userActed = false; // autoplay only after the user chose something
// the moment or line last chosen: {video, start}. The player is sent to the whole second before it
// (so the word is heard), and until playback reaches it that line, not the one before, is current.
let seekTarget = null;
let chosenMoment = null; // {video, t} of the moment link chosen, to give focus back on Close

function openWatch(s, autoplay) {
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

function closeWatch() {
  $('watch').hidden = true;
  document.body.classList.remove('watching');
  pausePlayer();
}

/** After Close: focus back on the moment that opened the player, else on the results. */
function focusAfterClose(video, t) {
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
}

async function loadTranscript(video, q) {
  $('lines').textContent = '';
  $('transcript-status').textContent = 'Loading the transcript…';
  $('transcript-lang').hidden = true;
  transcript = null;
  currentLine = -1;
  try {
    // word timings are most of a long lecture's answer, and the page does not use them
    const data = await api('/api/videos/' + encodeURIComponent(video) + '?words=false');
    if (shownVideo !== video) return;
    $('now-title').textContent = data.title || '(untitled)';
    transcript = { video, data, q: null, lang: pickLanguage(data), lines: [] };
    updateTitle();
    const langs = $('transcript-lang');
    langs.textContent = '';
    for (const tr of data.transcripts) {
      langs.appendChild(option(tr.lang + '|' + tr.kind, tr.lang + (tr.kind === 'auto' ? ' (auto)' : '')));
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
  const tr = transcript.lang;
  $('transcript-status').textContent = tr ? '' : 'This video has no transcript.';
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
    transcript.lines.push({ start: cue.start, el: li, txt, text: cue.text, lower: cue.text.toLowerCase(), found: false });
  });
  list.appendChild(frag);
  applyFind();
  highlightAt(currentTime(), true);
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
  } else if ((ev.key === 'Enter' || ev.key === ' ') && activeLine >= 0) {
    ev.preventDefault();
    seekFromTranscript(activeLine);
  }
}

/** Marks the line being said at time t and keeps it in view. */
function highlightAt(t, force) {
  if (!transcript || !transcript.lines.length) return;
  const lines = transcript.lines;
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
    if (lines[mid].start <= t + 0.05) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (at === currentLine && !force) return;
  if (currentLine >= 0 && lines[currentLine]) {
    lines[currentLine].el.classList.remove('current');
    lines[currentLine].el.removeAttribute('aria-current');
  }
  currentLine = at;
  if (at < 0) return;
  const li = lines[at].el;
  li.classList.add('current');
  li.setAttribute('aria-current', 'true');
  scrollIntoList(li);
}

function scrollIntoList(li) {
  const list = $('lines');
  if (list.scrollHeight <= list.clientHeight) return;
  const top = li.offsetTop; // the list is positioned, so this is relative to it
  if (top < list.scrollTop || top + li.offsetHeight > list.scrollTop + list.clientHeight) {
    list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }
}

function seekFromTranscript(index) {
  if (!transcript || !transcript.lang) return;
  const cue = transcript.lang.cues[index];
  if (!cue) return;
  const t = Math.floor(cue.start);
  const s = readUrl();
  if (playerApi === 'failed') {
    window.open(youtubeWatch(s.video, t), '_blank', 'noopener');
    return;
  }
  userActed = true;
  seekTarget = { video: s.video, start: cue.start };
  go(Object.assign(s, { t }), true);
  playInPlayer(s.video, t, true);
  updateNow(t);
  highlightAt(cue.start, true);
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

// ---------------------------------------------------------------- search results

let shownSearch = null; // key of the search on screen
let searchSeq = 0;
let nextOffset = 0;

function searchKey(s) {
  return JSON.stringify([s.q, s.playlist, s.lang, s.from, s.to, s.sort, s.mode, preferredLanguage()]);
}

function searchParams(s, offset) {
  const p = new URLSearchParams({ q: s.q, limit: String(PAGE_SIZE), offset: String(offset) });
  for (const f of FILTERS) if (s[f]) p.set(f, s[f]);
  // a setting of this browser, not part of the link: without it the server reads Accept-Language
  const prefer = preferredLanguage();
  if (prefer) p.set('prefer', prefer);
  return p;
}

function preferredLanguage() {
  try {
    return localStorage.getItem('cuepoint.prefer') || '';
  } catch (e) {
    return ''; // storage switched off: the browser's languages decide
  }
}

async function runSearch(s, append) {
  const key = searchKey(s);
  if (!append && key === shownSearch) return;
  const seq = ++searchSeq;
  const offset = append ? nextOffset : 0;
  if (!append) {
    shownSearch = key;
    $('videos').textContent = '';
    $('more').hidden = true;
    $('did-you-mean').hidden = true;
  }
  showError('');
  $('intro').hidden = !!s.q;
  if (!s.q) {
    $('status').textContent = '';
    return;
  }
  $('status').textContent = 'Searching…';
  try {
    const r = await api('/api/search?' + searchParams(s, offset));
    if (seq !== searchSeq) return;
    const before = $('videos').children.length;
    renderResults(r, s, append);
    nextOffset = offset + r.results.length;
    $('more').hidden = nextOffset >= r.total || r.results.length === 0;
    if (append) {
      // focus on what was added, not on the page (the button may have gone)
      const first = $('videos').children[before];
      const target = first && (first.querySelector('a.moment') || first.querySelector('a.transcript-link'));
      if (target) target.focus();
    }
  } catch (e) {
    if (seq !== searchSeq) return;
    shownSearch = null;
    $('status').textContent = '';
    showError(e.message);
  }
}

/** The tab's title: the video watched, else the search, else the site. */
function updateTitle() {
  const s = readUrl();
  if (s.video && transcript && transcript.video === s.video && !$('watch').hidden) {
    document.title = (transcript.data.title || s.video) + ' — Cuepoint';
  } else {
    document.title = s.q ? s.q + ' — Cuepoint' : 'Cuepoint — search what is said in the lectures';
  }
}

function renderResults(r, s, append) {
  $('status').textContent = headline(r, s.q)
    + (r.total > 0 && r.tookMs !== undefined ? ' (' + (r.mode ? MODE_NAMES[r.mode] + ', ' : '') + r.tookMs + ' ms)' : '');
  const dym = $('did-you-mean');
  if (!append && r.suggestion) {
    dym.textContent = 'Did you mean ';
    const a = el('a', null, r.suggestion);
    a.href = urlFor(Object.assign({}, s, { q: r.suggestion, video: null }));
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      searchFor(r.suggestion);
    });
    dym.appendChild(a);
    dym.appendChild(document.createTextNode('?'));
    dym.hidden = false;
  }
  const list = $('videos');
  for (const v of r.results) list.appendChild(renderVideo(v, s));
}

function renderVideo(v, s) {
  const li = el('li', 'video');
  li.dataset.video = v.videoId;
  if (v.match) li.dataset.match = v.match;
  const thumbLink = el('a', 'thumb');
  thumbLink.href = urlFor(Object.assign({}, s, { video: v.videoId, t: v.moments.length ? Math.floor(v.moments[0].start) : 0 }));
  thumbLink.tabIndex = -1;
  thumbLink.setAttribute('aria-hidden', 'true');
  const img = el('img');
  img.alt = '';
  img.loading = 'lazy';
  img.width = 160;
  img.height = 90;
  img.src = v.thumbnailUrl;
  // no picture: no empty column with a lone duration either
  img.addEventListener('error', () => {
    thumbLink.remove();
    li.classList.add('no-thumb');
  });
  thumbLink.appendChild(img);
  if (v.durationSeconds > 0) thumbLink.appendChild(el('span', 'duration', clock(v.durationSeconds)));
  thumbLink.addEventListener('click', (ev) => {
    if (playerApi === 'failed') return;
    ev.preventDefault();
    const first = li.querySelector('a.moment');
    if (first) first.click();
    else choose(v.videoId, 0);
  });
  li.appendChild(thumbLink);

  const head = el('div', 'video-head');
  head.appendChild(el('h3', 'title', v.title || '(untitled)'));
  const parts = [];
  if (v.publishedAt) parts.push(day(v.publishedAt));
  if (v.durationSeconds > 0) parts.push(clock(v.durationSeconds));
  parts.push(plural(v.momentsTotal, 'moment'));
  head.appendChild(el('p', 'meta', parts.join(' · ')));
  // without YouTube's player moments open YouTube: this opens the transcript here (shown then only)
  const read = el('a', 'small transcript-link', 'Read the transcript');
  read.href = urlFor(Object.assign({}, s, { video: v.videoId, t: v.moments.length ? Math.floor(v.moments[0].start) : 0 }));
  read.setAttribute('aria-label', 'Read the transcript of ' + (v.title || v.videoId));
  read.addEventListener('click', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    const m = v.moments[0];
    choose(v.videoId, m ? Math.floor(m.start) : 0, m ? m.start : 0);
    $('lines').focus();
  });
  head.appendChild(read);
  li.appendChild(head);

  const moments = el('ol', 'moments');
  moments.setAttribute('aria-label', 'Moments in ' + (v.title || v.videoId));
  for (const m of v.moments) moments.appendChild(renderMoment(v, m, s));
  li.appendChild(moments);
  if (v.momentsTotal > v.moments.length) {
    const more = el('button', 'small more-moments', 'Show all ' + plural(v.momentsTotal, 'moment'));
    more.type = 'button';
    more.addEventListener('click', () => loadAllMoments(v, s, moments, more));
    li.appendChild(more);
  }
  return li;
}

// how a moment was found, when not by all of the query's words: said on screen and to screen readers
const MATCH_LABELS = { 'some-words': 'some of the words', meaning: 'related by meaning' };

function renderMoment(v, m, s) {
  const li = el('li');
  const t = Math.floor(m.start);
  const a = el('a', 'moment');
  const label = MATCH_LABELS[m.match];
  if (label) a.classList.add('match-' + m.match);
  a.dataset.video = v.videoId;
  a.dataset.t = String(t);
  a.dataset.start = String(m.start);
  a.href = urlFor(Object.assign({}, s, { video: v.videoId, t }));
  const ts = el('span', 'ts', clock(m.start));
  a.appendChild(ts);
  const snippet = el('span', 'snippet');
  if (m.source === 'title' || m.source === 'chapter') snippet.appendChild(el('span', 'source', m.source === 'title' ? 'Title: ' : 'Chapter: '));
  if (m.lang) {
    const tag = el('span', 'lang', m.lang + (m.kind === 'auto' ? ' auto' : ''));
    tag.title = m.kind === 'auto' ? 'Language ' + m.lang + ', automatic captions' : 'Language ' + m.lang;
    snippet.appendChild(tag);
  }
  // dir=auto: Arabic, Hebrew or Persian snippets read right to left, English ones left to right
  const words = el('span', 'words');
  if (m.text && m.text.length > 300) words.classList.add('long');
  words.dir = 'auto';
  words.lang = m.lang || '';
  appendMarked(words, m.text || '', m.highlights);
  snippet.appendChild(words);
  if (label) snippet.appendChild(el('span', 'match', label));
  a.appendChild(snippet);
  // the visible text in its order (time, source, language, words, how found), the words cut short
  const badge = m.lang ? (m.lang + (m.kind === 'auto' ? ' auto' : '')) + ' ' : '';
  const source = m.source === 'title' ? 'Title: ' : m.source === 'chapter' ? 'Chapter: ' : '';
  a.dataset.label = clock(m.start) + ' ' + source + badge + shorten(m.text || '', LABEL_CHARS) + (label ? ', ' + label : '');
  a.setAttribute('aria-label', a.dataset.label + ', plays here');
  if (playerApi === 'failed') toYouTubeLink(a);
  li.appendChild(a);
  return li;
}

const LABEL_CHARS = 120;

/** Every moment of one video for the search on screen, wherever the video ranks. */
async function loadAllMoments(v, s, list, button) {
  button.disabled = true;
  try {
    const p = new URLSearchParams({ q: s.q });
    for (const f of ['lang', 'mode']) if (s[f]) p.set(f, s[f]);
    const prefer = preferredLanguage();
    if (prefer) p.set('prefer', prefer);
    const r = await api('/api/videos/' + encodeURIComponent(v.videoId) + '/moments?' + p);
    const shown = list.children.length;
    list.textContent = '';
    for (const m of r.moments) list.appendChild(renderMoment(v, m, s));
    button.remove();
    // focus stays where the reader was: on the first moment that was not shown before
    const links = list.querySelectorAll('a.moment');
    const next = links[Math.min(shown, links.length - 1)];
    if (next) next.focus();
  } catch (e) {
    button.disabled = false;
    showError(e.message);
  }
}

/** The user chose a moment: play it here and put it in the address bar. */
function choose(video, t, start) {
  userActed = true;
  seekTarget = { video, start: typeof start === 'number' && isFinite(start) ? start : t };
  chosenMoment = { video, t };
  const s = Object.assign(readUrl(), { video, t });
  go(s, false);
  openWatch(s, true);
}

function searchFor(q) {
  const s = Object.assign(readUrl(), filtersFromForm(), { q: q.trim() });
  $('q').value = s.q;
  hideSuggestions();
  // a new search keeps the video playing: the address keeps it too
  go(s, false);
  runSearch(s, false);
  updateTitle();
}

// ---------------------------------------------------------------- filters from the server

async function loadFilterOptions() {
  try {
    const [playlists, status] = await Promise.all([api('/api/playlists'), api('/api/status')]);
    const sel = $('playlist');
    const keep = readUrl().playlist;
    for (const p of playlists.playlists || []) {
      if (!hasOption(sel, p.id)) sel.appendChild(option(p.id, (p.title || p.id) + ' (' + p.videos + ')'));
    }
    if (keep) sel.value = keep;
    $('playlist-field').hidden = sel.options.length <= 1;
    const langSel = $('lang');
    const keepLang = readUrl().lang;
    for (const l of status.languages || []) if (!hasOption(langSel, l)) langSel.appendChild(option(l, l));
    if (keepLang) langSel.value = keepLang;
    $('lang-field').hidden = langSel.options.length <= 2 && !keepLang;
    const preferSel = $('prefer');
    for (const l of status.languages || []) if (!hasOption(preferSel, l)) preferSel.appendChild(option(l, l));
    preferSel.value = preferredLanguage();
    $('prefer-field').hidden = preferSel.options.length <= 2;
    $('footer-status').textContent = plural(status.videos, 'video') + ' indexed' + meaningStatus(status.semantic);
  } catch (e) {
    $('footer-status').textContent = '';
  }
}

/** While passages are still being embedded: ' · meaning search: 1,234 of 5,000 passages embedded'. */
function meaningStatus(semantic) {
  if (!semantic || semantic.ready || semantic.off || semantic.passages == null || semantic.embedded == null) return '';
  return ' · meaning search: ' + semantic.embedded.toLocaleString('en') + ' of '
    + semantic.passages.toLocaleString('en') + ' passages embedded';
}

/**
 * The intro's examples in words the lectures say: the most widely used words starting with a few
 * common beginnings (from /api/suggest). The built-in examples stay when the index has too few.
 */
async function loadExamples() {
  const starts = ['co', 're', 'pr', 'in', 'st', 'de'];
  try {
    const answers = await Promise.all(starts.map((p) => api('/api/suggest?' + new URLSearchParams({ q: p, limit: '8' }))));
    const words = [];
    for (const r of answers) {
      const w = (r.suggestions || []).find((x) => /^[\p{L}]{6,}$/u.test(x) && !words.includes(x));
      if (w) words.push(w);
    }
    if (words.length < 4) return;
    const [a, b, c, d] = words;
    $('ex-words').textContent = a + ' ' + b;
    $('ex-phrase').textContent = '"' + a + ' ' + c + '"';
    $('ex-prefix').textContent = c.slice(0, 5) + '*';
    $('ex-prefix-what').textContent = c.slice(0, 5);
    $('ex-fuzzy').textContent = d.slice(0, 2) + d.slice(3) + '~';
    $('ex-exclude').textContent = '-' + b;
  } catch (e) {
    // the built-in examples still show the syntax
  }
}

// ---------------------------------------------------------------- putting the page in its state

function render(fromHistory) {
  const s = readUrl();
  formFromState(s);
  runSearch(s, false);
  if (s.video) openWatch(s, fromHistory && userActed);
  else closeWatch();
  updateTitle();
}

// ---------------------------------------------------------------- events

function wire() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    searchFor(chosenSuggestion() ?? $('q').value);
  });
  $('q').addEventListener('input', requestSuggestions);
  $('q').addEventListener('blur', () => setTimeout(hideSuggestions, 100));
  $('q').addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && !$('suggestions').hidden) {
      ev.preventDefault();
      moveSuggestion(1);
    } else if (ev.key === 'ArrowUp' && !$('suggestions').hidden) {
      ev.preventDefault();
      moveSuggestion(-1);
    } else if (ev.key === 'Escape') {
      // a search box clears itself on Escape: here Escape only closes the suggestions
      ev.preventDefault();
      hideSuggestions();
    } else if (ev.key === 'ArrowDown') {
      const first = document.querySelector('a.moment');
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    }
  });
  for (const f of FILTERS) {
    $(f).addEventListener('change', () => {
      const s = Object.assign(readUrl(), filtersFromForm());
      go(s, false);
      if (s.q) runSearch(s, false);
    });
  }
  $('prefer').addEventListener('change', () => {
    try {
      localStorage.setItem('cuepoint.prefer', $('prefer').value);
    } catch (e) {
      // storage switched off: the choice lasts for this search only
    }
    const s = readUrl();
    if (s.q) runSearch(s, false);
  });
  $('more').addEventListener('click', () => runSearch(readUrl(), true));

  // moments: play here unless they are links to YouTube
  $('videos').addEventListener('click', (ev) => {
    const a = ev.target.closest('a.moment');
    if (!a || a.dataset.external || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    choose(a.dataset.video, Number(a.dataset.t), Number(a.dataset.start));
  });

  $('lines').addEventListener('click', (ev) => {
    const li = ev.target.closest('li.line');
    if (!li) return;
    setActiveLine(Number(li.dataset.index), false);
    seekFromTranscript(Number(li.dataset.index));
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
  $('home').addEventListener('click', (ev) => {
    ev.preventDefault();
    go({ q: '', video: null, t: 0, playlist: '', lang: '', from: '', to: '', sort: '' }, false);
    render(false);
    $('q').focus();
  });

  document.addEventListener('keydown', (ev) => {
    const typing = ev.target.closest && ev.target.closest('input, textarea, select');
    if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      $('q').focus();
      $('q').select();
      return;
    }
    if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && ev.target.matches && ev.target.matches('a.moment')) {
      const all = Array.from(document.querySelectorAll('a.moment'));
      const i = all.indexOf(ev.target);
      const next = all[i + (ev.key === 'ArrowDown' ? 1 : -1)];
      ev.preventDefault();
      if (next) next.focus();
      else if (ev.key === 'ArrowUp') $('q').focus();
    }
  });

  window.addEventListener('popstate', () => render(true));
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

initSuggestions(searchFor);
wire();
loadPlayerApi();
loadFilterOptions();
loadExamples();
render(false);
