// What several specs do as a learner: wait for the page to be ready, check it fits the phone,
// join the demo cohort, read the fixture module's lessons, and answer its quiz.
import assert from 'node:assert/strict';
import { PHONE, waitForHydration } from './harness.mjs';

/** A page with an island is ready once the wasm has taken it over; any other page at once. */
export async function ready(page, mode) {
  if (mode.javaScriptEnabled) await waitForHydration(page);
}

/**
 * Reads well on the phone: nothing wider than its screen, body text at least 16 px, every
 * button, answer option and language button at least 44 px high, and every form field at
 * least 24 px.
 */
export async function assertFitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page scrolls sideways: ${width}px wide`);
  const small = await page.evaluate(() => {
    const under = (selector, px) => [...document.querySelectorAll(selector)]
      .map((el) => ({ what: el.outerHTML.slice(0, 60), h: el.getBoundingClientRect().height }))
      .filter((b) => b.h > 0 && b.h < px);
    return [...under('.button, label.option, .lang-switch button', 44),
      ...under('input:not([type=hidden]), select', 24)];
  });
  assert.deepEqual(small, [], 'controls too small to tap');
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(fontSize >= 16, `body text is ${fontSize}px`);
}

/** A new learner joins the demo cohort and lands on the home page. */
export async function joinDemoCohort(page, mode, server, { name, username }) {
  await page.goto(server.base + '/join');
  await ready(page, mode);
  await page.fill('#field-join_code', server.demo.joinCode);
  await page.fill('#field-display_name', name);
  await page.fill('#field-username', username);
  await page.check('input[name=affiliation][value=fds]');
  await page.fill('#field-password', 'une phrase facile');
  await page.fill('#field-confirmation', 'une phrase facile');
  await Promise.all([page.waitForURL(server.base + '/'), page.click('form.form button[type=submit]')]);
  await ready(page, mode);
}

/** Reads both lessons of the fixture module `first`, marking each read at its end. */
export async function readFirstModule(page, mode, server, { start, read }) {
  await page.goto(server.base + '/modules/first');
  await ready(page, mode);
  await Promise.all([page.waitForURL(/\/modules\/first\/01-start$/), page.click(`a.button >> text=${start}`)]);
  await ready(page, mode);
  await Promise.all([page.waitForURL(/\/modules\/first\/02-next$/), page.click(`.mark-read button >> text=${read}`)]);
  await ready(page, mode);
  await Promise.all([page.waitForURL(/\/modules\/first(#tests)?$/), page.click(`.mark-read button >> text=${read}`)]);
  await ready(page, mode);
}

// The fixture module's options say whether they are right ("Bonne …", "Vrai"), so a spec
// can answer on purpose whatever order the attempt shows them in.
const RIGHT = /^(Bonne|Right|Vrai|True)\b/;
const WRONG = /^(Mauvaise|Wrong|Faux|False)\b/;

/**
 * Answers every question of the quiz page, right or wrong on purpose, then sends it and waits
 * for `landing` (the result page; the offline page when the phone has no network).
 */
export async function answerAll(page, mode, next, right, landing = /\/modules\/first\/test\/quiz\/\d+$/) {
  const pattern = right ? RIGHT : WRONG;
  const questions = page.locator('fieldset.question');
  const count = await questions.count();
  assert.equal(count, 3);
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i);
    if (mode.javaScriptEnabled) {
      // One question at a time on a phone.
      assert.equal(await page.locator('fieldset.question:visible').count(), 1);
      assert.ok(await question.isVisible(), `question ${i + 1} is the one shown`);
    } else {
      assert.ok(await question.isVisible());
    }
    const multiple = (await question.locator('input[type=checkbox]').count()) > 0;
    const labels = question.locator('label.option');
    for (let j = 0; j < (await labels.count()); j++) {
      // The option's words, after the letter shown before it.
      const text = (await labels.nth(j).locator('span:not(.option-letter)').innerText()).trim();
      if (pattern.test(text)) {
        await labels.nth(j).click();
        if (!multiple) break;
      }
    }
    if (mode.javaScriptEnabled && i < count - 1) await page.click(`.quiz-nav button >> text=${next}`);
  }
  await Promise.all([
    page.waitForURL(landing),
    page.click('.quiz-nav button[type=submit]'),
  ]);
  await ready(page, mode);
}

/** Signs in on the sign-in page; resolves on the next page or on the refusal message. */
export async function signIn(page, mode, server, username, password) {
  await page.goto(server.base + '/sign-in');
  await ready(page, mode);
  await page.fill('#field-username', username);
  await page.fill('#field-password', password);
  await page.click('form.form button[type=submit]');
  await Promise.race([
    page.waitForURL((url) => url.pathname !== '/sign-in'),
    page.waitForSelector('.form-error'),
  ]);
}

/** Switches the interface to `lang` with the header's switch, if it is not in it already. */
export async function useLanguage(page, mode, lang) {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await page.click(`.lang-switch button[lang=${lang}]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await ready(page, mode);
}
