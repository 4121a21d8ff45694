// What saving a module for offline use costs (run by scripts/bench.sh; it asserts nothing).
//
// For each shipped module, in French: the bytes on the wire and on the phone of a save
// without audio and with it; then the time to save module 1 over an emulated 2G link. The
// DevTools protocol's network conditions apply to a page, not to its service worker (which
// makes the save's requests), so the link is a small proxy here instead: 250 kbit/s down,
// 100 kbit/s up, shared by all connections, 150 ms each way (300 ms round trip).
import { createServer, connect } from 'node:net';
import { startServer, launchBrowser, PHONE } from '../support/harness.mjs';
import { joinDemoCohort } from '../support/flows.mjs';

const SLOW = { down: 250_000 / 8, up: 100_000 / 8, delay: 150 };
const FAST = { down: Infinity, up: Infinity, delay: 0 };

/** A shared link of `rate` bytes a second with a fixed delay, as a queue of chunks. */
function link(rate, delay) {
  let free = Date.now();
  let bytes = 0;
  return {
    send(chunk, deliver) {
      const start = Math.max(Date.now(), free);
      free = start + (chunk.length / rate) * 1000;
      bytes += chunk.length;
      setTimeout(() => deliver(chunk), Math.max(0, free - Date.now()) + delay);
    },
    get bytes() { return bytes; },
  };
}

/** A TCP proxy to `port` through a link of `speed`; `down.bytes` counts what came down. */
async function proxy(port, speed) {
  const down = link(speed.down, speed.delay);
  const up = link(speed.up, speed.delay);
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    client.on('data', (chunk) => up.send(chunk, (c) => upstream.write(c)));
    upstream.on('data', (chunk) => down.send(chunk, (c) => client.write(c)));
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('close', () => setTimeout(end, 2000));
    upstream.on('close', () => setTimeout(end, 2000));
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close(), down };
}

/** Forgets every saved module on this phone (the caches, the list, and the browser's own
 * HTTP cache, which the worker's requests go through), as a new phone. */
async function forget(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  await page.evaluate(async () => {
    for (const name of await caches.keys()) await caches.delete(name);
    if (!(await indexedDB.databases()).some((d) => d.name === 'platform-offline')) return;
    const open = await new Promise((r) => { const o = indexedDB.open('platform-offline'); o.onsuccess = () => r(o.result); });
    await new Promise((r) => { const tx = open.transaction('saved', 'readwrite'); tx.objectStore('saved').clear(); tx.oncomplete = r; });
    open.close();
  });
}

/** Saves `module` from its page: seconds, bytes that came down, and what the phone holds. */
async function save(page, link, module, audio) {
  await page.goto(`${link.base}/modules/${module}`, { timeout: 120_000 });
  await page.waitForSelector('[data-save]:visible', { timeout: 120_000 });
  if (audio) {
    const tick = page.locator('[data-audio] input');
    if (await tick.count() === 0) return undefined;
    await tick.check();
  }
  const before = link.down.bytes;
  const start = Date.now();
  await page.click('[data-save]');
  await page.waitForSelector('[data-saved-status]:visible', { timeout: 900_000 });
  const seconds = (Date.now() - start) / 1000;
  const wire = link.down.bytes - before;
  const stored = await page.evaluate(async (m) => {
    const open = await new Promise((r) => { const o = indexedDB.open('platform-offline'); o.onsuccess = () => r(o.result); });
    const saved = await new Promise((r) => { const q = open.transaction('saved').objectStore('saved').getAll(); q.onsuccess = () => r(q.result); });
    open.close();
    return saved.find((s) => s.module === m);
  }, module);
  await forget(page);
  return { seconds, wire, stored };
}

/** A learner's phone on `link`, signed in, its service worker in charge. */
async function phone(browser, server, link, username) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'fr' });
  const page = await context.newPage();
  await joinDemoCohort(page, { javaScriptEnabled: true }, { ...server, base: link.base }, { name: username, username });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  return { context, page };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(0)} KB`;

const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  const modules = await (await fetch(server.base + '/')).text()
    .then((html) => [...new Set([...html.matchAll(/href="\/modules\/([^"/#?]+)"/g)].map((m) => m[1]))]);
  const fast = await proxy(new URL(server.base).port, FAST);
  const counted = await phone(browser, server, fast, 'banc.offline');
  await forget(counted.page);
  // The build's files (stylesheet, islands script and wasm, page script), saved once for all.
  const build = JSON.parse((await (await fetch(server.base + '/sw.js')).text()).match(/const BUILD = (\[[^\]]*\]);/)[1]);
  let raw = 0;
  for (const file of build) raw += (await (await fetch(server.base + file)).arrayBuffer()).byteLength;
  console.log(`the build's files, kept once for every saved module: ${kb(raw)} stored (${build.length} files)`);
  console.log('a saved module, in French (wire: compressed bytes downloaded, build files included; stored: what the phone keeps)');
  for (const module of modules) {
    for (const audio of [false, true]) {
      const result = await save(counted.page, fast, module, audio);
      if (!result) { console.log(`  ${module}, with audio: this server has no voice`); continue; }
      console.log(`  ${module}${audio ? ', with audio' : ''}: wire ${kb(result.wire)}, stored ${kb(result.stored.bytes)}`
        + ` (${result.stored.pages.length} pages, ${result.stored.files.length} files)`);
    }
  }
  await counted.context.close();
  fast.close();

  const slow = await proxy(new URL(server.base).port, SLOW);
  const learner = await phone(browser, server, slow, 'banc.2g');
  for (const audio of [false, true]) {
    const result = await save(learner.page, slow, modules[0], audio);
    if (!result) continue;
    console.log(`${modules[0]}${audio ? ', with audio' : ''}, saved over 2G (250 kbit/s down, 100 up, 300 ms round trip):`
      + ` ${result.seconds.toFixed(1)} s, ${kb(result.wire)} on the wire`);
  }
  await learner.context.close();
  slow.close();
} finally {
  await browser.close();
  await server.stop();
}
