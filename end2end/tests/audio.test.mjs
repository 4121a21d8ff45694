// Listening on a phone, hydrated and without JavaScript, in French and English: a lesson has
// a large player for the whole lesson and one under each section, each a plain
// `<audio controls preload="none">` with a link to the file; nothing is downloaded before the
// learner taps; after a tap the browser plays a clip as long as the section's words predict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useServer, eachModeAndLanguage, phonePage, SCREENSHOTS } from '../support/harness.mjs';
import { ready } from '../support/flows.mjs';

const spec = useServer();

const TEXT = {
  // What the link says before the clip is made, and espeak-ng's pace at `-s 150` (words a
  // minute, measured by scripts/bench.sh: 161-167 in French, 138-142 in English).
  fr: { listen: 'Écouter', wordsPerMinute: 162 },
  en: { listen: 'Listen', wordsPerMinute: 141 },
};

/** Words as the voice counts them: runs of letters or digits. */
function words(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) || []).length;
}

eachModeAndLanguage((mode, lang) => {
  const t = TEXT[lang];

  test(`${mode.name} ${lang}: a lesson's players download nothing until a tap, then play the section`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    const audio = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/audio/')) audio.push(r.url()); });
    await page.goto(spec.server.base + '/');
    await page.goto(spec.server.base + await page.getAttribute('.card a.button', 'href'));
    await page.goto(spec.server.base + await page.getAttribute('.lesson-list a', 'href'), { waitUntil: 'networkidle' });
    await ready(page, mode);

    const players = page.locator('audio');
    const sections = await page.locator('.lesson-section').count();
    assert.ok(sections >= 2, `${sections} sections`);
    assert.equal(await players.count(), 1 + sections, 'the whole lesson, then one per section');
    for (let i = 0; i < await players.count(); i++) {
      const player = players.nth(i);
      assert.equal(await player.getAttribute('preload'), 'none');
      assert.equal(await player.locator('source').count(), 2, 'Opus and MP3');
    }
    assert.match(await page.textContent('.listen-lesson .listen-file'), new RegExp(`^${t.listen}`));
    const top = await page.locator('.listen-lesson').boundingBox();
    assert.ok(top.height >= 48 && top.width >= 300, `a large player: ${JSON.stringify(top)}`);
    assert.deepEqual(audio, [], 'no audio is requested before a tap');
    await page.screenshot({ path: join(SCREENSHOTS, `lesson-audio-${mode.name}-${lang}.png`) });

    // A tap on the first section's play button (at the left end of the browser's player).
    const section = page.locator('.lesson-section').first();
    const player = section.locator('audio');
    await player.scrollIntoViewIfNeeded();
    const box = await player.boundingBox();
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    await page.waitForFunction((el) => Number.isFinite(el.duration) && el.duration > 0,
      await player.elementHandle(), { timeout: 20000 });
    assert.ok(audio.length >= 1, 'the tap fetched the clip');
    assert.ok(audio.every((url) => /\/audio\/[0-9a-f]{32}\.(opus|mp3)$/.test(url)), audio.join(' '));
    const seconds = await player.evaluate((el) => el.duration);
    // What the section says: its heading and text, not its player's link.
    const text = await section.evaluate((el) => [...el.children]
      .filter((child) => !child.classList.contains('listen')).map((child) => child.innerText).join('\n'));
    const predicted = words(text) / t.wordsPerMinute * 60;
    const ratio = seconds / predicted;
    assert.ok(ratio >= 0.8 && ratio <= 1.2,
      `${seconds.toFixed(1)} s played for ${words(text)} words (${predicted.toFixed(1)} s predicted)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

eachModeAndLanguage((mode, lang) => {
  test(`${mode.name} ${lang}: with JavaScript, a speed for every player, the section read marked, the next one follows`, async () => {
    const { context, page, errors } = await phonePage(spec.browser, mode, lang);
    await page.goto(spec.server.base + '/');
    await page.goto(spec.server.base + await page.getAttribute('.card a.button', 'href'));
    await page.goto(spec.server.base + await page.getAttribute('.lesson-list a', 'href'));
    await ready(page, mode);
    if (!mode.javaScriptEnabled) {
      assert.equal(await page.locator('[data-speed]').count(), 1);
      assert.ok(!(await page.isVisible('[data-speed]')), 'no speed buttons without JavaScript');
      await context.close();
      return;
    }
    await page.waitForSelector('[data-speed]:visible');
    assert.match(await page.textContent('[data-speed]'), lang === 'fr' ? /0,75×/ : /0\.75×/);
    await page.click('[data-rate="0.75"]');
    const rates = () => page.$$eval('audio', (players) => players.map((p) => p.playbackRate));
    assert.ok((await rates()).every((r) => r === 0.75), `${await rates()}`);
    assert.equal(await page.getAttribute('[data-rate="0.75"]', 'aria-pressed'), 'true');
    await page.screenshot({ path: join(SCREENSHOTS, `lesson-speed-${lang}.png`) });

    // A tap on section 1: it is marked; near its end, section 2 follows on its own.
    const sections = page.locator('.lesson-section');
    const first = sections.nth(0).locator('audio');
    await first.scrollIntoViewIfNeeded();
    const box = await first.boundingBox();
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    await page.waitForFunction((el) => !el.paused && Number.isFinite(el.duration), await first.elementHandle(), { timeout: 20000 });
    assert.equal(await sections.nth(0).getAttribute('class'), 'lesson-section reading');
    await first.evaluate((el) => { el.currentTime = Math.max(0, el.duration - 0.2); });
    const second = sections.nth(1).locator('audio');
    await page.waitForFunction((el) => !el.paused, await second.elementHandle(), { timeout: 20000 });
    assert.equal(await sections.nth(1).getAttribute('class'), 'lesson-section reading');
    assert.equal(await sections.nth(0).getAttribute('class'), 'lesson-section');
    await second.evaluate((el) => el.pause());

    // The speed chosen holds on the next page.
    await page.reload();
    await page.waitForSelector('[data-speed]:visible');
    assert.ok((await rates()).every((r) => r === 0.75), 'remembered');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
