// Building the page's elements. Text from the server only ever goes in with textContent or as an
// attribute value, never as HTML.

export const $ = (id) => document.getElementById(id);
export const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
};

export function hasOption(select, value) {
  return Array.from(select.options).some((o) => o.value === value);
}

export function option(value, label) {
  const o = el('option', null, label);
  o.value = value;
  return o;
}

/** Appends text to a node with the given [from, to) ranges wrapped in <mark>. */
export function appendMarked(parent, text, ranges, markClass) {
  const sorted = (ranges || [])
    .filter((r) => Array.isArray(r) && r.length === 2 && r[0] < r[1])
    .map((r) => [Math.max(0, r[0]), Math.min(text.length, r[1])])
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [from, to] of sorted) {
    if (from < at) continue; // overlapping ranges: keep the first
    if (from > at) parent.appendChild(document.createTextNode(text.slice(at, from)));
    parent.appendChild(el('mark', markClass || null, text.slice(from, to)));
    at = to;
  }
  if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
}
