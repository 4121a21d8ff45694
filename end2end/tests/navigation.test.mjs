// Home → module → lesson → next lesson, the language switch, and the 404 page, on a phone,
// in French and in English, each run hydrated and with JavaScript disabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, SCREENSHOTS } from '../support/harness.mjs';
import { ready, assertFitsThePhone } from '../support/flows.mjs';

const TEXT = {
  fr: { home: 'Modules de formation', open: 'Ouvrir le module', start: 'Commencer la première leçon', next: 'Leçon suivante', notFound: 'Page introuvable', lesson: /Leçon 1 sur \d+/, other: 'English', otherLang: 'en' },
  en: { home: 'Training modules', open: 'Open the module', start: 'Start the first lesson', next: 'Next lesson', notFound: 'Page not found', lesson: /Lesson 1 of \d+/, other: 'Français', otherLang: 'fr' },
};

const spec = useServer();

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];

  test(`${mode.name} ${lang}: a learner walks from the home page to the second lesson`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    const response = await page.goto(spec.server.base + '/');
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.textContent('h1'), t.home);
    await ready(page, mode);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `home-${lang}-${mode.name}.png`), fullPage: true });

    await page.click(`.card >> nth=0 >> text=${t.open}`);
    await page.waitForURL(/\/modules\/[a-z0-9-]+$/);
    await page.waitForSelector(`text=${t.start}`);
    await assertFitsThePhone(page);
    const moduleTitle = await page.textContent('h1');

    await page.click(`text=${t.start}`);
    await page.waitForURL(/\/modules\/[a-z0-9-]+\/[a-z0-9-]+$/);
    await page.waitForSelector('.lesson-body');
    assert.match(await page.textContent('.lesson .meta'), t.lesson);
    assert.equal(await page.textContent('.breadcrumb a >> nth=1'), moduleTitle);
    const firstTitle = await page.textContent('h1');
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `lesson-${lang}-${mode.name}.png`), fullPage: true });

    // A plain link, with JavaScript as without (no page but the quiz and /verify has an island).
    const firstUrl = page.url();
    await page.click(`a[rel=next]`);
    await page.waitForURL((url) => url.toString() !== firstUrl);
    await page.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, firstTitle);
    assert.ok((await page.textContent('.lesson .meta')).match(/2/), 'the second lesson is shown');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${mode.name} ${lang}: the language switch changes the page and is remembered`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    await page.goto(spec.server.base + '/');
    // A plain form, with or without JavaScript: the server sets the cookie and sends the
    // browser back to the same page.
    await Promise.all([page.waitForNavigation(), page.click(`.lang-switch button:has-text("${t.other}")`)]);
    const other = TEXT[t.otherLang];
    await page.waitForFunction((home) => document.querySelector('h1')?.textContent === home, other.home);
    assert.equal(await page.getAttribute('html', 'lang'), t.otherLang);
    assert.equal(new URL(page.url()).pathname, '/', 'the same page');
    // The choice is kept in a cookie: a fresh load is in the new language.
    await page.goto(spec.server.base + '/');
    assert.equal(await page.textContent('h1'), other.home);
    await page.screenshot({ path: join(SCREENSHOTS, `switched-${lang}-${mode.name}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${mode.name} ${lang}: an unknown address shows the 404 page in the visitor's language`, async () => {
    const { context, page } = await phonePage(spec.browser, mode, lang);
    for (const path of ['/no/such/page', '/modules/no-such-module', '/modules/no-such-module/01-x']) {
      const response = await page.goto(spec.server.base + path);
      assert.equal(response.status(), 404, path);
      assert.equal(await page.textContent('h1'), t.notFound, path);
    }
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `404-${lang}-${mode.name}.png`), fullPage: true });
    await context.close();
  });
});
