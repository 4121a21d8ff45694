// A learner takes a module's quiz as people will, on a phone, in French and English, hydrated
// and without JavaScript: reads the lessons and marks them read, fails the quiz and sees which
// answers were wrong, tries again and passes, and sees the module completed on the home page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, SCREENSHOTS, FIXTURE_CONTENT } from '../support/harness.mjs';
import { ready, assertFitsThePhone, joinDemoCohort, readFirstModule, answerAll } from '../support/flows.mjs';

const TEXT = {
  fr: { start: 'Commencer', read: 'J’ai lu cette leçon', quiz: 'Commencer le quiz', next: 'Question suivante', failed: 'Pas encore réussi', passed: 'Bravo, vous avez réussi', again: 'Réessayer', completed: 'Terminé', explanation: 'Explication simple.' },
  en: { start: 'Start', read: 'I have read this lesson', quiz: 'Start the quiz', next: 'Next question', failed: 'Not passed yet', passed: 'Well done, you passed', again: 'Try again', completed: 'Completed', explanation: 'Simple explanation.' },
};

const spec = useServer({ demo: true, content: FIXTURE_CONTENT });

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];
  const tag = `${mode.name === 'no-js' ? 'nojs' : 'js'}.${lang}`;

  test(`${mode.name} ${lang}: read the lessons, fail the quiz, pass it, module completed`, async () => {
    const { page, errors, context } = await phonePage(spec.browser, mode, lang);
    // A learner joins the demo cohort, then reads both lessons, marking each read.
    await joinDemoCohort(page, mode, spec.server, { name: `Quiz ${tag}`, username: `quiz.${tag}` });
    await page.waitForSelector('.card .progress[data-state="not-started"]');
    await readFirstModule(page, mode, spec.server, t);
    assert.equal(await page.locator('.lesson-list li.read').count(), 2);
    await page.screenshot({ path: join(SCREENSHOTS, `module-progress-${lang}-${mode.name}.png`), fullPage: true });

    // First attempt: every answer wrong.
    await Promise.all([page.waitForURL(/\/test\/quiz$/), page.click(`a.button >> text=${t.quiz}`)]);
    await ready(page, mode);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `quiz-${lang}-${mode.name}.png`), fullPage: true });
    assert.equal(await page.locator('.question audio[preload="none"]').count(),
      await page.locator('.question').count(), 'a player beside each question, that loads nothing yet');
    assert.equal(await page.locator('.question .option-letter >> text=A').count(),
      await page.locator('.question').count(), 'each question\'s options are lettered from A');
    await answerAll(page, mode, t.next, false);
    await page.waitForSelector(`.result[data-passed="false"] >> text=${t.failed}`);
    assert.equal(await page.locator('.result-question[data-right="false"]').count(), 3);
    assert.equal(await page.locator(`text=${t.explanation}`).count(), 0, 'answers hidden until the learner passes');
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `quiz-failed-${lang}-${mode.name}.png`), fullPage: true });

    // Second attempt: every answer right.
    await Promise.all([page.waitForURL(/\/test\/quiz$/), page.click(`a.button >> text=${t.again}`)]);
    await ready(page, mode);
    await answerAll(page, mode, t.next, true);
    await page.waitForSelector(`.result[data-passed="true"] >> text=${t.passed}`);
    assert.equal(await page.locator('.result-question[data-right="true"]').count(), 3);
    await page.waitForSelector(`text=${t.explanation}`);
    await page.screenshot({ path: join(SCREENSHOTS, `quiz-passed-${lang}-${mode.name}.png`), fullPage: true });

    // Home: the module is completed with the best score.
    await page.goto(spec.server.base + '/');
    await ready(page, mode);
    await page.waitForSelector(`.card .progress[data-state="completed"] >> text=${t.completed}`);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `home-progress-${lang}-${mode.name}.png`), fullPage: true });
    assert.deepEqual(errors, [], 'no script error and no blocked resource (CSP)');
    await context.close();
  });
});
