// The page's own player for local recordings (served at /media/ID with byte ranges): an HTML5 <video>
// or <audio> element in place of YouTube's iframe, so moments and ?t= links play without YouTube.
// player.js asks it first; every other module talks to player.js as before.
import { $ } from './dom.js';

// video id → {type} when the server plays a recording of it, null when not, a Promise while asking
const known = new Map();
let media = null; // the <video> or <audio> element, once a local recording was played
let mediaVideo = null; // the video id it holds

/** Whether the video has a local recording: true or false once known, undefined until then. */
export function isLocal(video) {
  const k = known.get(video);
  return k === undefined || k instanceof Promise ? undefined : k !== null;
}

/** Asks the server (once per video) whether it plays a recording of the video. */
export function lookUp(video) {
  const k = known.get(video);
  if (k instanceof Promise) return k;
  if (k !== undefined) return Promise.resolve(k !== null);
  const asking = fetch('/api/videos/' + encodeURIComponent(video) + '/media')
    .then((r) => (r.ok ? r.json() : {}))
    .then((d) => {
      known.set(video, d.media ? { src: d.media, type: d.type || '' } : null);
      return !!d.media;
    })
    .catch(() => {
      known.set(video, null);
      return false;
    });
  known.set(video, asking);
  return asking;
}

/**
 * Plays the video here from second t when it has a local recording, and says so (true). Not known
 * yet: asks, calls again() once known, and says true. No recording: hides this player, says false.
 */
export function playLocal(video, t, autoplay, again) {
  const local = isLocal(video);
  if (local === undefined) {
    lookUp(video).then(again);
    return true;
  }
  if (!local) {
    hideLocal();
    return false;
  }
  const el = elementFor(video);
  const seek = () => {
    el.currentTime = t;
    if (autoplay) el.play().catch(() => {}); // refused without a user gesture: the controls are there
  };
  if (el.readyState >= 1) seek();
  else el.addEventListener('loadedmetadata', seek, { once: true });
  return true;
}

function elementFor(video) {
  const audio = known.get(video).type.startsWith('audio/');
  const tag = audio ? 'AUDIO' : 'VIDEO';
  if (!media || media.tagName !== tag) {
    if (media) media.remove();
    media = document.createElement(tag.toLowerCase());
    media.id = 'local-player';
    media.className = 'player local-player';
    media.controls = true;
    media.preload = 'metadata';
    $('player').after(media);
    mediaVideo = null;
  }
  if (mediaVideo !== video) {
    media.src = known.get(video).src;
    media.setAttribute('aria-label', 'Local recording');
    mediaVideo = video;
  }
  media.hidden = false;
  $('player').hidden = true;
  $('player-fallback').hidden = true;
  return media;
}

function hideLocal() {
  if (!media) return;
  media.pause();
  media.hidden = true;
}

/** Whether this player shows the video. */
export function localHolds(video) {
  return !!media && !media.hidden && mediaVideo === video;
}

/** The local player's time, or null when it shows nothing. */
export function localTime() {
  return media && !media.hidden && mediaVideo ? media.currentTime : null;
}

export function localPlaying() {
  return !!media && !media.hidden && !media.paused;
}

export function pauseLocal() {
  if (media) media.pause();
}

/** The label of a transcript Cuepoint made itself ('asr-local'), else ''. */
export function kindLabel(kind) {
  return kind === 'asr-local' ? 'transcribed by Cuepoint' : '';
}
