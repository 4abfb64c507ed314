// Completions under the search box as the user types (a combobox's listbox, /api/suggest).
import { api } from './api.js';
import { $, el } from './dom.js';

const SUGGEST_DELAY_MS = 150;

let onChoose = () => {};

/** @param choose what a click on a suggestion does with its text */
export function initSuggestions(choose) {
  onChoose = choose;
}

/** The suggestion chosen with the arrow keys, or null when the typed text is. */
export function chosenSuggestion() {
  const items = $('suggestions').children;
  return activeSuggestion >= 0 && items[activeSuggestion] ? items[activeSuggestion].textContent : null;
}

let suggestTimer = 0;
let suggestSeq = 0;
let activeSuggestion = -1;

export function requestSuggestions() {
  clearTimeout(suggestTimer);
  const q = $('q').value;
  if (q.trim().length < 2 || /\s$/.test(q)) {
    hideSuggestions();
    return;
  }
  suggestTimer = setTimeout(async () => {
    const seq = ++suggestSeq;
    try {
      const r = await api('/api/suggest?' + new URLSearchParams({ q }));
      if (seq !== suggestSeq || $('q').value !== q) return;
      showSuggestions(r.suggestions || []);
    } catch (e) {
      hideSuggestions(); // suggestions are a convenience: the search itself reports errors
    }
  }, SUGGEST_DELAY_MS);
}

function showSuggestions(items) {
  const list = $('suggestions');
  list.textContent = '';
  activeSuggestion = -1;
  items.forEach((text, i) => {
    const li = el('li', 'suggestion', text);
    li.id = 'suggestion-' + i;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.addEventListener('mousedown', (ev) => {
      ev.preventDefault(); // keep focus in the box
      onChoose(text);
    });
    list.appendChild(li);
  });
  list.hidden = items.length === 0;
  $('q').setAttribute('aria-expanded', String(items.length > 0));
  $('q').removeAttribute('aria-activedescendant');
}

export function hideSuggestions() {
  clearTimeout(suggestTimer);
  suggestSeq++;
  $('suggestions').hidden = true;
  $('suggestions').textContent = '';
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  activeSuggestion = -1;
}

export function moveSuggestion(delta) {
  const items = Array.from($('suggestions').children);
  if (!items.length) return false;
  if (activeSuggestion >= 0) items[activeSuggestion].setAttribute('aria-selected', 'false');
  // cycles through -1 (the typed text) and 0..n-1
  activeSuggestion = (activeSuggestion + 1 + delta + items.length + 1) % (items.length + 1) - 1;
  if (activeSuggestion >= 0) {
    items[activeSuggestion].setAttribute('aria-selected', 'true');
    $('q').setAttribute('aria-activedescendant', items[activeSuggestion].id);
  } else $('q').removeAttribute('aria-activedescendant');
  return true;
}
