// A learner completes a module and earns a certificate, on a phone, in French and English,
// hydrated and without JavaScript: downloads the PDF (its text holds the name and the number),
// opens the verification page the QR code opens, and checks the code — hydrated, offline with
// the network cut after the page loaded; a changed code is caught. Anyone checks the number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, SCREENSHOTS, FIXTURE_CONTENT } from '../support/harness.mjs';
import { ready, assertFitsThePhone, joinDemoCohort, readFirstModule, answerAll } from '../support/flows.mjs';

const TEXT = {
  fr: { start: 'Commencer', read: 'J’ai lu cette leçon', quiz: 'Commencer le quiz', next: 'Question suivante', certificate: 'Votre attestation', genuine: 'Le code est authentique', offline: 'sans connexion', fake: 'pas authentique', valid: 'est valide', module: 'Premier module' },
  en: { start: 'Start', read: 'I have read this lesson', quiz: 'Start the quiz', next: 'Next question', certificate: 'Your certificate', genuine: 'The code is genuine', offline: 'without contacting the server', fake: 'not genuine', valid: 'is valid', module: 'First module' },
};

const spec = useServer({ demo: true, content: FIXTURE_CONTENT });

/** The code with the name in its signed message changed, the signature kept. */
function tamper(code) {
  const [message, signature] = code.split('.');
  const lines = Buffer.from(message, 'base64url').toString('utf8').split('\n');
  lines[4] = 'Quelqu’un d’autre';
  return `${Buffer.from(lines.join('\n')).toString('base64url')}.${signature}`;
}

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];
  const tag = `${mode.name === 'no-js' ? 'nojs' : 'js'}.${lang}`;

  test(`${mode.name} ${lang}: complete a module, download the certificate, verify it`, async () => {
    const { page, errors, context } = await phonePage(spec.browser, mode, lang);
    const name = `Aïssata Traoré ${tag}`;
    await joinDemoCohort(page, mode, spec.server, { name, username: `cert.${tag}` });
    await readFirstModule(page, mode, spec.server, t);
    await Promise.all([page.waitForURL(/\/test\/quiz$/), page.click(`a.button >> text=${t.quiz}`)]);
    await ready(page, mode);
    await answerAll(page, mode, t.next, true);

    // The module page now offers the certificate; the certificates page lists it.
    await page.goto(spec.server.base + '/modules/first');
    await ready(page, mode);
    await page.waitForSelector(`.module-certificate >> text=${t.certificate}`);
    await page.goto(spec.server.base + '/certificates');
    await ready(page, mode);
    const card = page.locator('.certificate-card');
    assert.equal(await card.count(), 1);
    const number = await card.getAttribute('data-number');
    assert.match(number, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `certificates-${lang}-${mode.name}.png`), fullPage: true });

    // Download the PDF; its text holds the name, the module and the number.
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('a.button.primary').click()]);
    const pdfPath = join(SCREENSHOTS, `certificate-${lang}-${mode.name}.pdf`);
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
    assert.ok(text.includes(name), `the name in the PDF: ${text}`);
    assert.ok(text.includes(t.module) && text.includes(number), text);
    assert.match(execFileSync('pdffonts', [pdfPath]).toString(), /yes\s+yes\s+yes/, 'fonts embedded and subset');

    // The code the QR code holds, as the card shows it; the QR code opens this address.
    const code = (await card.locator('.certificate-code code').textContent()).trim();
    await page.goto(`${spec.server.base}/verify?code=${code}`);
    await ready(page, mode);
    await page.waitForSelector(`.verdict[data-state="valid"] >> text=${t.genuine}`);
    assert.equal(await page.textContent('[data-field="name"]'), name);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `verify-code-${lang}-${mode.name}.png`), fullPage: true });

    // Anyone checks the number, signed in or not.
    const visitor = await phonePage(spec.browser, mode, lang);
    await visitor.page.goto(`${spec.server.base}/verify/${number}`);
    await visitor.page.waitForSelector(`.verdict[data-state="valid"] >> text=${t.valid}`);
    assert.equal(await visitor.page.textContent('[data-field="name"]'), name);
    await visitor.context.close();

    // A fresh verification page; then the code typed in. With JavaScript the network is cut
    // first: the page checks the signature itself.
    await page.goto(spec.server.base + '/verify');
    await ready(page, mode);
    if (mode.javaScriptEnabled) await context.setOffline(true);
    await page.fill('#code', code);
    await page.click('.verify-code button[type=submit]');
    await page.waitForSelector(`.verdict[data-state="valid"] >> text=${t.genuine}`);
    if (mode.javaScriptEnabled) {
      assert.equal(await page.getAttribute('.verify-code .verdict', 'data-offline'), 'true');
      await page.waitForSelector(`text=${t.offline}`);
      await page.screenshot({ path: join(SCREENSHOTS, `verify-offline-${lang}.png`), fullPage: true });
      // A changed name fails, still offline.
      await page.fill('#code', tamper(code));
      await page.click('.verify-code button[type=submit]');
      await page.waitForSelector(`.verdict[data-state="tampered"] >> text=${t.fake}`);
      await context.setOffline(false);
    } else {
      await page.goto(`${spec.server.base}/verify?code=${tamper(code)}`);
      await page.waitForSelector(`.verdict[data-state="tampered"] >> text=${t.fake}`);
    }
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), [], 'no script error');
    await context.close();
  });
});
