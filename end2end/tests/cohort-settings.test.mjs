// A trainer runs a cohort from its page on a phone, hydrated and without JavaScript, in
// French and English: saves its place, dates and the modules it follows, records who came to
// an in-person session and opens the attendance sheet, moves a learner in from another
// cohort, and archives it. Each form's result must show on the page that follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, SCREENSHOTS, FIXTURE_CONTENT } from '../support/harness.mjs';
import { ready, assertFitsThePhone, joinDemoCohort, signIn, useLanguage } from '../support/flows.mjs';

const TEXT = {
  fr: { present: 'Présent', sessions: '1 présent(s) sur 1', archived: 'Ce groupe est archivé' },
  en: { present: 'Present', sessions: '1 present of 1', archived: 'This cohort is archived' },
};

const spec = useServer({ demo: true, content: FIXTURE_CONTENT });

/** Creates a cohort from the trainer's page; resolves on its page, with its URL. */
async function createCohort(page, mode, name) {
  await page.goto(spec.server.base + '/trainer');
  await ready(page, mode);
  await page.fill('#field-name', name);
  await Promise.all([page.waitForURL(/\/trainer\/cohorts\/\d+$/), page.click('form.form button[type=submit]')]);
  await ready(page, mode);
  return page.url();
}

/**
 * Submits the form holding `selector`, then waits for `shown` on the page that follows: the
 * form's result must show without reloading by hand (with JavaScript, the page's data must
 * follow the form; without, the server's redirect brings the page back).
 */
async function submit(page, selector, shown) {
  await page.locator(selector).locator('xpath=ancestor::form').locator('button[type=submit]').click();
  await page.waitForSelector(shown, { timeout: 15000 });
}

/**
 * Resolves when the page at `url` has been loaded again after a form that redirects to it:
 * by the browser without JavaScript, and by the app with JavaScript (this form's redirect is
 * followed with a full load), once the load has settled.
 */
async function loadedAgain(page, url, submitting) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'GET' && r.url().split(/[?#]/)[0] === url),
    submitting,
  ]);
  await page.waitForLoadState('networkidle');
}

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];
  const tag = `${mode.name === 'no-js' ? 'nojs' : 'js'}.${lang}`;

  test(`${mode.name} ${lang}: settings, attendance, moving a learner and archiving show on the cohort page`, async () => {
    const trainer = await phonePage(spec.browser, mode, lang);
    const page = trainer.page;
    await signIn(page, mode, spec.server, spec.server.demo.username, spec.server.demo.password);
    await ready(page, mode);
    await useLanguage(page, mode, lang);
    const first = await createCohort(page, mode, `Ségou ${tag}`);
    const code = await page.getAttribute('[data-join-code]', 'data-join-code');
    const learner = await phonePage(spec.browser, mode, lang);
    const name = `Fanta ${tag}`;
    const username = `set.${tag}`;
    await joinDemoCohort(learner.page, mode, { ...spec.server, demo: { joinCode: code } }, { name, username });
    await learner.context.close();

    // Settings: place, dates, one module followed; as saved when the page is loaded again.
    await page.goto(first);
    await ready(page, mode);
    await page.click('details.cohort-settings summary');
    await page.fill('#cohort-place', 'Ségou, camp Bagadadji');
    await page.fill('#cohort-starts', '2027-04-05');
    await page.fill('#cohort-ends', '2027-04-09');
    await page.check('input[name="modules[first]"]');
    // Wait for the page to load again: leaving earlier raced the app's own navigation
    // after the form (net::ERR_ABORTED, about one run in 30).
    await loadedAgain(
      page,
      first,
      page.locator('#cohort-place').locator('xpath=ancestor::form').locator('button[type=submit]').click(),
    );
    await page.goto(first);
    await ready(page, mode);
    assert.equal(await page.inputValue('#cohort-place'), 'Ségou, camp Bagadadji');
    assert.equal(await page.inputValue('#cohort-starts'), '2027-04-05');
    assert.equal(await page.inputValue('#cohort-ends'), '2027-04-09');
    assert.equal(await page.isChecked('input[name="modules[first]"]'), true);
    assert.equal(await page.isChecked('input[name="modules[second]"]'), false);

    // Attendance: one session, the learner present; the list shows it at once; the sheet.
    await page.fill('#attendance-date', '2027-04-05');
    await page.fill('#attendance-topic', 'Droit international humanitaire');
    await page.locator('#attendance label.choice', { hasText: name }).locator('input').check();
    await submit(page, '#attendance-topic', '#attendance ul.sessions li');
    await ready(page, mode);
    const session = page.locator('#attendance ul.sessions li');
    assert.equal(await session.count(), 1);
    assert.equal((await session.textContent()).trim(), `2027-04-05 · Droit international humanitaire · ${t.sessions}`);
    await Promise.all([page.waitForURL(/\/attendance$/), page.click('#attendance a[href$="/attendance"]')]);
    await ready(page, mode);
    const row = page.locator('table.report tbody tr', { hasText: name });
    assert.equal((await row.locator('td[data-state="high"]').textContent()).trim(), t.present);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `attendance-${lang}-${mode.name}.png`), fullPage: true });

    // Moving the learner into a second cohort: they leave the first.
    const second = await createCohort(page, mode, `Kayes ${tag}`);
    await page.click('details.cohort-settings summary');
    await page.fill('#cohort-move', username);
    await submit(page, '#cohort-move', `table.table tbody tr:has-text("${name}")`);
    await ready(page, mode);
    assert.equal(page.url().split('#')[0], second);
    await page.goto(first);
    await ready(page, mode);
    assert.equal(await page.locator('table.table tbody tr', { hasText: name }).count(), 0, 'no longer in the first');

    // Archiving: the page says so.
    await page.click('details.cohort-settings summary');
    await submit(page, 'button.danger', '[data-archived="true"]');
    await ready(page, mode);
    assert.match(await page.locator('[data-archived="true"]').textContent(), new RegExp(t.archived));
    await assertFitsThePhone(page);
    assert.deepEqual(trainer.errors, []);
    await trainer.context.close();
  });
});
