// Starts the release server on a free port with a fresh data folder, and launches Debian's
// Chromium through playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'end2end', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** The viewport of a cheap Android phone. */
export const PHONE = { width: 360, height: 740 };

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the release server. With `{ demo: true }` it runs in the README's demo mode and the
 * result holds the demo trainer's password and the demo cohort's join code, read from what the
 * server prints. `content` is the course folder (the shipped one unless a spec needs a fixture).
 * `dataDir` is its data folder (for the `server account create` command). A spec that
 * restarts the server as a new release passes the first one's `port` and `dataDir` (a
 * service worker belongs to its origin; the accounts stay). `env` adds settings.
 */
export async function startServer({ demo = false, content = join(ROOT, 'content'), port, dataDir, env: extra = {} } = {}) {
  port ||= await freePort();
  dataDir ||= mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  const env = { ...process.env };
  delete env.DATABASE_URL; // the embedded SQLite under the fresh data folder
  const child = spawn(join(ROOT, 'target', 'release', 'server'), ['serve'], {
    env: {
      ...env,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: join(ROOT, 'target', 'site'),
      CONTENT_DIR: content,
      DATA_DIR: dataDir,
      RUST_LOG: 'warn',
      PLATFORM_DEMO: demo ? '1' : '',
      // Clips are made when a spec taps a player, not the whole course behind every spec.
      AUDIO_PREPARE: 'off',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  child.stdout.on('data', (chunk) => { printed += chunk; process.stdout.write(chunk); });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) {
        // The demo lines are printed before the server listens, but the pipe may deliver them
        // after /health has answered: wait for them (a few turns of the event loop).
        for (let j = 0; demo && j < 50 && !/join code[^:]*: \S+\n/.test(printed); j++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const password = printed.match(/password `([^`]+)`/)?.[1];
        const joinCode = printed.match(/join code[^:]*: (\S+)/)?.[1];
        const stopped = new Promise((resolve) => child.once('exit', resolve));
        return {
          base, port, dataDir, demo: { username: 'formateur', password, joinCode },
          stop: () => { child.kill('SIGTERM'); return stopped; },
        };
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not answer /health within 10 s');
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The two ways every spec runs. */
export const MODES = [
  { name: 'hydrated', javaScriptEnabled: true },
  { name: 'no-js', javaScriptEnabled: false },
];

/** The languages every spec runs in, French first. */
export const LANGUAGES = ['fr', 'en'];

/** The course fixture the server's own tests use: one small module with a quiz. */
export const FIXTURE_CONTENT = join(ROOT, 'server', 'tests', 'fixtures', 'content');

/**
 * A spec's server and browser: started before its first test, stopped after its last. The
 * returned object's `server` and `browser` are set once the spec's tests run. `demo` and
 * `content` go to [`startServer`]; `browser: false` for a spec that only sends requests.
 */
export function useServer({ demo = false, content, browser = true } = {}) {
  const spec = { server: undefined, browser: undefined };
  before(async () => {
    spec.server = await startServer({ demo, content });
    if (demo) assert.ok(spec.server.demo.password && spec.server.demo.joinCode, 'the demo mode printed its credentials');
    if (browser) spec.browser = await launchBrowser();
  });
  after(async () => {
    await spec.browser?.close();
    spec.server?.stop();
  });
  return spec;
}

/** Declares a spec's tests once per mode (hydrated, no JavaScript) and language (fr, en). */
export function eachModeAndLanguage(declare) {
  for (const mode of MODES) {
    for (const lang of LANGUAGES) declare(mode, lang);
  }
}

/** A page on a phone, in `locale`, with or without JavaScript. */
export async function phonePage(browser, mode, locale) {
  const context = await browser.newContext({
    viewport: PHONE,
    javaScriptEnabled: mode.javaScriptEnabled,
    locale,
    extraHTTPHeaders: { 'Accept-Language': locale },
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/**
 * Resolves once the wasm has taken over the page's islands (an island's effect marks the
 * body). A page without an island loads no wasm: it is ready as soon as it has loaded.
 */
export async function waitForHydration(page) {
  if ((await page.locator('leptos-island').count()) === 0) return;
  await page.waitForSelector('body[data-hydrated="true"]', { state: 'attached', timeout: 20000 });
}
