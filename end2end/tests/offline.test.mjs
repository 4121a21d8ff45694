// Offline on the phone, at 360 × 740, in French and English: save module 1, read it with no
// network, take its quiz offline and see the answers sent once when the network is back,
// keep answers through an expired session for their own account only, sign out of a shared
// phone leaving nothing behind, get a new release's copies, and, without JavaScript, find the
// site as it always was. `context.setOffline` cuts the network, the service worker's included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServer, phonePage, startServer, SCREENSHOTS, FIXTURE_CONTENT, LANGUAGES, MODES } from '../support/harness.mjs';
import { ready, assertFitsThePhone, joinDemoCohort, readFirstModule, answerAll, signIn, useLanguage } from '../support/flows.mjs';

const TEXT = {
  fr: {
    start: 'Commencer', read: 'J’ai lu cette leçon', next: 'Question suivante', quiz: 'Commencer le quiz',
    save: 'Enregistrer pour hors connexion', saved: 'Enregistré sur ce téléphone', banner: 'Vous êtes hors connexion',
    offline: 'Vous êtes hors connexion', waiting: 'Non envoyé', sent: 'Vos réponses ont été envoyées.',
    attempts: 'Tentatives', progress: 'Progression des apprenants', kb: 'Ko', signOut: 'Se déconnecter',
    warning: 'Des réponses n’ont pas encore été envoyées.',
  },
  en: {
    start: 'Start', read: 'I have read this lesson', next: 'Next question', quiz: 'Start the quiz',
    save: 'Save for offline use', saved: 'Saved on this phone', banner: 'You are offline',
    offline: 'You are offline', waiting: 'Not sent yet', sent: 'Your answers were sent.',
    attempts: 'Attempts', progress: "Learners' progress", kb: 'KB', signOut: 'Sign out',
    warning: 'Some answers have not been sent yet.',
  },
};

const [HYDRATED, NO_JS] = MODES;
const spec = useServer({ demo: true, content: FIXTURE_CONTENT });
let learners = 0;

/** A new learner of the demo cohort, signed in, on a phone with JavaScript. */
async function learner(lang, tag) {
  const phone = await phonePage(spec.browser, HYDRATED, lang);
  const name = `Hors ligne ${tag} ${++learners}`;
  const username = `offline.${tag}.${learners}`;
  await joinDemoCohort(phone.page, HYDRATED, spec.server, { name, username });
  await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  return { ...phone, name, username };
}

/** Waits until the page script has shown what the phone holds. */
async function shown(page) {
  await page.waitForSelector('html[data-offline="shown"]', { state: 'attached', timeout: 20000 });
}

/** Taps "Save for offline use" on module 1's page and waits for "Saved on this phone". */
async function saveFirstModule(page, t) {
  await page.goto(spec.server.base + '/modules/first');
  await page.waitForSelector('[data-offline-save]:visible');
  await page.click(`[data-save] >> text=${t.save}`);
  await page.waitForSelector('[data-saved-status]:visible', { timeout: 60000 });
  const status = await page.textContent('[data-saved-status]');
  assert.match(status, new RegExp(`${t.saved}.*\\d+\\s${t.kb}`));
}

/** What the phone holds: each cache's addresses, and the outbox and saved modules. */
function held(page) {
  return page.evaluate(async () => {
    const caches_ = {};
    for (const name of await caches.keys()) {
      caches_[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    }
    const names = (await indexedDB.databases()).map((d) => d.name);
    const read = (store) => new Promise((resolve) => {
      if (!names.includes('platform-offline')) return resolve([]);
      const open = indexedDB.open('platform-offline');
      open.onsuccess = () => {
        const request = open.result.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => { open.result.close(); resolve(request.result); };
      };
    });
    return { caches: caches_, databases: names, outbox: await read('outbox'), saved: await read('saved') };
  });
}

/** Waits until `check` (run in the page, may be async) is true, polling: page.waitForFunction
 * does not wait for a promise. */
async function until(page, check, arg, timeout) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check, arg))) {
    assert.ok(Date.now() < end, `not true within ${timeout} ms: ${check}`);
    await page.waitForTimeout(250);
  }
}

/** In the page: whether the phone's outbox holds nothing. */
function outboxIsEmpty() {
  return new Promise((resolve) => {
    const open = indexedDB.open('platform-offline');
    open.onsuccess = () => {
      const count = open.result.transaction('outbox').objectStore('outbox').count();
      count.onsuccess = () => { open.result.close(); resolve(count.result === 0); };
    };
  });
}

/** With the network cut, answers module 1's saved quiz, all right: the answers wait and the
 * phone shows the offline page. */
async function answerOffline(context, page, t) {
  await context.setOffline(true);
  await page.goto(spec.server.base + '/modules/first/test/quiz');
  await ready(page, HYDRATED);
  await answerAll(page, HYDRATED, t.next, true, /\/offline$/);
}

/** Puts `entry` in the phone's outbox as the service worker would (the store made if none). */
function putInOutbox(page, entry) {
  return page.evaluate((stored) => new Promise((resolve, reject) => {
    const open = indexedDB.open('platform-offline', 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('outbox', { keyPath: 'key' });
      open.result.createObjectStore('saved', { keyPath: 'key' });
      open.result.createObjectStore('meta');
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').put(stored);
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }), entry);
}

/** The trainer's record of `name`: how many attempts it counts. */
async function attemptsInTrainersRecord(lang, name, t) {
  const trainer = await phonePage(spec.browser, HYDRATED, lang);
  const page = trainer.page;
  await signIn(page, HYDRATED, spec.server, spec.server.demo.username, spec.server.demo.password);
  await useLanguage(page, HYDRATED, lang);
  await page.goto(spec.server.base + '/trainer');
  const cohort = (await page.$$eval('a[href^="/trainer/cohorts/"]', (links) => links.map((a) => a.getAttribute('href'))))
    .find((href) => /^\/trainer\/cohorts\/\d+$/.test(href));
  await page.goto(spec.server.base + cohort + '/progress');
  const row = page.locator('table.report tbody tr', { hasText: name });
  assert.equal(await row.locator('td[data-state="passed"]').count(), 1, 'the matrix shows the pass');
  await page.goto(spec.server.base + await row.locator('a[href*="/learners/"]').first().getAttribute('href'));
  const count = await page.locator(`dl.summary dt:text-is("${t.attempts}") + dd`).textContent();
  // Nothing the trainer sees is ever kept by the service worker.
  const kept = await held(page);
  assert.ok(Object.values(kept.caches).flat().every((path) => !path.startsWith('/trainer')), JSON.stringify(kept.caches));
  await trainer.context.close();
  return Number(count.trim());
}

for (const lang of LANGUAGES) {
  const t = TEXT[lang];

  test(`${lang}: save module 1, read every lesson and the job aid offline, an unsaved page says so`, async () => {
    const { context, page, errors } = await learner(lang, `read.${lang}`);
    await saveFirstModule(page, t);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `offline-saved-${lang}.png`), fullPage: true });
    const lessons = await page.$$eval('.lesson-list a', (links) => links.map((a) => a.getAttribute('href')));
    const jobAid = await page.getAttribute('.job-aid-link a', 'href');
    assert.equal(lessons.length, 2);
    await page.goto(spec.server.base + '/');
    await shown(page);
    assert.ok(await page.isVisible('[data-saved-mark="first"]'), 'the home page marks the saved module');
    assert.ok(!(await page.isVisible('[data-saved-mark="second"]')));

    await context.setOffline(true);
    for (const href of [...lessons, jobAid, '/modules/first', '/']) {
      await page.goto(spec.server.base + href);
      assert.ok(await page.isVisible('[data-offline-banner]'), `${href}: the offline banner`);
      assert.match(await page.textContent('[data-offline-banner]'), new RegExp(t.banner));
      assert.ok((await page.textContent('main h1')).trim().length > 0, `${href} opens`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
    }
    await page.goto(spec.server.base + lessons[1]);
    // The audio was not saved: no player that could only fail.
    await page.waitForSelector('.listen-lesson', { state: 'hidden' });
    assert.equal(await page.locator('.listen:visible').count(), 0, 'no player for audio not saved');
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `offline-lesson-${lang}.png`), fullPage: true });
    // A form that needs the server (the language switch) says so too.
    await page.click('.lang-switch button');
    await page.waitForSelector(`main h1 >> text=${t.offline}`);
    for (const unsaved of ['/modules/second', '/verify', '/trainer']) {
      await page.goto(spec.server.base + unsaved);
      assert.equal(await page.textContent('main h1'), t.offline, unsaved);
      assert.equal(await page.getAttribute('[data-saved-list] a', 'href'), '/modules/first', 'a link to what is saved');
    }
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `offline-page-${lang}.png`), fullPage: true });
    // Nothing private was kept: only the course's pages and files.
    const kept = await held(page);
    const paths = Object.values(kept.caches).flat();
    for (const area of ['/account', '/trainer', '/admin', '/certificates', '/api', '/slips']) {
      assert.ok(paths.every((p) => !p.startsWith(area)), `${area} never kept: ${paths}`);
    }
    assert.ok(paths.every((p) => !p.startsWith('/audio/')), 'no audio unless ticked');

    // Back online, "Remove" frees the space.
    await context.setOffline(false);
    await page.goto(spec.server.base + '/modules/first');
    await page.click('[data-remove]');
    await page.waitForSelector('[data-save]:visible');
    assert.deepEqual(Object.values((await held(page)).caches).flat(), [], 'nothing left');
    await page.goto(spec.server.base + '/');
    await shown(page);
    assert.ok(!(await page.isVisible('[data-saved-mark="first"]')));
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
    await context.close();
  });

  test(`${lang}: a quiz taken offline waits, is sent when the network is back, and counts once`, async () => {
    const { context, page, name } = await learner(lang, `quiz.${lang}`);
    await readFirstModule(page, HYDRATED, spec.server, t);

    // An answer the server refuses (here an attempt that is not the next one, as after the
    // quiz changed) leaves the outbox, and the learner is shown why.
    await page.goto(spec.server.base + '/modules/first/test/quiz');
    await ready(page, HYDRATED);
    const action = new URL(await page.$eval('form:has(input[name=attempt])', (f) => f.action)).pathname;
    const account = await page.getAttribute('[data-account]', 'data-account');
    await putInOutbox(page, {
      key: `quiz|${account}|first|quiz|9`, kind: 'quiz', account, module: 'first', url: action,
      page: spec.server.base + '/modules/first/test/quiz', body: `module=first&kind=quiz&attempt=9&for_account=${account}`,
    });
    await page.goto(spec.server.base + '/modules/first');
    await page.waitForSelector('[data-offline-refused]:visible', { timeout: 20000 });
    assert.equal((await held(page)).outbox.length, 0, 'a refused answer leaves the outbox');
    await Promise.all([page.waitForURL(/\/test\/quiz\?error=stale-attempt$/), page.click('[data-offline-refused] a')]);
    assert.ok(await page.isVisible('.form-error'), 'the reason, on the quiz page');
    await saveFirstModule(page, t);
    await answerOffline(context, page, t);
    await page.waitForSelector('[data-outbox]:visible');
    assert.equal(await page.textContent('[data-outbox-count]'), '1');
    assert.match(await page.textContent('[data-outbox]'), new RegExp(t.waiting));
    assert.ok(await page.isVisible('[data-outbox-explain]'));
    await page.screenshot({ path: join(SCREENSHOTS, `offline-waiting-${lang}.png`), fullPage: true });
    const [entry] = (await held(page)).outbox;
    assert.equal(entry.kind, 'quiz');
    // Every page says it, in the header.
    await page.goto(spec.server.base + '/modules/first/01-start');
    await page.waitForSelector('[data-outbox]:visible');
    await page.goto(spec.server.base + '/offline');
    await page.waitForSelector('[data-outbox]:visible');

    // The network comes back: the outbox sends, and the learner sees the graded result.
    await Promise.all([
      page.waitForURL(/\/modules\/first\/test\/quiz\/1$/, { timeout: 30000 }),
      context.setOffline(false),
    ]);
    await page.waitForSelector('.result[data-passed="true"]');
    await page.goto(spec.server.base + '/modules/first');
    await shown(page);
    assert.equal(await page.locator('.attempts li').count(), 1);
    assert.ok(!(await page.isVisible('[data-outbox]')), 'nothing waits any more');

    // The same entry replayed (a flaky reconnect, a second tab): still one attempt.
    await putInOutbox(page, entry);
    await page.reload();
    await until(page, outboxIsEmpty, null, 20000);
    await page.goto(spec.server.base + '/modules/first');
    assert.equal(await page.locator('.attempts li').count(), 1, 'recorded once');
    assert.equal(await attemptsInTrainersRecord(lang, name, t), 1);
    await context.close();
  });

  test(`${lang}: answers kept through an expired session go only to their own account`, async () => {
    const other = await learner(lang, `other.${lang}`);
    await other.context.close();
    const { context, page, username } = await learner(lang, `expired.${lang}`);
    await readFirstModule(page, HYDRATED, spec.server, t);
    await saveFirstModule(page, t);
    await answerOffline(context, page, t);
    // The session ends while the phone is offline (its cookie is gone).
    await context.clearCookies();
    await context.setOffline(false);
    await page.goto(spec.server.base + '/');
    await page.waitForSelector('[data-outbox]:visible');
    assert.ok(await page.isVisible('[data-outbox-sign-in]'), 'asked to sign in');
    assert.equal((await held(page)).outbox.length, 1, 'kept');

    // Another learner signs in on this phone: not sent.
    await signIn(page, HYDRATED, spec.server, other.username, 'une phrase facile');
    await page.goto(spec.server.base + '/modules/first');
    await shown(page);
    assert.equal(await page.locator('.attempts li').count(), 0, 'nothing recorded for the other learner');
    assert.equal((await held(page)).outbox.length, 1, 'still kept');

    // The same learner signs in again: sent, and the result is one tap away.
    await context.clearCookies();
    await signIn(page, HYDRATED, spec.server, username, 'une phrase facile');
    await page.waitForSelector('[data-offline-sent]:visible', { timeout: 20000 });
    assert.match(await page.textContent('[data-offline-sent]'), new RegExp(t.sent));
    await Promise.all([page.waitForURL(/\/test\/quiz\/1$/), page.click('[data-offline-sent] a')]);
    await page.waitForSelector('.result[data-passed="true"]');
    assert.equal((await held(page)).outbox.length, 0);
    await context.close();
  });

  test(`${lang}: signing out of a shared phone leaves nothing saved behind`, async () => {
    const { context, page } = await learner(lang, `shared.${lang}`);
    await saveFirstModule(page, t);
    await context.setOffline(true);
    await page.goto(spec.server.base + '/modules/first/01-start');
    await Promise.all([page.waitForURL(/01-start$/), page.click(`.mark-read button >> text=${t.read}`)]);
    await context.setOffline(false);
    await page.goto(spec.server.base + '/account');
    // Someone else's answers still wait on this phone (given before their session ended).
    await putInOutbox(page, { key: 'quiz|999999|first|quiz|1', kind: 'quiz', account: '999999', url: '/api/none', body: '', module: 'first' });
    const before = await held(page);
    assert.ok(Object.values(before.caches).flat().length > 5, 'pages were saved');
    assert.ok(before.outbox.some((e) => e.account === '999999'), 'the other one waits');
    // Nothing about the account is ever kept.
    assert.ok(Object.values(before.caches).flat().every((p) => !p.startsWith('/account')));

    // First the learner cancels at the warning: nothing happens.
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.click(`button >> text=${t.signOut}`);
    await page.waitForTimeout(500);
    assert.match(new URL(page.url()).pathname, /^\/account$/);
    assert.ok((await held(page)).outbox.some((e) => e.account === '999999'), 'nothing removed');
    let warned = '';
    page.once('dialog', (dialog) => { warned = dialog.message(); dialog.accept(); });
    await Promise.all([page.waitForURL(spec.server.base + '/'), page.click(`button >> text=${t.signOut}`)]);
    await page.waitForLoadState('networkidle');
    assert.ok(warned.startsWith(t.warning), warned);
    const after = await held(page);
    assert.deepEqual(Object.values(after.caches).flat(), [], 'Cache Storage is empty');
    assert.deepEqual(after.databases, [], 'IndexedDB is empty');
    await context.close();
  });
}

test('fr: with every page closed, the browser\'s background sync sends what waits', async () => {
  const t = TEXT.fr;
  const { context, page } = await learner('fr', 'sync');
  await readFirstModule(page, HYDRATED, spec.server, t);
  await saveFirstModule(page, t);
  await answerOffline(context, page, t);
  await page.close();
  await context.setOffline(false);
  // A tab on the site with no page script (an icon), to read the outbox without sending it.
  const look = await context.newPage();
  await look.goto(spec.server.base + '/icons/192.png');
  await until(look, outboxIsEmpty, null, 30000);
  await look.goto(spec.server.base + '/modules/first');
  assert.equal(await look.locator('.attempts li').count(), 1, 'recorded');
  await context.close();
});

test('fr: with the audio ticked, the lessons play with no network', async () => {
  const { context, page } = await learner('fr', 'audio');
  await page.goto(spec.server.base + '/modules/first');
  await page.waitForSelector('[data-offline-save]:visible');
  assert.match(await page.textContent('[data-audio]'), /Avec l’audio/);
  await page.check('[data-audio] input');
  await page.click('[data-save]');
  await page.waitForSelector('[data-saved-status]:visible', { timeout: 120000 });
  assert.ok(await page.isVisible('[data-saved-audio]'), 'it says the audio is saved');
  const clips = Object.values((await held(page)).caches).flat().filter((p) => p.startsWith('/audio/'));
  assert.ok(clips.length >= 2, `${clips.length} clips`);
  assert.ok(clips.every((p) => p.endsWith('.opus')), 'the format this browser plays');
  await context.setOffline(true);
  await page.goto(spec.server.base + '/modules/first/01-start');
  const player = page.locator('.listen-lesson audio');
  await page.waitForSelector('html[data-players="shown"]', { state: 'attached' });
  assert.ok(await player.isVisible(), 'the saved clips keep their players');
  await player.evaluate((el) => { el.preload = 'metadata'; el.load(); });
  await page.waitForFunction((el) => Number.isFinite(el.duration) && el.duration > 1,
    await player.elementHandle(), { timeout: 20000 });
  await context.close();
});

test('a new release replaces the saved copies, no page mixes two builds, the kill switch unregisters', async () => {
  const t = TEXT.fr;
  const first = await startServer({ demo: true, content: FIXTURE_CONTENT });
  const { context, page } = await phonePage(spec.browser, HYDRATED, 'fr');
  try {
    await joinDemoCohort(page, HYDRATED, first, { name: 'Mise à jour', username: 'offline.update' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await page.goto(first.base + '/modules/first');
    await page.waitForSelector('[data-offline-save]:visible');
    await page.click(`[data-save] >> text=${t.save}`);
    await page.waitForSelector('[data-saved-status]:visible', { timeout: 60000 });
    const old = await held(page);
    assert.equal(Object.keys(old.caches).length, 1);

    // The corrected edition: a lesson says something new.
    const content = mkdtempSync(join(tmpdir(), 'platform-content-'));
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const lesson = join(content, '01-first', '01-start.fr.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').trimEnd() + '\n\nPhrase de la deuxième édition.\n');
    await first.stop();
    const second = await startServer({ content, port: first.port, dataDir: first.dataDir });
    try {
      const version = (await (await fetch(second.base + '/sw.js')).text()).match(/const VERSION = '([0-9a-f]+)'/)[1];
      assert.ok(!Object.keys(old.caches).includes('v-' + version), 'a new version');
      // Online, the phone picks up the new worker, which saves the module again.
      await page.goto(second.base + '/modules/first');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await until(page, (v) => caches.keys().then((names) => names.length === 1 && names[0] === 'v-' + v), version, 60000);
      const now = await held(page);
      assert.ok(now.saved.length === 1 && now.saved.every((s) => s.version === version),
        `every saved module is of the new release ${version}: ${JSON.stringify(now.saved.map((s) => [s.key, s.version]))} ${JSON.stringify(Object.keys(now.caches))}`);

      // Offline: the new text, and every page's files are in the same set as the page.
      await context.setOffline(true);
      await page.goto(second.base + '/modules/first/01-start');
      await page.waitForSelector('text=Phrase de la deuxième édition.');
      const mixed = await page.evaluate(async () => {
        const cache = await caches.open((await caches.keys())[0]);
        const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
        const missing = [];
        for (const request of await cache.keys()) {
          if (!new URL(request.url).search.includes('sw-lang')) continue;
          const html = await (await cache.match(request)).text();
          for (const [, file] of html.matchAll(/(?:href|src)="(\/(?:pkg\/|offline-)[^"]+)"/g)) {
            if (!kept.has(file)) missing.push(`${new URL(request.url).pathname} → ${file}`);
          }
        }
        return missing;
      });
      assert.deepEqual(mixed, [], 'each saved page finds its own build\'s files');
      await context.setOffline(false);
    } finally {
      await second.stop();
    }

    // A release with the kill switch: the phone drops the worker and its saved copies.
    const killed = await startServer({ content: FIXTURE_CONTENT, port: first.port, dataDir: first.dataDir, env: { OFFLINE: 'off' } });
    try {
      await page.goto(killed.base + '/modules/first');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && r.update()));
      await until(page, () => navigator.serviceWorker.getRegistration().then((r) => r === undefined), null, 30000);
      await until(page, () => caches.keys().then((names) => names.length === 0), null, 30000);
      await page.reload();
      assert.equal(await page.locator('script[src^="/offline-"]').count(), 0, 'no page script');
    } finally {
      await killed.stop();
    }
  } finally {
    await context.close();
  }
});

for (const lang of LANGUAGES) {
  test(`no-js ${lang}: without JavaScript nothing of this shows and the site works as before`, async () => {
    const { context, page } = await phonePage(spec.browser, NO_JS, lang);
    await joinDemoCohort(page, NO_JS, spec.server, { name: `Sans script ${lang}`, username: `offline.nojs.${lang}` });
    await page.goto(spec.server.base + '/modules/first');
    assert.equal(await page.locator('[data-offline-save]').count(), 1, 'in the page');
    for (const hidden of ['[data-offline-save]', '[data-offline-banner]', '[data-outbox]', '[data-offline-sent]']) {
      assert.ok(!(await page.isVisible(hidden)), `${hidden} hidden`);
    }
    await readFirstModule(page, NO_JS, spec.server, TEXT[lang]);
    await page.goto(spec.server.base + '/modules/first/test/quiz');
    await answerAll(page, NO_JS, TEXT[lang].next, true);
    await page.waitForSelector('.result[data-passed="true"]');
    await context.close();
  });
}
