// A classroom opening the platform at once, against the release build: many requests at the
// same moment to every page whose title is its only reactive text (sign-in, join, the 404
// page and the error pages of signed-in areas), and to pages that load data. Before the fix
// of the page title, 2 to 8 of every 60 such requests were error pages (status 500, a panic
// in the reactive system); the answer must never be a 5xx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from '../support/harness.mjs';

const PAGES = ['/sign-in', '/join', '/no-such-page', '/verify', '/account', '/account/password',
  '/certificates', '/trainer', '/admin', '/slips', '/', '/job-aid/droit-et-enfants',
  '/modules/droit-et-enfants'];
/** Pages an anonymous visitor reads (the others answer with an error page on purpose). */
const READABLE = new Set(['/sign-in', '/join', '/verify', '/', '/job-aid/droit-et-enfants', '/modules/droit-et-enfants']);
const AT_ONCE = 16;
const ROUNDS = 25;

const spec = useServer({ browser: false });

test('pages opened by many people at once never answer with a server error', async () => {
  const failures = [];
  let sent = 0;
  for (const path of PAGES) {
    for (let round = 0; round < ROUNDS; round++) {
      const statuses = await Promise.all(Array.from({ length: AT_ONCE }, () =>
        fetch(spec.server.base + path, { headers: { 'Accept-Language': round % 2 ? 'en' : 'fr' } })
          .then(async (r) => { await r.arrayBuffer(); return r.status; })));
      sent += statuses.length;
      for (const status of statuses) {
        if (status >= 500 || (READABLE.has(path) && status !== 200)) failures.push(`${path}: ${status}`);
      }
    }
  }
  console.log(`# ${sent} requests, ${failures.length} server errors`);
  assert.deepEqual(failures, [], `${failures.length} of ${sent} requests failed`);
});
