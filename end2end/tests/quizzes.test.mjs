// A learner takes a module's quiz as people will, on a phone, in French and English, hydrated
// and without JavaScript: reads the lessons and marks them read, fails the quiz and sees which
// answers were wrong, tries again and passes, and sees the module completed on the home page.
// The fixture module's options say whether they are right ("Bonne …", "Vrai"), so the spec
// can answer on purpose whatever order the attempt shows them in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launchBrowser, phonePage, waitForHydration, MODES, PHONE, ROOT, SCREENSHOTS } from '../support/harness.mjs';

const TEXT = {
  fr: { start: 'Commencer', read: 'J’ai lu cette leçon', quiz: 'Commencer le quiz', next: 'Question suivante', failed: 'Pas encore réussi', passed: 'Bravo, vous avez réussi', again: 'Réessayer', completed: 'Terminé', explanation: 'Explication simple.' },
  en: { start: 'Start', read: 'I have read this lesson', quiz: 'Start the quiz', next: 'Next question', failed: 'Not passed yet', passed: 'Well done, you passed', again: 'Try again', completed: 'Completed', explanation: 'Simple explanation.' },
};
const RIGHT = /^(Bonne|Right|Vrai|True)\b/;
const WRONG = /^(Mauvaise|Wrong|Faux|False)\b/;

let server;
let browser;
before(async () => {
  server = await startServer({ demo: true, content: join(ROOT, 'server', 'tests', 'fixtures', 'content') });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

async function ready(page, mode) {
  if (mode.javaScriptEnabled) await waitForHydration(page);
}

async function assertFitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page scrolls sideways: ${width}px wide`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.button, label.option')]
      .map((el) => ({ what: el.outerHTML.slice(0, 60), h: el.getBoundingClientRect().height }))
      .filter((b) => b.h > 0 && b.h < 44));
  assert.deepEqual(small, [], 'controls too small to tap');
}

/** Answers every question, right or wrong on purpose, then sends the form. */
async function answerAll(page, mode, t, right) {
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
      const text = (await labels.nth(j).innerText()).trim();
      if (pattern.test(text)) {
        await labels.nth(j).click();
        if (!multiple) break;
      }
    }
    if (mode.javaScriptEnabled && i < count - 1) await page.click(`.quiz-nav button >> text=${t.next}`);
  }
  await Promise.all([
    page.waitForURL(/\/modules\/first\/test\/quiz\/\d+$/),
    page.click('.quiz-nav button[type=submit]'),
  ]);
  await ready(page, mode);
}

for (const mode of MODES) {
  for (const lang of ['fr', 'en']) {
    const t = TEXT[lang];
    const tag = `${mode.name === 'no-js' ? 'nojs' : 'js'}.${lang}`;

    test(`${mode.name} ${lang}: read the lessons, fail the quiz, pass it, module completed`, async () => {
      const { page, errors, context } = await phonePage(browser, mode, lang);
      // A learner joins the demo cohort.
      await page.goto(server.base + '/join');
      await ready(page, mode);
      await page.fill('#field-join_code', server.demo.joinCode);
      await page.fill('#field-display_name', `Quiz ${tag}`);
      await page.fill('#field-username', `quiz.${tag}`);
      await page.check('input[name=affiliation][value=fds]');
      await page.fill('#field-password', 'une phrase facile');
      await page.fill('#field-confirmation', 'une phrase facile');
      await Promise.all([page.waitForURL(server.base + '/'), page.click('form.form button[type=submit]')]);
      await ready(page, mode);
      await page.waitForSelector('.card .progress[data-state="not-started"]');

      // Read both lessons, marking each read at its end.
      await page.goto(server.base + '/modules/first');
      await ready(page, mode);
      await Promise.all([page.waitForURL(/\/modules\/first\/01-start$/), page.click(`a.button >> text=${t.start}`)]);
      await ready(page, mode);
      await Promise.all([page.waitForURL(/\/modules\/first\/02-next$/), page.click(`.mark-read button >> text=${t.read}`)]);
      await ready(page, mode);
      await Promise.all([page.waitForURL(/\/modules\/first(#tests)?$/), page.click(`.mark-read button >> text=${t.read}`)]);
      await ready(page, mode);
      assert.equal(await page.locator('.lesson-list li.read').count(), 2);
      await page.screenshot({ path: join(SCREENSHOTS, `module-progress-${lang}-${mode.name}.png`), fullPage: true });

      // First attempt: every answer wrong.
      await Promise.all([page.waitForURL(/\/test\/quiz$/), page.click(`a.button >> text=${t.quiz}`)]);
      await ready(page, mode);
      await assertFitsThePhone(page);
      await page.screenshot({ path: join(SCREENSHOTS, `quiz-${lang}-${mode.name}.png`), fullPage: true });
      await answerAll(page, mode, t, false);
      await page.waitForSelector(`.result[data-passed="false"] >> text=${t.failed}`);
      assert.equal(await page.locator('.result-question[data-right="false"]').count(), 3);
      assert.equal(await page.locator(`text=${t.explanation}`).count(), 0, 'answers hidden until the learner passes');
      await assertFitsThePhone(page);
      await page.screenshot({ path: join(SCREENSHOTS, `quiz-failed-${lang}-${mode.name}.png`), fullPage: true });

      // Second attempt: every answer right.
      await Promise.all([page.waitForURL(/\/test\/quiz$/), page.click(`a.button >> text=${t.again}`)]);
      await ready(page, mode);
      await answerAll(page, mode, t, true);
      await page.waitForSelector(`.result[data-passed="true"] >> text=${t.passed}`);
      assert.equal(await page.locator('.result-question[data-right="true"]').count(), 3);
      await page.waitForSelector(`text=${t.explanation}`);
      await page.screenshot({ path: join(SCREENSHOTS, `quiz-passed-${lang}-${mode.name}.png`), fullPage: true });

      // Home: the module is completed with the best score.
      await page.goto(server.base + '/');
      await ready(page, mode);
      await page.waitForSelector(`.card .progress[data-state="completed"] >> text=${t.completed}`);
      await assertFitsThePhone(page);
      await page.screenshot({ path: join(SCREENSHOTS, `home-progress-${lang}-${mode.name}.png`), fullPage: true });
      assert.deepEqual(errors, [], 'no script error and no blocked resource (CSP)');
      await context.close();
    });
  }
}
