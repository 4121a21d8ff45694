// What a phone downloads, asserted on the requests the browser made (sizes, not timings):
// a lesson loads no wasm and no script but the small offline one (at most 4 KB, where
// JavaScript runs), and weighs at most 40 KB on a first visit, with and
// without JavaScript, in French and English; a repeat visit is the page alone; the pages with
// an island load the wasm once, and a repeat visit takes it from the cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, eachModeAndLanguage, phonePage, waitForHydration, MODES } from '../support/harness.mjs';

const spec = useServer();

/**
 * Every request `page` sends over the network from now on (not those the cache answers), with
 * its bytes on the wire (headers and compressed body), from the DevTools protocol.
 */
async function record(page) {
  const seen = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Map();
  cdp.on('Network.requestWillBeSent', (e) => pending.set(e.requestId, { url: e.request.url, cached: false }));
  cdp.on('Network.requestServedFromCache', (e) => { const r = pending.get(e.requestId); if (r) r.cached = true; });
  cdp.on('Network.responseReceived', (e) => {
    const r = pending.get(e.requestId);
    if (r && (e.response.fromDiskCache || e.response.fromMemoryCache)) r.cached = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = pending.get(e.requestId);
    if (r && !r.cached && !r.url.startsWith('data:')) seen.push({ url: r.url, bytes: e.encodedDataLength });
  });
  return seen;
}

async function firstLesson(page) {
  await page.goto(spec.server.base + '/');
  const module = await page.getAttribute('a[href^="/modules/"]', 'href');
  await page.goto(spec.server.base + module);
  return page.getAttribute('.lesson-list a', 'href');
}

eachModeAndLanguage((mode, lang) => {
  test(`${mode.name} ${lang}: a lesson loads no wasm and no script but the offline one, weighs at most 40 KB, and comes back as one request`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    const lesson = await firstLesson(page);
    await context.close();

    const fresh = await phonePage(spec.browser, mode, lang);
    const seen = await record(fresh.page);
    await fresh.page.goto(spec.server.base + lesson, { waitUntil: 'networkidle' });
    assert.equal(await fresh.page.getAttribute('html', 'lang'), lang);
    const code = seen.filter((r) => /\.(wasm|js)(\?|$)/.test(r.url) && !/\/offline-[0-9a-f]+\.js$/.test(r.url));
    assert.deepEqual(code, [], 'a lesson downloads no wasm and no script but the offline one');
    const offline = seen.filter((r) => /\/offline-[0-9a-f]+\.js$/.test(r.url));
    assert.equal(offline.length, mode.javaScriptEnabled ? 1 : 0, 'the offline script, where scripts run');
    assert.ok(offline.every((r) => r.bytes <= 4 * 1024), `the offline script: ${offline.map((r) => r.bytes)} bytes`);
    const total = seen.reduce((sum, r) => sum + r.bytes, 0);
    assert.ok(total <= 40 * 1024, `first visit: ${total} bytes in ${seen.length} requests`);
    assert.deepEqual(seen.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith('/pkg/')).length, 1, 'the stylesheet');

    // Again, as a learner coming back: the stylesheet is immutable, only the page revalidates.
    seen.length = 0;
    await fresh.page.goto(spec.server.base + lesson, { waitUntil: 'networkidle' });
    const fetched = seen;
    assert.deepEqual(fetched.map((r) => new URL(r.url).pathname), [lesson], 'a repeat visit is one request');
    assert.ok(fetched[0].bytes <= 40 * 1024);
    assert.deepEqual([...errors, ...fresh.errors], []);
    await fresh.context.close();
  });
});

for (const mode of MODES) {
  test(`${mode.name}: /verify loads the wasm only with JavaScript, and only once`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, 'fr');
    const seen = await record(page);
    await page.goto(spec.server.base + '/verify', { waitUntil: 'networkidle' });
    const wasm = () => seen.filter((r) => r.url.endsWith('.wasm'));
    if (mode.javaScriptEnabled) {
      await waitForHydration(page);
      assert.equal(wasm().length, 1, 'the islands load the wasm');
      assert.match(wasm()[0].url, /\/pkg\/app\.[A-Za-z0-9_-]+\.wasm$/, 'a content-hashed name');
      assert.equal(await page.getAttribute('body', 'data-hydrated'), 'true');
      seen.length = 0;
      await page.goto(spec.server.base + '/verify', { waitUntil: 'networkidle' });
      await waitForHydration(page);
      assert.deepEqual(wasm(), [], 'a repeat visit takes the wasm from the cache');
    } else {
      assert.deepEqual(wasm(), [], 'nothing to run, nothing downloaded');
      assert.equal(await page.getAttribute('body', 'data-hydrated'), null);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
