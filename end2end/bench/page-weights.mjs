// What a phone on 2G downloads, page by page (run by scripts/bench.sh; it asserts nothing).
//
// Headless Chromium with the DevTools protocol's network conditions: 250 kbit/s down,
// 100 kbit/s up, 300 ms round trip. For a lesson, a module page, the quiz page, /verify and a
// trainer's cohort page: a first visit with a cold cache, then a repeat visit, with
// JavaScript on, and the lesson also with JavaScript off. Prints first-contentful-paint, load,
// network idle, bytes on the wire by kind and the number of requests.
import { startServer, launchBrowser, PHONE } from '../support/harness.mjs';

const LINK = { offline: false, latency: 300, downloadThroughput: 250_000 / 8, uploadThroughput: 100_000 / 8 };

function kindOf(url, type) {
  if (type === 'Document') return 'document';
  if (url.endsWith('.wasm')) return 'wasm';
  if (url.endsWith('.js') || type === 'Script') return 'script';
  if (url.endsWith('.css') || type === 'Stylesheet') return 'css';
  return 'other';
}

/** Loads `url` in `page` over the slow link and returns its figures. */
async function visit(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', LINK);
  await cdp.send('Performance.enable');
  const requests = new Map();
  const bytes = { document: 0, script: 0, wasm: 0, css: 0, other: 0 };
  let count = 0;
  let lastEnd = 0;
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type }));
  cdp.on('Network.requestServedFromCache', (e) => { const r = requests.get(e.requestId); if (r) r.fromCache = true; });
  cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) r.fromCache ||= e.response.fromDiskCache || e.response.fromMemoryCache; });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r || r.url.startsWith('data:')) return;
    count += r.fromCache ? 0 : 1;
    bytes[kindOf(r.url, r.type)] += e.encodedDataLength;
    lastEnd = Math.max(lastEnd, Date.now());
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const load = Date.now() - start;
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const idle = (lastEnd || Date.now()) - start;
  // The browser's own paint timing (DevTools can read it with scripts off too); else the
  // Performance domain's metrics, which it collects only since it was enabled (before loading).
  const painted = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
    .catch(() => undefined);
  const fcp = painted !== undefined ? Math.round(painted) : await cdp.send('Performance.getMetrics')
    .then(({ metrics }) => {
      const get = (name) => metrics.find((m) => m.name === name)?.value;
      const nav = get('NavigationStart');
      const paint = get('FirstContentfulPaint') ?? get('FirstMeaningfulPaint');
      return nav && paint ? Math.round((paint - nav) * 1000) : NaN;
    });
  await cdp.detach();
  return { fcp, load, idle, bytes, count };
}

function print(label, f) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(6);
  const total = Object.values(f.bytes).reduce((a, b) => a + b, 0);
  console.log(`  ${label.padEnd(34)} FCP ${String(f.fcp).padStart(5)} ms  load ${String(f.load).padStart(6)} ms  idle ${String(f.idle).padStart(6)} ms  `
    + `${kb(total)} KB in ${String(f.count).padStart(2)} req  (doc ${kb(f.bytes.document)}, script ${kb(f.bytes.script)}, wasm ${kb(f.bytes.wasm)}, css ${kb(f.bytes.css)}, other ${kb(f.bytes.other)})`);
}

const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  // Accounts made through the pages, at full speed: a learner who has read the first
  // module (so its quiz is open) and the demo trainer.
  const setup = await browser.newContext({ viewport: PHONE, locale: 'fr' });
  const page = await setup.newPage();
  await page.goto(server.base + '/join');
  await page.fill('#field-join_code', server.demo.joinCode);
  await page.fill('#field-display_name', 'Mesure');
  await page.fill('#field-username', 'mesure.2g');
  await page.check('input[name=affiliation][value=fds]');
  await page.fill('#field-password', 'une phrase facile');
  await page.fill('#field-confirmation', 'une phrase facile');
  await Promise.all([page.waitForURL(server.base + '/'), page.click('form.form button[type=submit]')]);
  const module = await page.getAttribute('a[href^="/modules/"]', 'href');
  await page.goto(server.base + module);
  const lesson = await page.getAttribute('.lesson-list a', 'href');
  await page.goto(server.base + lesson);
  for (let i = 0; i < 30 && (await page.locator('.mark-read button').count()) > 0; i++) {
    await Promise.all([page.waitForNavigation(), page.click('.mark-read button')]);
  }
  const learner = await setup.storageState();
  await page.goto(server.base + '/sign-in');
  const trainerContext = await browser.newContext({ viewport: PHONE, locale: 'fr' });
  const trainerPage = await trainerContext.newPage();
  await trainerPage.goto(server.base + '/sign-in');
  await trainerPage.fill('#field-username', server.demo.username);
  await trainerPage.fill('#field-password', server.demo.password);
  await Promise.all([trainerPage.waitForNavigation(), trainerPage.click('form.form button[type=submit]')]);
  await trainerPage.goto(server.base + '/trainer');
  const cohort = await trainerPage.getAttribute('a[href^="/trainer/cohorts/"]', 'href');
  const trainer = await trainerContext.storageState();
  await setup.close();
  await trainerContext.close();

  const pages = [
    ['lesson', lesson, learner, true],
    ['lesson, JavaScript off', lesson, learner, false],
    ['module page', module, learner, true],
    ['quiz page', `${module}/test/quiz`, learner, true],
    ['/verify', '/verify', undefined, true],
    ["trainer's cohort page", cohort, trainer, true],
  ];
  console.log(`emulated 2G: 250 kbit/s down, 100 kbit/s up, 300 ms round trip; phone ${PHONE.width}x${PHONE.height}`);
  for (const [label, path, storageState, javaScriptEnabled] of pages) {
    const context = await browser.newContext({ viewport: PHONE, locale: 'fr', storageState, javaScriptEnabled });
    const tab = await context.newPage();
    print(`${label}: first visit`, await visit(tab, server.base + path));
    print(`${label}: repeat visit`, await visit(tab, server.base + path));
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
