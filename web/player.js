// YouTube's embedded player (IFrame Player API), or, when its script cannot load, links to YouTube.
import { $, el } from './dom.js';
import { clock, youtubeWatch } from './format.js';
import { readUrl } from './url.js';
import { isLocal, lookUp, playLocal, localHolds, localTime, localPlaying, pauseLocal } from './localplayer.js';

const PLAYER_TIMEOUT_MS = 10000;

// 'loading' until YouTube's script says it is ready, then 'ready'; 'failed' when it cannot load:
// moments are then plain links to YouTube.
export let playerApi = 'loading';
let player = null; // YT.Player once created
let playerReady = null; // Promise resolved when the player can take commands
let playerVideo = null; // video id loaded in the player
let pendingPlay = null; // {video, t, autoplay} asked for before the API was ready

export function loadPlayerApi() {
  const meta = document.querySelector('meta[name="cuepoint-youtube-api"]');
  const src = meta && meta.content;
  if (!src) {
    playerFailed();
    return;
  }
  window.onYouTubeIframeAPIReady = () => {
    if (playerApi === 'failed') return;
    playerApi = 'ready';
    document.body.classList.remove('no-player');
    if (pendingPlay) {
      const p = pendingPlay;
      pendingPlay = null;
      playInPlayer(p.video, p.t, p.autoplay);
    }
  };
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  script.onerror = playerFailed;
  document.head.appendChild(script);
  setTimeout(() => {
    if (playerApi === 'loading') playerFailed();
  }, PLAYER_TIMEOUT_MS);
}

function playerFailed() {
  if (playerApi === 'ready') return;
  playerApi = 'failed';
  document.body.classList.add('no-player');
  // results rendered so far get YouTube links; later ones are rendered that way
  for (const a of document.querySelectorAll('a.moment')) toYouTubeLink(a);
  const s = readUrl();
  if (s.video) showFallback(s.video, s.t);
}

export function toYouTubeLink(a) {
  if (isLocal(a.dataset.video) !== false) return void lookUp(a.dataset.video).then((local) => local || toYouTubeLink(a));
  a.href = youtubeWatch(a.dataset.video, Number(a.dataset.t));
  a.target = '_blank';
  a.rel = 'noopener';
  a.dataset.external = '1';
  if (a.dataset.label) a.setAttribute('aria-label', a.dataset.label + ', opens YouTube in a new tab');
}

export function showFallback(video, t) {
  if (isLocal(video)) return; // played here, YouTube or not
  const box = $('player-fallback');
  box.textContent = '';
  box.appendChild(el('p', null, 'The YouTube player could not load here.'));
  const a = el('a', 'button', 'Watch on YouTube from ' + clock(t));
  a.href = youtubeWatch(video, t);
  a.target = '_blank';
  a.rel = 'noopener';
  box.appendChild(a);
  box.hidden = false;
  $('player').hidden = true;
}

function ensurePlayer() {
  if (player) return playerReady;
  playerReady = new Promise((resolve) => {
    player = new YT.Player('player', {
      host: 'https://www.youtube-nocookie.com',
      width: '640',
      height: '360',
      playerVars: { playsinline: 1, rel: 0, modestbranding: 1, origin: location.origin },
      events: { onReady: () => resolve(player) },
    });
  });
  return playerReady;
}

/** Plays (or, for a link opened without a click, cues) a video from a second. */
export function playInPlayer(video, t, autoplay) {
  if (playLocal(video, t, autoplay, () => playInPlayer(video, t, autoplay))) return;
  if (playerApi === 'failed') {
    showFallback(video, t);
    return;
  }
  if (playerApi === 'loading') {
    pendingPlay = { video, t, autoplay };
    return;
  }
  ensurePlayer().then((p) => {
    if (playerVideo === video) {
      p.seekTo(t, true);
      if (autoplay) p.playVideo();
    } else if (autoplay) {
      p.loadVideoById({ videoId: video, startSeconds: t });
    } else {
      p.cueVideoById({ videoId: video, startSeconds: t });
    }
    playerVideo = video;
  });
}

export function currentTime() {
  if (localTime() !== null) return localTime();
  if (player && playerVideo && typeof player.getCurrentTime === 'function') {
    const t = player.getCurrentTime();
    if (typeof t === 'number' && isFinite(t)) return t;
  }
  return readUrl().t;
}

export function isPlaying() {
  if (localTime() !== null) return localPlaying();
  return player && typeof player.getPlayerState === 'function' && player.getPlayerState() === 1;
}


/** Whether the player holds this video. */
export function playerHolds(video) {
  return localHolds(video) || (!!player && playerVideo === video);
}

/** Pauses the player, if it plays anything. */
export function pausePlayer() {
  pauseLocal();
  if (player && typeof player.pauseVideo === 'function' && playerVideo) player.pauseVideo();
}
