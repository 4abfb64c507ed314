// Word timings of a transcript line: which word is said at a time, which word is under a click.
// The server sends each line's words as a flat [char, ms, char, ms, …] array (GET /api/videos/{id}/words):
// where a word starts in the line's text and when it is said, in ms after the line's start.

/** The words of one line as [{from, to, at}] (at: seconds from the video's start), from its flat array. */
export function wordSpans(text, flat, lineStart) {
  const out = [];
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const from = flat[i];
    let to = i + 2 < flat.length ? flat[i + 2] : text.length;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (from >= 0 && from < to && to <= text.length) out.push({ from, to, at: lineStart + flat[i + 1] / 1000 });
  }
  return out;
}

/**
 * The word being said at t (seconds, unrounded): the last whose start is not after t (1 ms for float
 * noise: a word is a quarter second, marking it 50 ms early as lines allow would show); -1 before the first.
 */
export function wordAt(spans, t) {
  let lo = 0;
  let hi = spans.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].at <= t + 0.001) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/** The word at a character of the line (a click there): the last starting at or before it; -1 before the first. */
export function wordAtChar(spans, offset) {
  let at = -1;
  for (let i = 0; i < spans.length && spans[i].from <= offset; i++) at = i;
  return at;
}

/** A DOM Range over characters [from, to) of an element's text, whatever marks split it into nodes. */
export function textRange(element, from, to) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!started && from <= seen + len) {
      range.setStart(node, from - seen);
      started = true;
    }
    if (started && to <= seen + len) {
      range.setEnd(node, to - seen);
      return range;
    }
    seen += len;
  }
  return null;
}

/** The character offset in an element's text of a point in one of its text nodes; -1 when not inside it. */
export function charOffset(element, node, offset) {
  if (!element.contains(node)) return -1;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return seen + offset;
    seen += n.data.length;
  }
  return -1;
}
