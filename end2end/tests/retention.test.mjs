// Retention as an administrator sets it on a phone, in French and English, hydrated and
// without JavaScript: the periods in force on /admin, a refused period that changes nothing,
// a saved one shown back, and the learner-facing words on /account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, ROOT, SCREENSHOTS } from '../support/harness.mjs';
import { ready, assertFitsThePhone, signIn, useLanguage } from '../support/flows.mjs';

const TEXT = {
  fr: {
    off: 'Désactivée : aucun compte n’est anonymisé pour inactivité.',
    refused: 'Une durée est un nombre entier de jours, de 30 à 3650.',
    saved: 'Les durées de conservation sont enregistrées.',
    on: 'Un compte sans connexion pendant 120 jours est anonymisé.',
    audit: 'Le journal garde chaque événement 400 jours.',
    kept: 'Un compte d’administrateur est gardé jusqu’à ce qu’un autre administrateur le supprime.',
  },
  en: {
    off: 'Off: no account is anonymised for being unused.',
    refused: 'A period is a whole number of days, from 30 to 3650.',
    saved: 'The retention periods are saved.',
    on: 'An account with no sign-in for 120 days is anonymised.',
    audit: 'The log keeps each event for 400 days.',
    kept: "An administrator's account is kept until another administrator deletes it.",
  },
};

const spec = useServer();

/** `server account create <username> --role admin` on the running server's data; its code. */
function createAdmin(username) {
  const env = { ...process.env, DATA_DIR: spec.server.dataDir, CONTENT_DIR: join(ROOT, 'content') };
  delete env.DATABASE_URL;
  const out = spawnSync(join(ROOT, 'target', 'release', 'server'), ['account', 'create', username, '--role', 'admin'], { env, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.match(/One-time code: (\S+)/)[1];
}

async function setPeriods(page, mode, inactive, audit) {
  await page.fill('#field-inactive_days', inactive);
  await page.fill('#field-audit_days', audit);
  await page.click('#retention button[type=submit]');
}

eachModeAndLanguage((mode, lang) => {
  test(`${mode.name} ${lang}: an administrator sets the retention periods on a phone`, async () => {
    const t = TEXT[lang];
    const username = `chef.${mode.javaScriptEnabled ? 'js' : 'plain'}.${lang}`;
    const code = createAdmin(username);
    const { context, page } = await phonePage(spec.browser, mode, lang);
    await signIn(page, mode, spec.server, username, code);
    await page.fill('#field-password', 'une phrase de chef');
    await page.fill('#field-confirmation', 'une phrase de chef');
    await Promise.all([page.waitForURL((u) => u.pathname !== '/account/password'), page.click('form.form button[type=submit]')]);
    await useLanguage(page, mode, lang);

    await page.goto(spec.server.base + '/admin');
    await ready(page, mode);
    // Each test starts from the periods the previous one left; turn them off first.
    await setPeriods(page, mode, '0', '365');
    await page.waitForSelector(`#retention li:has-text("${t.off}")`);

    // A period outside the range is refused in the visitor's language and changes nothing.
    await page.fill('#field-inactive_days', '10');
    await page.click('#retention button[type=submit]');
    await page.waitForSelector(`.form-error:has-text("${t.refused}")`);
    await page.goto(spec.server.base + '/admin');
    await ready(page, mode);
    assert.ok((await page.textContent('#retention')).includes(t.off), 'the refused period changed nothing');

    await setPeriods(page, mode, '120', '400');
    await page.waitForSelector(`#retention li:has-text("${t.on}")`);
    assert.ok((await page.textContent('#retention')).includes(t.audit));
    assert.ok((await page.textContent('main')).includes(t.saved));
    assert.equal(await page.inputValue('#field-inactive_days'), '120');
    await assertFitsThePhone(page);
    await page.locator('#retention').screenshot({ path: join(SCREENSHOTS, `retention-${lang}-${mode.name}.png`) });

    await page.goto(spec.server.base + '/account');
    await ready(page, mode);
    assert.ok((await page.textContent('#kept')).includes(t.kept));
    await context.close();
  });
});
