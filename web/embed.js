/*
 * Cuepoint's search box for other web sites (a course's pages): one script tag adds a search box and a
 * results overlay that talk to the Cuepoint server this script came from.
 *
 *   <script src="https://search.example.org/embed.js" data-playlist="PL…" async></script>
 *
 * Options (data- attributes on the script tag): data-playlist (search one playlist), data-placeholder,
 * data-label (the box's accessible name), data-limit (videos shown, 1–20, default 5), data-moments
 * (moments a video, 1–10, default 3), data-lang, data-mode (keyword|semantic|hybrid), data-target (a CSS
 * selector of the element to put the box in; by default the box goes where the script tag is).
 * Styling: CSS custom properties set on the page (--cuepoint-accent, --cuepoint-bg, --cuepoint-fg,
 * --cuepoint-muted, --cuepoint-border, --cuepoint-mark, --cuepoint-font, --cuepoint-radius,
 * --cuepoint-width); everything else lives in a shadow root, away from the page's own CSS.
 * A moment whose video the page embeds (a YouTube iframe with enablejsapi=1) seeks that player; any
 * other opens YouTube at the moment. The Cuepoint server must list this page's origin in corsOrigins.
 * Text from the server only ever goes in as text, never as HTML.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return; // not loaded from a script tag: nothing to attach to
  var base = new URL(script.src, location.href).origin;
  var data = script.dataset;
  var opts = {
    playlist: data.playlist || '',
    placeholder: data.placeholder || 'Search what is said in the lectures',
    label: data.label || 'Search the lectures',
    limit: clamp(data.limit, 1, 20, 5),
    moments: clamp(data.moments, 1, 10, 3),
    lang: data.lang || '',
    mode: /^(keyword|semantic|hybrid)$/.test(data.mode || '') ? data.mode : '',
    target: data.target || '',
  };
  var serial = (window.__cuepointEmbeds = (window.__cuepointEmbeds || 0) + 1);
  var ids = { input: 'cp-q', panel: 'cp-panel', status: 'cp-status' };

  function clamp(v, min, max, fallback) {
    var n = parseInt(v, 10);
    return isFinite(n) ? Math.max(min, Math.min(max, n)) : fallback;
  }

  var CSS = [
    ':host{all:initial;display:block}',
    // the page's rules reach the host element; everything inside is set here, on the box
    '.box{all:initial;display:block;position:relative;max-width:var(--cuepoint-width,36rem);text-align:left;',
    'font:15px/1.45 var(--cuepoint-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);',
    'color:var(--cuepoint-fg,#1d2327)}',
    '*{box-sizing:border-box}[hidden]{display:none!important}',
    'form{display:flex;gap:.4rem;margin:0}',
    'input{flex:1;min-width:0;font:inherit;color:inherit;background:var(--cuepoint-bg,#fff);',
    'border:1px solid var(--cuepoint-border,#6b7479);border-radius:var(--cuepoint-radius,6px);padding:.45rem .6rem}',
    'button{font:inherit;cursor:pointer;border-radius:var(--cuepoint-radius,6px);padding:.45rem .8rem;',
    'border:1px solid var(--cuepoint-accent,#0b6e69);background:var(--cuepoint-accent,#0b6e69);color:#fff}',
    'button.close{background:transparent;color:var(--cuepoint-fg,#1d2327);border-color:var(--cuepoint-border,#6b7479);',
    'padding:.1rem .5rem}',
    'input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--cuepoint-accent,#0b6e69);outline-offset:2px}',
    '.panel{position:absolute;z-index:2147483000;left:0;right:0;top:calc(100% + .3rem);max-height:min(70vh,32rem);',
    'overflow:auto;background:var(--cuepoint-bg,#fff);color:var(--cuepoint-fg,#1d2327);',
    'border:1px solid var(--cuepoint-border,#6b7479);border-radius:var(--cuepoint-radius,6px);',
    'box-shadow:0 6px 24px rgba(0,0,0,.18);padding:.6rem .8rem}',
    '.head{display:flex;justify-content:space-between;align-items:center;gap:.5rem}',
    '.status{margin:0;color:var(--cuepoint-muted,#50585d);overflow-wrap:anywhere}',
    'ul{list-style:none;margin:0;padding:0}',
    '.video{margin:.7rem 0 0}',
    '.title{margin:0 0 .2rem;font-size:1em;font-weight:600;overflow-wrap:anywhere}',
    '.moment{display:block;padding:.25rem .3rem;border-radius:4px;color:inherit;text-decoration:none}',
    '.moment:hover{background:rgba(127,127,127,.12)}',
    '.time{font-variant-numeric:tabular-nums;color:var(--cuepoint-accent,#0b6e69);font-weight:600;margin-right:.4rem}',
    'mark{background:var(--cuepoint-mark,#fde68a);color:inherit;padding:0 .1em;border-radius:2px}',
    '.more{display:inline-block;margin-top:.7rem;color:var(--cuepoint-accent,#0b6e69)}',
    '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  ].join('');

  // ------------------------------------------------------------------ the box

  var host = document.createElement('div');
  host.className = 'cuepoint-search';
  host.setAttribute('data-cuepoint', String(serial));
  var root = host.attachShadow({ mode: 'open' });
  try {
    // a constructed sheet needs no 'unsafe-inline' in the page's Content-Security-Policy
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    root.appendChild(make('style', null, CSS));
  }

  var form = make('form');
  form.setAttribute('role', 'search');
  var label = make('label', 'vh', opts.label);
  label.htmlFor = ids.input;
  var input = make('input');
  input.id = ids.input;
  input.type = 'search';
  input.placeholder = opts.placeholder;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('aria-controls', ids.panel);
  var go = make('button', null, 'Search');
  go.type = 'submit';
  form.append(label, input, go);

  var panel = make('div', 'panel');
  panel.id = ids.panel;
  panel.hidden = true;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Lecture search results');
  var head = make('div', 'head');
  var status = make('p', 'status');
  status.id = ids.status;
  status.setAttribute('role', 'status');
  var close = make('button', 'close', '✕');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the results');
  head.append(status, close);
  var list = make('ul', 'videos');
  list.setAttribute('aria-label', 'Videos found');
  var more = make('a', 'more', 'All results on the search site');
  more.target = '_blank';
  more.rel = 'noopener';
  more.hidden = true;
  panel.append(head, list, more);
  var box = make('div', 'box');
  box.append(form, panel);
  root.append(box);

  function mount() {
    var target = opts.target ? document.querySelector(opts.target) : null;
    if (target) target.appendChild(host);
    else if (script.parentNode && document.body && document.body.contains(script)) {
      script.parentNode.insertBefore(host, script);
    } else if (document.body) document.body.appendChild(host);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // ------------------------------------------------------------------ searching

  var asked = 0; // the latest search; answers to older ones are dropped

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    search(input.value.trim());
  });

  function search(q) {
    if (!q) {
      input.focus();
      return;
    }
    var mine = ++asked;
    open();
    list.textContent = '';
    more.hidden = true;
    status.textContent = 'Searching…';
    var params = new URLSearchParams({ q: q, limit: String(opts.limit), moments: String(opts.moments) });
    if (opts.playlist) params.set('playlist', opts.playlist);
    if (opts.lang) params.set('lang', opts.lang);
    if (opts.mode) params.set('mode', opts.mode);
    fetch(base + '/api/search?' + params, { headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (body) {
          if (!r.ok) {
            throw new Error(body && typeof body.error === 'string' ? body.error : 'The search answered ' + r.status + '.');
          }
          return body;
        });
      }, function () {
        // a network failure, or the server does not list this site in corsOrigins
        throw new Error('The lecture search at ' + base + ' cannot be reached from this page.');
      })
      .then(function (body) {
        if (mine === asked) show(q, body);
      }, function (e) {
        if (mine === asked) status.textContent = e.message;
      });
  }

  function show(q, body) {
    var results = (body && body.results) || [];
    var total = body && typeof body.total === 'number' ? body.total : results.length;
    status.textContent = results.length
      ? (total === 1 ? '1 video' : total + ' videos') + ' for “' + q + '”'
      : 'Nothing found for “' + q + '”.';
    results.forEach(function (video) {
      var li = make('li', 'video');
      var h = make('h3', 'title', video.title || video.videoId);
      h.id = 'cp-v' + serial + '-' + list.childElementCount;
      var moments = make('ul');
      moments.setAttribute('aria-labelledby', h.id);
      (video.moments || []).forEach(function (m) {
        var item = make('li');
        var a = make('a', 'moment');
        a.href = new URL(m.url, base).href; // a local recording's link is Cuepoint's own page
        a.target = '_blank';
        a.rel = 'noopener';
        a.dataset.video = video.videoId;
        a.dataset.t = String(Math.floor(m.start));
        a.append(make('span', 'time', clock(m.start)));
        var words = make('span', 'words');
        marked(words, m.text || '', m.highlights || []);
        a.append(words);
        item.append(a);
        moments.append(item);
      });
      li.append(h, moments);
      list.append(li);
    });
    var site = new URLSearchParams({ q: q });
    if (opts.playlist) site.set('playlist', opts.playlist);
    more.href = base + '/?' + site;
    more.hidden = total <= results.length;
  }

  // ------------------------------------------------------------------ opening a moment

  list.addEventListener('click', function (ev) {
    var a = ev.target.closest('a.moment');
    if (!a || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    var frame = playerFor(a.dataset.video);
    if (!frame) return; // the link opens YouTube at the moment
    ev.preventDefault();
    seek(frame, Number(a.dataset.t));
    hide(false);
    frame.scrollIntoView({ block: 'center' });
    frame.focus();
  });

  /**
   * The page's own player of this video: an iframe whose address is a YouTube embed of it
   * (/embed/VIDEO_ID) that takes commands (enablejsapi=1), as YouTube's IFrame API makes them too.
   */
  function playerFor(video) {
    var frames = document.querySelectorAll('iframe[src]');
    for (var i = 0; i < frames.length; i++) {
      var u;
      try {
        u = new URL(frames[i].src, location.href);
      } catch (e) {
        continue;
      }
      var m = /\/embed\/([A-Za-z0-9_-]{11})(?:[/?#]|$)/.exec(u.pathname);
      if (m && m[1] === video && u.searchParams.get('enablejsapi') === '1' && frames[i].contentWindow) return frames[i];
    }
    return null;
  }

  /** YouTube's player takes commands as JSON messages: seekTo(seconds, allowSeekAhead), then play. */
  function seek(frame, t) {
    var origin = new URL(frame.src, location.href).origin;
    var send = function (func, args) {
      frame.contentWindow.postMessage(JSON.stringify({ event: 'command', func: func, args: args }), origin);
    };
    send('seekTo', [t, true]);
    send('playVideo', []);
  }

  // ------------------------------------------------------------------ opening and closing

  function open() {
    panel.hidden = false;
  }

  /** Closes the results; focus back in the box when it was inside them (or asked). */
  function hide(refocus) {
    var inside = root.activeElement && panel.contains(root.activeElement);
    panel.hidden = true;
      if (refocus || inside) input.focus();
  }

  close.addEventListener('click', function () {
    hide(true);
  });
  root.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && !panel.hidden) {
      ev.preventDefault();
      ev.stopPropagation();
      hide(true);
    } else if (ev.key === 'ArrowDown' && ev.target === input && !panel.hidden) {
      var first = list.querySelector('a');
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    }
  });
  // a click elsewhere on the page closes the results (events from inside are retargeted to host)
  document.addEventListener('click', function (ev) {
    if (!panel.hidden && ev.composedPath().indexOf(host) < 0) hide(false);
  });

  // ------------------------------------------------------------------ helpers

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var ss = String(s % 60).padStart(2, '0');
    return h ? h + ':' + String(m).padStart(2, '0') + ':' + ss : m + ':' + ss;
  }

  /** Text with the [from, to) ranges wrapped in <mark>. */
  function marked(parent, text, ranges) {
    var at = 0;
    ranges
      .filter(function (r) { return Array.isArray(r) && r[0] < r[1]; })
      .sort(function (a, b) { return a[0] - b[0]; })
      .forEach(function (r) {
        var from = Math.max(at, r[0]);
        var to = Math.min(text.length, r[1]);
        if (from >= to) return;
        if (from > at) parent.append(text.slice(at, from));
        parent.append(make('mark', null, text.slice(from, to)));
        at = to;
      });
    if (at < text.length) parent.append(text.slice(at));
  }
})();
