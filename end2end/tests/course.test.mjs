// The shipped course on a phone, in French and English, hydrated and without JavaScript:
// every module's lessons state their objectives, and every module's job aid opens from the
// module page and prints on exactly one A4 page (the PDFs go to end2end/screenshots/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, PHONE, SCREENSHOTS } from '../support/harness.mjs';
import { ready } from '../support/flows.mjs';

const TEXT = {
  fr: { objectives: 'Dans cette leçon, vous apprenez à', jobAid: 'Fiche pratique à imprimer', print: 'page A4' },
  en: { objectives: 'In this lesson, you learn to', jobAid: 'Printable job aid', print: 'A4 page' },
};

const spec = useServer();

/** The number of pages in a PDF made by Chromium. */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];

  test(`${mode.name} ${lang}: each module's lessons state their objectives and its job aid prints on one A4 page`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    await page.goto(spec.server.base + '/');
    const modules = await page.$$eval('.card a.button', (links) => links.map((a) => a.getAttribute('href')));
    assert.equal(modules.length, 4, 'four modules on the home page');
    for (const href of modules) {
      const slug = href.split('/').pop();
      await page.goto(spec.server.base + href);
      await ready(page, mode);
      const lessons = await page.$$eval('.lesson-list a', (links) => links.map((a) => a.getAttribute('href')));
      assert.ok(lessons.length >= 4, `${slug}: ${lessons.length} lessons`);

      // The first lesson, with its objectives above the text.
      await page.click('.lesson-list a >> nth=0');
      await page.waitForSelector('.objectives li');
      assert.match(await page.textContent('.objectives h2'), new RegExp(t.objectives));
      const objectives = await page.$$eval('.objectives li', (items) => items.length);
      assert.ok(objectives >= 2 && objectives <= 3, `${slug}: ${objectives} objectives`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `${slug}: the lesson scrolls sideways: ${width}px wide`);

      // The job aid, from the module page.
      await page.goto(spec.server.base + href);
      await ready(page, mode);
      assert.equal(await page.textContent('.job-aid-link h2'), t.jobAid);
      await page.click('.job-aid-link a');
      await page.waitForURL(new RegExp(`/job-aid/${slug}$`));
      await page.waitForSelector('.job-aid h1');
      assert.match(await page.textContent('main'), new RegExp(t.print));
      if (mode.name === 'no-js') {
        await page.screenshot({ path: join(SCREENSHOTS, `job-aid-${slug}-${lang}.png`), fullPage: true });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        writeFileSync(join(SCREENSHOTS, `job-aid-${slug}-${lang}.pdf`), pdf);
        assert.equal(pageCount(pdf), 1, `${slug} (${lang}): the job aid prints on ${pageCount(pdf)} A4 pages`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
