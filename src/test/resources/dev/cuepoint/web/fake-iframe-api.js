// A stand-in for https://www.youtube.com/iframe_api in tests (no network): YT.Player records every
// call in window.__player, and reports window.__player.time as the current time.
'use strict';
(function () {
  const rec = { created: 0, calls: [], time: 0, state: -1, videoId: null, options: null };
  window.__player = rec;

  function Player(elementId, options) {
    rec.created++;
    rec.options = { host: options.host, playerVars: options.playerVars };
    const box = typeof elementId === 'string' ? document.getElementById(elementId) : elementId;
    box.classList.add('fake-player');
    const show = () => {
      box.textContent = 'fake player: ' + (rec.videoId || '(empty)') + ' at ' + Math.floor(rec.time) + ' s';
    };
    const call = (fn, videoId, seconds) => {
      rec.calls.push({ fn, videoId, seconds });
      show();
    };
    this.loadVideoById = (a) => {
      rec.videoId = a.videoId;
      rec.time = a.startSeconds || 0;
      rec.state = 1;
      call('loadVideoById', a.videoId, a.startSeconds);
    };
    this.cueVideoById = (a) => {
      rec.videoId = a.videoId;
      rec.time = a.startSeconds || 0;
      rec.state = 5;
      call('cueVideoById', a.videoId, a.startSeconds);
    };
    this.seekTo = (s) => {
      rec.time = s;
      call('seekTo', rec.videoId, s);
    };
    this.playVideo = () => {
      rec.state = 1;
      call('playVideo', rec.videoId, rec.time);
    };
    this.pauseVideo = () => {
      rec.state = 2;
      call('pauseVideo', rec.videoId, rec.time);
    };
    this.getCurrentTime = () => rec.time;
    this.getPlayerState = () => rec.state;
    show();
    setTimeout(() => options.events && options.events.onReady && options.events.onReady({ target: this }), 0);
  }

  window.YT = { Player, PlayerState: { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 } };
  setTimeout(() => window.onYouTubeIframeAPIReady && window.onYouTubeIframeAPIReady(), 0);
})();
