// Golden queries for the search pages (issue 26), in headless Chromium,
// run by the Rust integration test `search` (tests/it/search.rs):
//
//   node tests/browser/search.mjs JOB.json
//
// JOB.json: { "chromium": "/path/to/chromium",
//   "queries": [{ "search": "http://…/de/suche/", "q": "Chancengleichheit",
//                 "variant": "easy" (optional), "expect": "/de/grundsaetze/" }, …] }
//
// Per query the page is loaded with ?q=… (and &variant=…), as the header's
// form and the search page's own form submit it, and the script waits for
// the live region to say how many results there are. It reports the
// results' paths, whether an excerpt marks the match (<mark>), the variant
// labels shown, the live region's text, and whether the live region is
// polite. A last check types a query into the page's own form with the
// keyboard only (Tab to the field, type, Enter) and follows the first
// result with Tab and Enter.
//
// Prints { "queries": [{ …query, "results": ["/de/…/", …], "marked": bool,
// "variants": [labels], "status": "…", "polite": bool, "error": "…" }],
// "keyboard": { "reached": "/…/", "error": "…" } } and exits 0; exits 2
// with a message on stderr when the browser cannot be started.

import { readFileSync } from 'node:fs';
import { fail, launch, packages } from './chromium.mjs';

const jobPath = process.argv[2];
if (!jobPath) fail('search', 'usage: node search.mjs JOB.json');
const job = JSON.parse(readFileSync(jobPath, 'utf8'));
const { chromium } = packages('search');
const { page, close } = await launch('search', chromium, job.chromium, { width: 1280, height: 800 });

// Waits until the live region says something other than "searching".
async function settled() {
  await page.waitForFunction(() => {
    const root = document.querySelector('.search');
    const status = root?.querySelector('.search-status')?.textContent ?? '';
    return status !== '' && status !== root.dataset.searching;
  }, null, { timeout: 15000 });
}

const out = [];
for (const query of job.queries) {
  const params = new URLSearchParams({ q: query.q });
  if (query.variant) params.set('variant', query.variant);
  const entry = { ...query, results: [], marked: false, variants: [], status: '', polite: false };
  try {
    await page.goto(`${query.search}?${params}`, { waitUntil: 'load' });
    await settled();
    Object.assign(entry, await page.evaluate(() => {
      const status = document.querySelector('.search-status');
      const items = [...document.querySelectorAll('.search-list > li')];
      return {
        results: items.map((li) => new URL(li.querySelector('a').href).pathname),
        marked: items.some((li) => li.querySelector('.search-excerpt mark')),
        variants: items.map((li) => li.querySelector('.search-variant')?.textContent.trim() ?? ''),
        status: status.textContent,
        polite: status.getAttribute('role') === 'status' || status.getAttribute('aria-live') === 'polite',
      };
    }));
  } catch (e) {
    entry.error = e.message.split('\n')[0];
  }
  out.push(entry);
}

// Keyboard only: from the top of the first query's search page.
const keyboard = {};
try {
  const first = job.queries[0];
  await page.goto(first.search, { waitUntil: 'load' });
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'search-q'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
  }
  if (focused !== 'search-q') throw new Error('Tab never reaches the search field');
  await page.keyboard.type(first.q);
  await page.keyboard.press('Enter');
  await settled();
  // The field keeps focus; the next stops lead to the first result.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const inResults = await page.evaluate(() => !!document.activeElement?.closest('.search-list'));
    if (inResults) break;
  }
  await Promise.all([page.waitForNavigation({ timeout: 15000 }), page.keyboard.press('Enter')]);
  keyboard.reached = new URL(page.url()).pathname;
} catch (e) {
  keyboard.error = e.message.split('\n')[0];
}

await close();
process.stdout.write(JSON.stringify({ queries: out, keyboard }));
