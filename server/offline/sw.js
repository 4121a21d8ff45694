// The platform's service worker: saved modules for reading with no network, and the outbox
// that keeps a learner's answers until the network is back. Served at /sw.js by
// server/src/offline.rs, which writes in the build's version, files and addresses below.
// ARCHITECTURE.md ("Offline") says what it does and why. Plain JavaScript, no library.
'use strict';

const VERSION = '__VERSION__';
// The build's files every saved page needs (stylesheet, islands script and wasm, the page
// script): kept with the first saved module, shared by the others.
const BUILD = __BUILD__;
// The two forms whose answers go through the outbox (quiz submission, mark as read).
const OUTBOX = __OUTBOX__;
// Signing out goes straight to the network: its answer tells the browser to clear the site.
const SIGN_OUT = __SIGN_OUT__;
const CACHE = 'v-' + VERSION;
// A page from the network if it comes within this time, else its saved copy.
const PAGE_TIMEOUT_MS = 4000;
// Never kept: someone's account, trainers' and administrators' pages, reports, exports,
// PDFs, printed slips, server functions (the private areas of server/src/router.rs).
const NEVER = __NEVER__;
const STATIC = /^\/(pkg|media|audio|icons)\/|^\/offline-[0-9a-f]+\.js$/;

// ---- IndexedDB: the outbox, the saved modules, a few settings (`meta`). ----

const DATABASE = 'platform-offline';

function database() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('outbox', { keyPath: 'key' });
      open.result.createObjectStore('saved', { keyPath: 'key' });
      open.result.createObjectStore('meta');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function store(name, mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode);
    const request = work(tx.objectStore(name));
    tx.oncomplete = () => { db.close(); resolve(request.result); };
    tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
  });
}

const all = (name) => store(name, 'readonly', (s) => s.getAll());
const read = (name, key) => store(name, 'readonly', (s) => s.get(key));
const write = (name, value, key) => store(name, 'readwrite', (s) => s.put(value, key));
const forget = (name, key) => store(name, 'readwrite', (s) => s.delete(key));

/** Whether this phone keeps anything (a saved module, an answer): until then the worker
 * writes nothing, so that a phone that only visits, or was signed out of, holds nothing. */
async function keepsAnything() {
  holding = (await indexedDB.databases()).some((d) => d.name === DATABASE);
  return holding;
}

// The same, known at once (a request must be answered or let through without waiting):
// while nothing is kept, files go to the browser's own cache as without a worker.
let holding = true;
keepsAnything().catch(() => undefined);

let lang;

/** The language of the last page the server sent (pages are kept per language). */
async function currentLang() {
  if (!lang && (await keepsAnything())) lang = await read('meta', 'lang');
  return lang || 'fr';
}

async function setLang(code) {
  lang = code;
  if (await keepsAnything()) await write('meta', code, 'lang');
}

function isNever(path) {
  return NEVER.some((area) => path === area || path.startsWith(area + '/'));
}

/** A saved page's key: its path in one language (a query or fragment is not part of it). */
function pageKey(path, lang) {
  return path + '?sw-lang=' + lang;
}

async function matchPage(path, lang) {
  const key = pageKey(path, lang);
  return (await (await caches.open(CACHE)).match(key)) || caches.match(key);
}

// ---- Install and update ----

// Nothing is fetched at install: a visitor who never saves a module pays for nothing more.
self.addEventListener('install', () => self.skipWaiting());

// A new release takes over at once (pages are network-first: an open page keeps the files it
// loaded) and saves the saved modules again in the background, without holding requests.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
  (async () => {
    if (await keepsAnything()) await write('meta', VERSION, 'active');
    await refresh();
  })().catch(() => undefined);
});

let refreshing;

/** Re-saves the modules saved by an older build, then drops the caches nobody needs (once at
 * a time: every page that opens asks for it). */
function refresh() {
  refreshing ||= refreshOnce().finally(() => { refreshing = undefined; });
  return refreshing;
}

async function refreshOnce() {
  // Only the release in charge: a worker being replaced, still running for a moment, must
  // not save the modules back into its own, older, copies.
  if (!(await keepsAnything()) || (await read('meta', 'active')) !== VERSION) return;
  const lang = await currentLang();
  for (const saved of await all('saved')) {
    if (saved.version === VERSION || saved.lang !== lang) continue;
    try {
      await save(saved.module, saved.audio, saved.format);
    } catch {
      return; // no network: the old copies stay, whole, until next time
    }
  }
  const needed = new Set([CACHE, ...(await all('saved')).map((s) => 'v-' + s.version)]);
  for (const name of await caches.keys()) {
    if (!needed.has(name)) await caches.delete(name);
  }
}

// ---- Saving a module ----

/** A page as it is kept: a copy that can answer a navigation (a redirected response
 * cannot), with its body as the browser decoded it, and its size. */
async function copy(response) {
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return { kept: new Response(body, { status: response.status, statusText: response.statusText, headers }), bytes: body.size };
}

async function keepPage(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(path + ': ' + response.status);
  const lang = response.headers.get('content-language') || (await currentLang());
  const { kept, bytes } = await copy(response);
  await (await caches.open(CACHE)).put(pageKey(path, lang), kept);
  return bytes;
}

async function keepFile(url) {
  const cache = await caches.open(CACHE);
  const found = await cache.match(url);
  if (found) return (await found.clone().blob()).size;
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(url + ': ' + response.status);
  const size = (await response.clone().blob()).size;
  await cache.put(url, response);
  return size;
}

/** Runs `work` on every item, four at a time (a phone's link is slow, not narrow). */
async function pool(items, work) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return results;
}

async function save(module, audio, format) {
  const response = await fetch('/offline/' + encodeURIComponent(module) + '.json', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error('list: ' + response.status);
  const list = await response.json();
  lang = list.lang;
  holding = true;
  await write('meta', list.lang, 'lang');
  const files = [...BUILD, ...list.files, ...(audio ? list.audio[format === 'mp3' ? 'mp3' : 'opus'] : [])];
  const sizes = [
    ...(await pool(list.pages, keepPage)),
    ...(await pool(files, keepFile)),
  ];
  const saved = {
    key: list.lang + '|' + module,
    module,
    lang: list.lang,
    title: list.title,
    href: list.href,
    version: VERSION,
    savedAt: Date.now(),
    bytes: sizes.reduce((a, b) => a + b, 0),
    audio: Boolean(audio),
    format,
    pages: list.pages,
    files,
    tests: list.tests,
  };
  await write('saved', saved);
  return saved;
}

async function removeModule(module) {
  const lang = await currentLang();
  const saved = await read('saved', lang + '|' + module);
  if (!saved) return;
  await forget('saved', saved.key);
  // What another saved module of the same release also uses (the home and offline pages,
  // the build's files) stays.
  const others = (await all('saved')).filter((s) => s.version === saved.version);
  if (others.length === 0) {
    await caches.delete('v-' + saved.version);
    return;
  }
  const shared = new Set(others.flatMap((s) => s.files));
  const sharedPages = new Set(others.filter((s) => s.lang === saved.lang).flatMap((s) => s.pages));
  const cache = await caches.open('v-' + saved.version);
  for (const path of saved.pages) if (!sharedPages.has(path)) await cache.delete(pageKey(path, saved.lang));
  for (const url of saved.files) if (!shared.has(url) && !BUILD.includes(url)) await cache.delete(url);
}

// ---- Answering requests ----

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST') {
    if (request.mode !== 'navigate' || url.pathname === SIGN_OUT) return;
    if (OUTBOX.includes(url.pathname)) {
      event.respondWith(sendOrKeep(event, request, url));
    } else {
      // Any other form (the language switch, signing in) needs the server: with no network,
      // the offline page rather than the browser's error.
      event.respondWith(fetch(request).catch(async () => offlinePage(await currentLang())));
    }
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, request, url));
  } else if (holding && STATIC.test(url.pathname)) {
    event.respondWith(file(request));
  }
});

/** The offline page in the learner's language, saved with every module; with nothing
 * saved, a short page in both languages (there is then nothing to link to). */
async function offlinePage(lang) {
  const saved = (await matchPage('/offline', lang)) || (await caches.match(pageKey('/offline', lang === 'fr' ? 'en' : 'fr')));
  if (saved) return saved;
  return new Response('<!DOCTYPE html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>Hors connexion / Offline</title><body style="font:1.125rem/1.6 system-ui,sans-serif;margin:1rem">'
    + '<h1>Vous êtes hors connexion</h1><p>Aucun module n’est enregistré sur ce téléphone. Avec du réseau, ouvrez un module et touchez « Enregistrer pour hors connexion ».</p>'
    + '<h2 lang="en">You are offline</h2><p lang="en">No module is saved on this phone. With a network, open a module and tap “Save for offline use”.</p></body></html>',
  { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** A page: from the network if it answers in time (its saved copy refreshed), else saved. */
async function page(event, request, url) {
  const lang = await currentLang();
  if (isNever(url.pathname)) return fetch(request).catch(() => offlinePage(lang));
  const cached = await matchPage(url.pathname, lang);
  const network = fetch(request).then(async (response) => {
    const served = response.headers.get('content-language');
    if (served && served !== lang) await setLang(served);
    // A saved copy of this release is refreshed (one of an older release is replaced only
    // with the rest of its module, so that its files stay those of its build).
    const cache = await caches.open(CACHE);
    if (response.ok && !response.redirected && served && (await cache.match(pageKey(url.pathname, served)))) {
      await cache.put(pageKey(url.pathname, served), (await copy(response.clone())).kept);
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  if (!cached) return network.catch(() => offlinePage(lang));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(cached), PAGE_TIMEOUT_MS);
    network.then(
      (response) => { clearTimeout(timer); resolve(response.status >= 500 ? cached : response); },
      () => { clearTimeout(timer); resolve(cached); },
    );
  });
}

/** A built file, an image or a clip: its saved copy if there is one (their names do not
 * change meaning within a version), else the network. A range of a saved clip is cut here. */
async function file(request) {
  const cached = (await (await caches.open(CACHE)).match(request.url)) || (await caches.match(request.url));
  if (!cached) return fetch(request);
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.get('range') || '');
  if (!range) return cached;
  const blob = await cached.blob();
  const start = Number(range[1]);
  const end = range[2] ? Math.min(Number(range[2]), blob.size - 1) : blob.size - 1;
  if (start >= blob.size) return new Response(null, { status: 416, headers: { 'Content-Range': 'bytes */' + blob.size } });
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': cached.headers.get('content-type') || 'application/octet-stream',
      'Content-Range': 'bytes ' + start + '-' + end + '/' + blob.size,
      'Content-Length': String(end - start + 1),
    },
  });
}

// ---- The outbox ----

/** One entry per attempt or lesson and account: a second tap replaces the first. */
function entryOf(request, url, body) {
  const form = new URLSearchParams(body);
  const kind = url.pathname === OUTBOX[0] ? 'quiz' : 'read';
  const account = form.get('for_account') || '';
  const what = kind === 'quiz'
    ? [form.get('module'), form.get('kind'), form.get('attempt')]
    : [form.get('module'), form.get('lesson')];
  return { key: [kind, account, ...what].join('|'), kind, url: url.pathname, body, page: request.referrer, account, module: form.get('module'), created: Date.now() };
}

/** A quiz or mark-as-read form: kept in the outbox first, then sent; if the network fails,
 * it stays there and the learner is told so (on the offline page, or back on the lesson). */
async function sendOrKeep(event, request, url) {
  const entry = entryOf(request, url, await request.clone().text());
  holding = true;
  await write('outbox', entry);
  try {
    const response = await fetch(request);
    if (response.status < 500) {
      await forget('outbox', entry.key);
      event.waitUntil(afterSent(entry).catch(() => undefined));
    }
    return response;
  } catch {
    if (self.registration.sync) await self.registration.sync.register('outbox').catch(() => undefined);
    return Response.redirect(entry.kind === 'quiz' || !entry.page ? '/offline' : entry.page, 303);
  }
}

/** What a sent entry changed: the saved module page and tests (the next attempt's number). */
async function afterSent(entry) {
  for (const saved of (await all('saved')).filter((s) => s.module === entry.module)) {
    await pool(saved.tests, keepPage).catch(() => undefined);
  }
}

// The server's answers to a replayed form (it goes back to the form's page with `?error=`)
// that mean "not now": the entry stays until the same account is signed in.
const NOT_NOW = ['sign-in-required', 'other-account', 'password-change-required'];

/** Sends the outbox (of `account` when a page asks; every entry when the browser's
 * background sync does, the server refusing another account's). Stops at the first network
 * failure. Returns what became of each entry. */
async function flush(account) {
  const results = [];
  if (!(await keepsAnything())) return results;
  for (const entry of await all('outbox')) {
    if (account !== undefined && entry.account !== account) continue;
    let response;
    try {
      response = await fetch(entry.url, {
        method: 'POST',
        body: entry.body,
        credentials: 'same-origin',
        referrer: entry.page || '/',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      });
    } catch {
      break;
    }
    if (response.status >= 500) break;
    const where = new URL(response.url);
    const error = where.searchParams.get('error');
    if (NOT_NOW.includes(error)) {
      results.push({ kind: entry.kind, kept: error });
      continue;
    }
    await forget('outbox', entry.key);
    await afterSent(entry).catch(() => undefined);
    results.push({ kind: entry.kind, url: where.pathname + where.search, refused: error || undefined });
  }
  if (results.some((r) => r.url)) await write('meta', results.filter((r) => r.url), 'sent');
  return results;
}

self.addEventListener('sync', (event) => {
  if (event.tag === 'outbox') event.waitUntil(flush());
});

// ---- What the pages ask ----

async function status(account) {
  if (!(await keepsAnything())) return { version: VERSION, lang: await currentLang(), saved: [], waiting: 0, others: 0, sent: [] };
  const lang = await currentLang();
  const outbox = await all('outbox');
  const sent = (await read('meta', 'sent')) || [];
  if (sent.length) await forget('meta', 'sent');
  return {
    version: VERSION,
    lang,
    saved: (await all('saved')).filter((s) => s.lang === lang)
      .map(({ module, title, href, bytes, savedAt, audio }) => ({ module, title, href, bytes, savedAt, audio })),
    waiting: outbox.filter((e) => e.account === account).length,
    others: outbox.filter((e) => e.account !== account).length,
    sent,
  };
}

/** Signing out on a shared phone: every saved page and the outbox go. */
async function clearAll() {
  holding = false;
  for (const name of await caches.keys()) await caches.delete(name);
  await new Promise((resolve) => {
    const deleting = indexedDB.deleteDatabase('platform-offline');
    deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
  });
}

self.addEventListener('message', (event) => {
  const message = event.data || {};
  const port = event.ports[0];
  const answer = (promise) => event.waitUntil(promise.then(
    (value) => port && port.postMessage({ ok: true, value }),
    (error) => port && port.postMessage({ ok: false, error: String(error) }),
  ));
  switch (message.type) {
    case 'hello': answer(setLang(message.lang || 'fr').then(refresh)); break;
    case 'status': answer(status(message.account)); break;
    case 'save': answer(save(message.module, message.audio, message.format)); break;
    case 'remove': answer(removeModule(message.module)); break;
    case 'flush': answer(flush(message.account)); break;
    case 'clear': answer(clearAll()); break;
    case 'kept': answer(Promise.all((message.urls || []).map((url) => caches.match(url).then(Boolean)))); break;
    default: break;
  }
});
