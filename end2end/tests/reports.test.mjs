// A trainer follows a cohort on a phone, in French and English, hydrated and without
// JavaScript: creates a cohort, a learner joins it with its code, the progress matrix shows
// the learner not started, then passed once they pass the quiz; the chart is drawn without
// JavaScript; every report of the cohort fits a 360 px phone; the CSV export holds the same
// row, accents intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, PHONE, SCREENSHOTS, FIXTURE_CONTENT } from '../support/harness.mjs';
import { ready, joinDemoCohort, readFirstModule, answerAll, signIn, useLanguage } from '../support/flows.mjs';

const TEXT = {
  fr: { start: 'Commencer', read: 'J’ai lu cette leçon', quiz: 'Commencer le quiz', next: 'Question suivante', progress: 'Progression des apprenants', passed: 'Réussi', csv: 'Réussi · 100' },
  en: { start: 'Start', read: 'I have read this lesson', quiz: 'Start the quiz', next: 'Next question', progress: "Learners' progress", passed: 'Passed', csv: 'Passed · 100' },
};

const spec = useServer({ demo: true, content: FIXTURE_CONTENT });

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];
  const tag = `${mode.name === 'no-js' ? 'nojs' : 'js'}.${lang}`;

  test(`${mode.name} ${lang}: create a cohort, a learner joins and passes, the matrix and the export follow`, async () => {
    const trainer = await phonePage(spec.browser, mode, lang);
    const page = trainer.page;
    await signIn(page, mode, spec.server, spec.server.demo.username, spec.server.demo.password);
    await ready(page, mode);
    await useLanguage(page, mode, lang);
    await page.goto(spec.server.base + '/trainer');
    await ready(page, mode);
    await page.fill('#field-name', `Mopti ${tag}`);
    await Promise.all([page.waitForURL(/\/trainer\/cohorts\/\d+$/), page.click('form.form button[type=submit]')]);
    await ready(page, mode);
    const cohortUrl = page.url();
    const code = await page.getAttribute('[data-join-code]', 'data-join-code');

    // A learner joins with the new cohort's code.
    const learner = await phonePage(spec.browser, mode, lang);
    const name = `Aïssata ${tag}`;
    await joinDemoCohort(learner.page, mode, { ...spec.server, demo: { joinCode: code } }, { name, username: `rep.${tag}` });

    // The matrix: the learner, not started.
    await page.goto(cohortUrl);
    await ready(page, mode);
    await Promise.all([page.waitForURL(/\/progress$/), page.click(`.report-links a >> text=${t.progress}`)]);
    await ready(page, mode);
    const row = page.locator('table.report tbody tr', { hasText: name });
    assert.equal(await row.locator('td[data-state="not-started"]').count(), 2);

    // The learner reads module 1 and passes its quiz; the matrix follows.
    await readFirstModule(learner.page, mode, spec.server, t);
    await Promise.all([learner.page.waitForURL(/\/test\/quiz$/), learner.page.click(`a.button >> text=${t.quiz}`)]);
    await ready(learner.page, mode);
    await answerAll(learner.page, mode, t.next, true);
    await learner.context.close();

    await page.reload();
    await ready(page, mode);
    await page.waitForSelector('table.report td[data-state="passed"]');
    assert.match(await row.locator('td[data-state="passed"]').textContent(), new RegExp(t.passed));
    assert.equal(await page.locator('figure.chart svg rect').count() > 0, true, 'a chart, drawn on the server');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the page scrolls sideways: ${width}px wide`);
    await page.screenshot({ path: join(SCREENSHOTS, `progress-${lang}-${mode.name}.png`), fullPage: true });

    // Every report of the cohort fits the phone: nothing scrolls sideways at 360 px.
    const cohortPath = new URL(page.url()).pathname.replace(/\/progress$/, '');
    const record = await row.locator('a[href*="/learners/"]').first().getAttribute('href');
    assert.ok(record, 'the row links to the learner\'s record');
    const reports = { progress: `${cohortPath}/progress`, questions: `${cohortPath}/questions/first`,
      gain: `${cohortPath}/gain/first`, learner: record, attendance: `${cohortPath}/attendance` };
    for (const [name, path] of Object.entries(reports)) {
      await page.goto(spec.server.base + path);
      await ready(page, mode);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.screenshot({ path: join(SCREENSHOTS, `report-${name}-${lang}-${mode.name}.png`), fullPage: true });
      assert.ok(wide <= PHONE.width, `the ${name} report scrolls sideways: ${wide}px wide`);
    }
    await page.goto(spec.server.base + `${cohortPath}/progress`);
    await ready(page, mode);

    // The export holds the same row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href*="report.csv"]')]);
    const path = join(SCREENSHOTS, `progress-${lang}-${mode.name}.csv`);
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'a byte-order mark for spreadsheets');
    const line = csv.split('\n').find((l) => l.includes(name));
    assert.ok(line && line.includes(t.csv), `the learner's row: ${line}`);
    assert.deepEqual(trainer.errors, []);
    await trainer.context.close();
  });
});
