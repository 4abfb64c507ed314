// Pure functions of the page: times, counts, links, the words to mark. No DOM, no state, unit-tested
// in the browser (PageModulesBrowserTest).

export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + ss : m + ':' + ss;
}

export function day(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

/** Whether an id can name a YouTube video: the ids Cuepoint makes for recordings end in a character no YouTube id ends in. */
export const onYouTube = (id) => 'AEIMQUYcgkosw048'.includes(String(id || '').charAt(10));

export const youtubeWatch = (id, t) => 'https://www.youtube.com/watch?v=' + encodeURIComponent(id) + '&t=' + Math.floor(t) + 's';
export const youtuBe = (id, t) => 'https://youtu.be/' + encodeURIComponent(id) + (t ? '?t=' + Math.floor(t) : '');

/** The words of a query worth marking in a transcript (no operators, no excluded words). */
export function queryWords(q) {
  const out = [];
  const re = /(-?)(?:[a-z]+:)?("([^"]*)"?|\S+)/gi;
  let m;
  while ((m = re.exec(q)) !== null) {
    if (m[1] === '-') continue;
    const body = m[3] !== undefined ? m[3] : m[2];
    if (/^(OR|AND|NOT)$/.test(body)) continue;
    for (const w of body.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) out.push(w);
  }
  return Array.from(new Set(out));
}

/**
 * Ranges of words in text that start with one of the query's words (so "neuron" marks "neurons";
 * a word whose stem is shorter, like "fires" for "fire", is caught by the shorter stem).
 */
export function wordRanges(text, words) {
  if (!words.length) return [];
  const out = [];
  const lower = text.toLowerCase();
  const re = /[\p{L}\p{N}]+/gu;
  let m;
  while ((m = re.exec(lower)) !== null) {
    const w = m[0];
    if (words.some((q) => w.startsWith(q) || (q.length > 4 && w.startsWith(q.slice(0, q.length - 1)) && w.length <= q.length + 2))) {
      out.push([m.index, m.index + w.length]);
    }
  }
  return out;
}

export function findRanges(text, needle) {
  if (!needle) return [];
  const out = [];
  const lower = text.toLowerCase();
  let i = lower.indexOf(needle);
  while (i >= 0) {
    out.push([i, i + needle.length]);
    i = lower.indexOf(needle, i + needle.length);
  }
  return out;
}

/** At most n characters, cut at a word, with an ellipsis when cut. */
export function shorten(text, n) {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n);
  const space = cut.lastIndexOf(' ');
  return (space > n / 2 ? cut.slice(0, space) : cut) + '…';
}

export const MODE_NAMES = { keyword: 'exact words', semantic: 'by meaning', hybrid: 'words and meaning' };

/**
 * What the results are, in words: never "N videos for q" when some of them hold only some of the
 * words or were found by meaning alone (wordMatches counts the videos holding every word).
 */
export function headline(r, q) {
  const quoted = '“' + q + '”';
  const w = r.wordMatches;
  const rest = r.total - (w || 0);
  const byWords = r.mode === 'keyword';
  if (r.total === 0) return 'No moments found for ' + quoted + '.';
  if (w === null && r.mode === 'semantic') return plural(r.total, 'video') + ' related by meaning to ' + quoted;
  if (typeof w !== 'number' || w === r.total) return plural(r.total, 'video') + ' for ' + quoted;
  if (w === 0) {
    return 'No exact matches for ' + quoted + ' · '
      + (byWords ? plural(rest, 'video') + ' with some of the words' : plural(rest, 'related video'));
  }
  const all = queryWords(q).length > 1 ? ' with all the words of ' : ' with ';
  return plural(w, 'video') + all + quoted + ' · ' + rest + (byWords ? ' with some of the words' : ' related');
}
