// The page's state lives in the address bar: what a URL says, and the URL for a state.

// 'mode': keyword, semantic or hybrid (empty: the server's default); its select sits by the button
export const FILTERS = ['playlist', 'lang', 'from', 'to', 'sort', 'mode'];

/** The page state: what the URL says. */
export function readUrl(href = location.href) {
  const url = new URL(href);
  const p = url.searchParams;
  const m = url.pathname.match(/^\/watch\/([A-Za-z0-9_-]{11})\/?$/);
  const t = parseInt(p.get('t') || '0', 10);
  const s = {
    q: (p.get('q') || '').trim(),
    video: m ? m[1] : null,
    t: Number.isFinite(t) && t > 0 ? t : 0,
  };
  for (const f of FILTERS) s[f] = p.get(f) || '';
  if (s.sort === 'relevance') s.sort = '';
  return s;
}

/** A Cuepoint address for a state. */
export function urlFor(s) {
  const p = new URLSearchParams();
  if (s.video && s.t) p.set('t', String(Math.floor(s.t)));
  if (s.q) p.set('q', s.q);
  for (const f of FILTERS) if (s[f]) p.set(f, s[f]);
  const qs = p.toString();
  return (s.video ? '/watch/' + s.video : '/') + (qs ? '?' + qs : '');
}

/** Puts a state in the address bar (a new history entry unless replace). */
export function go(s, replace) {
  const url = urlFor(s);
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}
