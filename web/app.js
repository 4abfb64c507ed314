// Cuepoint's search page. No framework, no build step: ES modules the browser loads as they are
// (url.js: the state in the address bar; format.js: pure formatting; dom.js: building elements;
// api.js: the server; player.js: YouTube's player; watch.js: the player's panel and the transcript;
// suggestions.js: completions as one types). This file: the search, its results, the wiring of events.
// Rule for every file: text from the server (titles, transcripts, snippets, errors) is only ever
// put into the page with textContent or as attribute values, never as HTML.
import { $, el, option, hasOption, appendMarked } from './dom.js';
import {
  clock, day, plural, shorten, headline, MODE_NAMES,
} from './format.js';
import { FILTERS, readUrl, urlFor, go } from './url.js';
import { api, showError } from './api.js';
import { playerApi, loadPlayerApi, toYouTubeLink } from './player.js';
import { kindLabel } from './localplayer.js';
import { userActed, openWatch, closeWatch, updateTitle, choose, wireWatch } from './watch.js';
import { initSuggestions, chosenSuggestion, requestSuggestions, hideSuggestions, moveSuggestion } from './suggestions.js';

const PAGE_SIZE = 10;

// ---------------------------------------------------------------- state in the address bar

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
  // no picture (a local recording has none, or it fails): no empty column with a lone duration either
  const noThumb = () => {
    thumbLink.remove();
    li.classList.add('no-thumb');
  };
  img.addEventListener('error', noThumb);
  if (v.thumbnailUrl) img.src = v.thumbnailUrl;
  thumbLink.appendChild(img);
  if (v.durationSeconds > 0) thumbLink.appendChild(el('span', 'duration', clock(v.durationSeconds)));
  thumbLink.addEventListener('click', (ev) => {
    if (playerApi === 'failed') return;
    ev.preventDefault();
    const first = li.querySelector('a.moment');
    if (first) first.click();
    else choose(v.videoId, 0);
  });
  if (v.thumbnailUrl) li.appendChild(thumbLink);
  else li.classList.add('no-thumb');

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
    const tag = el('span', 'lang', m.lang + (m.kind === 'auto' ? ' auto' : kindLabel(m.kind) ? ' · ' + kindLabel(m.kind) : ''));
    tag.title = m.kind === 'auto' ? 'Language ' + m.lang + ', automatic captions' : 'Language ' + m.lang + (kindLabel(m.kind) ? ', ' + kindLabel(m.kind) : '');
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
  const badge = m.lang ? (m.lang + (m.kind === 'auto' ? ' auto' : kindLabel(m.kind) ? ', ' + kindLabel(m.kind) + ',' : '')) + ' ' : '';
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
      return;
    }
    // one-letter shortcuts (listed by ?): never while typing, never with a modifier
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey || ev.target.closest('#lines')) return;
    const watching = !$('watch').hidden;
    if (ev.key === 'j' || ev.key === 'k') {
      const all = Array.from(document.querySelectorAll('a.moment'));
      if (!all.length) return;
      const i = all.indexOf(document.activeElement);
      const next = all[i < 0 ? 0 : Math.max(0, Math.min(all.length - 1, i + (ev.key === 'j' ? 1 : -1)))];
      ev.preventDefault();
      next.focus();
    } else if (ev.key === 'f' && watching) {
      ev.preventDefault();
      $('find').focus();
    } else if (ev.key === 'c' && watching) {
      ev.preventDefault();
      $('copy-cuepoint').click();
    } else if (ev.key === '?') {
      ev.preventDefault();
      const help = $('keys-help');
      if (!help.open) help.showModal();
    }
  });
  $('keys-help-close').addEventListener('click', () => $('keys-help').close());

  window.addEventListener('popstate', () => render(true));
}

initSuggestions(searchFor);
wire();
wireWatch();
loadPlayerApi();
loadFilterOptions();
loadExamples();
render(false);
