// The pages' script: offline use (registers the service worker /sw.js, shows the offline
// banner and the answers waiting to be sent, works the "Save for offline use" buttons) and
// the players' niceties (speed, the section being read, the next section after it). Every
// text comes from the page, already translated; without this script the pages work as they
// always did. Served by server/src/offline.rs.
(() => {
  'use strict';
  const $ = (selector) => document.querySelector(selector);
  const $$ = (selector) => [...document.querySelectorAll(selector)];

  // ---- Listening ----
  const players = $$('audio');
  const speed = $('[data-speed]');
  function setRate(rate) {
    for (const player of players) {
      player.defaultPlaybackRate = rate;
      player.playbackRate = rate;
    }
    for (const button of $$('[data-rate]')) button.setAttribute('aria-pressed', String(Number(button.dataset.rate) === rate));
  }
  let stored = 1;
  try { stored = Number(localStorage.getItem('listen-rate')) || 1; } catch { /* storage off */ }
  setRate(stored);
  if (speed) {
    speed.hidden = false;
    speed.addEventListener('click', (event) => {
      const button = event.target.closest('[data-rate]');
      if (!button) return;
      setRate(Number(button.dataset.rate));
      try { localStorage.setItem('listen-rate', button.dataset.rate); } catch { /* storage off */ }
    });
  }
  // One player at a time; a section's player marks its section and, at its end, plays the next.
  const sections = $$('.lesson-section');
  const sectionPlayer = (section) => section.querySelector('.listen:not([hidden]) audio');
  for (const player of players) {
    player.addEventListener('play', () => {
      for (const other of players) if (other !== player) other.pause();
      for (const section of sections) section.classList.toggle('reading', sectionPlayer(section) === player);
    });
  }
  sections.forEach((section, i) => {
    const player = sectionPlayer(section);
    if (!player) return;
    player.addEventListener('ended', () => {
      section.classList.remove('reading');
      const next = sections.slice(i + 1).map(sectionPlayer).find(Boolean);
      if (next) next.play().catch(() => undefined);
    });
  });

  // ---- Offline ----
  if (!('serviceWorker' in navigator) || !window.MessageChannel) return;
  const OUTBOX = __OUTBOX__;
  const SIGN_OUT = __SIGN_OUT__;
  const lang = document.documentElement.lang || 'fr';
  const me = document.querySelector('[data-account]');
  const account = me ? me.getAttribute('data-account') : '';

  navigator.serviceWorker.register('/sw.js').catch(() => undefined);

  /** Asks the service worker; resolves with its answer. */
  async function ask(message) {
    const registration = await navigator.serviceWorker.ready;
    const worker = navigator.serviceWorker.controller || registration.active;
    return new Promise((resolve, reject) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => (event.data.ok ? resolve(event.data.value) : reject(new Error(event.data.error)));
      worker.postMessage(message, [channel.port2]);
    });
  }

  function size(bytes, texts) {
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: bytes >= 1e6 ? 1 : 0 });
    return bytes >= 1e6 ? number.format(bytes / 1e6) + ' ' + texts.mb : number.format(Math.max(1, bytes / 1e3)) + ' ' + texts.kb;
  }

  // The quiz and mark-as-read forms say whose answers they carry: the outbox sends them
  // only for that account, and the server refuses them for another.
  for (const form of $$('form[method=post], form[method=POST]')) {
    const path = new URL(form.action, location.href).pathname;
    if (OUTBOX.includes(path) && account) {
      form.addEventListener('formdata', (event) => event.formData.set('for_account', account));
    }
    if (path === SIGN_OUT) form.addEventListener('submit', signOut);
  }

  /** Signing out removes what this phone kept (after a warning if answers still wait). */
  async function signOut(event) {
    const form = event.currentTarget;
    event.preventDefault();
    try {
      const state = await ask({ type: 'status', account });
      const warning = form.closest('[data-sign-out-warning]');
      if (state.waiting + state.others > 0 && warning && !window.confirm(warning.getAttribute('data-sign-out-warning'))) return;
      await ask({ type: 'clear' });
    } catch {
      // no service worker yet: nothing was kept
    }
    form.submit();
  }

  const banner = $('[data-offline-banner]');
  function showConnection() {
    if (banner) banner.hidden = navigator.onLine;
    showPlayers();
  }

  /** With no network, a player whose clip is not on the phone would only fail: hidden. */
  async function showPlayers() {
    const players = $$('.listen');
    if (navigator.onLine || players.length === 0) {
      for (const player of players) player.hidden = false;
      return;
    }
    const sources = players.map((player) => [...player.querySelectorAll('source')].map((s) => new URL(s.src, location.href).pathname));
    const kept = await ask({ type: 'kept', urls: sources.flat() }).catch(() => []);
    let at = 0;
    players.forEach((player, i) => {
      const mine = kept.slice(at, at + sources[i].length);
      at += sources[i].length;
      player.hidden = !mine.some(Boolean);
    });
    document.documentElement.setAttribute('data-players', 'shown');
  }
  showConnection();

  async function show() {
    const state = await ask({ type: 'status', account });
    const badge = $('[data-outbox]');
    const waiting = account ? state.waiting : state.others;
    if (badge) {
      badge.hidden = waiting === 0;
      $('[data-outbox-count]').textContent = String(waiting);
      const signIn = $('[data-outbox-sign-in]');
      if (signIn) signIn.hidden = Boolean(account) || waiting === 0;
    }
    const explain = $('[data-outbox-explain]');
    if (explain) explain.hidden = waiting === 0;
    const saved = new Map(state.saved.map((s) => [s.module, s]));
    for (const mark of $$('[data-saved-mark]')) mark.hidden = !saved.has(mark.getAttribute('data-saved-mark'));
    const list = $('[data-saved-list]');
    if (list) {
      list.replaceChildren(...state.saved.map((s) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = s.href;
        link.textContent = s.title;
        item.append(link);
        return item;
      }));
      list.hidden = state.saved.length === 0;
      const none = $('[data-saved-none]');
      if (none) none.hidden = state.saved.length > 0;
    }
    const offer = $('[data-offline-save]');
    if (offer) showOffer(offer, saved.get(offer.getAttribute('data-offline-save')));
    // What the outbox sent: the result (or the refusal, which the form's page explains).
    // From the offline page, where the learner waited, straight there; elsewhere a notice.
    const sent = state.sent.filter((r) => r.kind === 'quiz').pop();
    const notice = sent && $(sent.refused ? '[data-offline-refused]' : '[data-offline-sent]');
    if (sent && location.pathname === '/offline') {
      location.assign(sent.url);
    } else if (notice) {
      notice.querySelector('a').href = sent.url;
      notice.hidden = false;
    }
    // For the browser tests: the page shows what the phone holds.
    document.documentElement.setAttribute('data-offline', 'shown');
  }

  function showOffer(offer, saved) {
    offer.hidden = false;
    const texts = { kb: offer.getAttribute('data-kb'), mb: offer.getAttribute('data-mb') };
    offer.querySelector('[data-save]').hidden = Boolean(saved);
    offer.querySelector('[data-remove]').hidden = !saved;
    const audio = offer.querySelector('[data-audio]');
    if (audio) audio.hidden = Boolean(saved);
    const status = offer.querySelector('[data-saved-status]');
    status.hidden = !saved;
    if (saved) {
      status.querySelector('[data-saved-size]').textContent = size(saved.bytes, texts);
      status.querySelector('[data-saved-date]').textContent = new Date(saved.savedAt)
        .toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
      const withAudio = status.querySelector('[data-saved-audio]');
      if (withAudio) withAudio.hidden = !saved.audio;
    }
  }

  const offer = $('[data-offline-save]');
  if (offer) {
    const module = offer.getAttribute('data-offline-save');
    const busy = offer.querySelector('[data-saving]');
    const failed = offer.querySelector('[data-save-failed]');
    offer.querySelector('[data-save]').addEventListener('click', async () => {
      busy.hidden = false;
      failed.hidden = true;
      const tick = offer.querySelector('[data-audio] input');
      const format = document.createElement('audio').canPlayType('audio/ogg; codecs=opus') ? 'opus' : 'mp3';
      try {
        await ask({ type: 'save', module, audio: Boolean(tick && tick.checked), format });
        if (navigator.storage && navigator.storage.persist) await navigator.storage.persist().catch(() => false);
      } catch {
        failed.hidden = false;
      }
      busy.hidden = true;
      await show();
    });
    offer.querySelector('[data-remove]').addEventListener('click', async () => {
      await ask({ type: 'remove', module });
      await show();
    });
  }

  /** When the network is there: send what waits, then show the state. */
  async function sendWaiting() {
    if (navigator.onLine && account) await ask({ type: 'flush', account }).catch(() => undefined);
    await show();
  }

  addEventListener('online', () => { showConnection(); sendWaiting(); });
  addEventListener('offline', showConnection);
  navigator.serviceWorker.ready.then(() => {
    ask({ type: 'hello', lang }).catch(() => undefined);
    return sendWaiting();
  }).catch(() => undefined);
})();
