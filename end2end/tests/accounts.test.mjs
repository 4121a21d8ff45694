// Accounts as people use them, on a phone, in French and English, hydrated and without
// JavaScript: join with a cohort code, sign out, sign in; a trainer creates ten accounts and
// prints the sheet of slips; a learner signs in with a one-time code and chooses a password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, SCREENSHOTS } from '../support/harness.mjs';
import { ready, assertFitsThePhone, signIn, useLanguage } from '../support/flows.mjs';

const TEXT = {
  fr: { signIn: 'Se connecter', signOut: 'Se déconnecter', wrong: 'Nom d’utilisateur ou mot de passe incorrect.', account: 'Mon compte', slips: 'Fiches à imprimer', choose: 'Choisir un mot de passe', saved: 'Votre mot de passe est enregistré.', taken: 'Ce nom d’utilisateur est déjà pris' },
  en: { signIn: 'Sign in', signOut: 'Sign out', wrong: 'Wrong username or password.', account: 'My account', slips: 'Slips to print', choose: 'Choose a password', saved: 'Your password is saved.', taken: 'This username is taken' },
};

const spec = useServer({ demo: true });

/** Console errors other than the browser noting a refused form (400, 429), which is expected. */
function unexpected(errors) {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|429)/.test(e));
}

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];
  const tag = `${mode.name === 'no-js' ? 'nojs' : 'js'}.${lang}`;

  test(`${mode.name} ${lang}: a learner joins with a code, signs out and signs in again`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    await page.goto(spec.server.base + '/join');
    await ready(page, mode);
    await assertFitsThePhone(page);
    const username = `awa.${tag}`;
    const password = 'une phrase facile';
    await page.fill('#field-join_code', spec.server.demo.joinCode.toLowerCase());
    await page.fill('#field-display_name', `Awa ${tag}`);
    await page.fill('#field-username', username);
    await page.check('input[name=affiliation][value=fds]');
    await page.fill('#field-password', password);
    await page.fill('#field-confirmation', password);
    await page.screenshot({ path: join(SCREENSHOTS, `join-${lang}-${mode.name}.png`), fullPage: true });
    await Promise.all([page.waitForURL(spec.server.base + '/'), page.click('form.form button[type=submit]')]);
    await page.waitForSelector(`.user-menu >> text=Awa ${tag}`);
    // The header's links stand out from the header (light on the dark band).
    const [ink, band] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.user-menu a')).color,
      getComputedStyle(document.querySelector('.site-header')).backgroundColor,
    ]);
    assert.notEqual(ink, band, 'the account link is readable on the header');

    await page.goto(spec.server.base + '/account');
    await ready(page, mode);
    await page.waitForSelector(`dd >> text=${username}`);
    await assertFitsThePhone(page);
    await page.screenshot({ path: join(SCREENSHOTS, `account-${lang}-${mode.name}.png`), fullPage: true });
    await Promise.all([page.waitForURL(spec.server.base + '/'), page.click(`button >> text=${t.signOut}`)]);
    await page.waitForSelector(`.user-menu >> text=${t.signIn}`);

    // A wrong password says so in the visitor's language, and changes nothing.
    await signIn(page, mode, spec.server, username, 'pas le bon mot');
    await page.waitForSelector(`.form-error >> text=${t.wrong}`);
    assert.match(page.url(), /\/sign-in/);
    await page.screenshot({ path: join(SCREENSHOTS, `sign-in-error-${lang}-${mode.name}.png`), fullPage: true });

    await signIn(page, mode, spec.server, username, password);
    await page.waitForSelector(`.user-menu >> text=Awa ${tag}`);

    // Joining again with the same username is refused with a message.
    await context.clearCookies();
    await page.goto(spec.server.base + '/join');
    await ready(page, mode);
    await page.fill('#field-join_code', spec.server.demo.joinCode);
    await page.fill('#field-display_name', 'Quelqu’un');
    await page.fill('#field-username', username);
    await page.check('input[name=affiliation][value=other]');
    await page.fill('#field-password', password);
    await page.fill('#field-confirmation', password);
    await page.click('form.form button[type=submit]');
    await page.waitForSelector(`.form-error >> text=${t.taken}`);
    assert.deepEqual(unexpected(errors), [], 'no script error and no blocked resource (CSP)');
    await context.close();
  });

  test(`${mode.name} ${lang}: a trainer creates ten accounts and prints the slips; a learner uses a one-time code`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    await signIn(page, mode, spec.server, spec.server.demo.username, spec.server.demo.password);
    assert.match(page.url(), /\/trainer$/);
    await ready(page, mode);
    // The demo trainer's account prefers French; an English reader switches once, and the
    // choice becomes the account's preference.
    await useLanguage(page, mode, lang);
    await Promise.all([page.waitForURL(/\/trainer\/cohorts\/\d+$/), page.click('.card h2 a >> nth=0')]);
    await ready(page, mode);
    await assertFitsThePhone(page);
    const names = Array.from({ length: 10 }, (_, i) => `Soldat ${tag} ${i + 1}`).join('\n');
    await page.fill('#field-names', names);
    await page.selectOption('#field-affiliation', 'fds');
    await Promise.all([page.waitForURL(/\/slips$/), page.click('form.form:has(#field-names) button[type=submit]')]);
    await ready(page, mode);
    await page.waitForSelector('.slip');
    assert.equal(await page.locator('.slip').count(), 10);
    assert.equal(await page.textContent('h1'), t.slips);
    await page.screenshot({ path: join(SCREENSHOTS, `slips-${lang}-${mode.name}.png`), fullPage: true });
    const username = await page.textContent('.slip >> nth=0 >> .slip-username');
    const code = await page.textContent('.slip >> nth=0 >> .slip-code');
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(await page.textContent('.slip >> nth=0 >> .slip-address'), new URL(spec.server.base).host);
    if (mode.javaScriptEnabled && lang === 'fr') {
      // The printed sheet: A4, two slips a row, no menus.
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: join(SCREENSHOTS, 'slips-a4.pdf'), format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(unexpected(errors), []);
    await context.close();

    // The learner, on their own phone.
    const learner = await phonePage(spec.browser, mode, lang);
    await signIn(learner.page, mode, spec.server, username, code.toLowerCase());
    assert.match(learner.page.url(), /\/account\/password$/);
    await ready(learner.page, mode);
    assert.equal(await learner.page.textContent('h1'), t.choose);
    await learner.page.fill('#field-password', 'ma propre phrase');
    await learner.page.fill('#field-confirmation', 'ma propre phrase');
    await Promise.all([learner.page.waitForURL(/\/account\?done=password$/), learner.page.click('form.form button[type=submit]')]);
    await learner.page.waitForSelector(`.notice >> text=${t.saved}`);
    // The code worked once.
    await learner.context.clearCookies();
    await signIn(learner.page, mode, spec.server, username, code);
    await learner.page.waitForSelector(`.form-error >> text=${t.wrong}`);
    await signIn(learner.page, mode, spec.server, username, 'ma propre phrase');
    assert.equal(new URL(learner.page.url()).pathname, '/');
    assert.deepEqual(unexpected(learner.errors), []);
    await learner.context.close();
  });
});
