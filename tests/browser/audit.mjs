// Real-browser accessibility audit of built vielfalt sites, run by the Rust
// integration test `browser` (tests/it/browser.rs), which serves the sites
// on 127.0.0.1 and passes a job file:
//
//   node tests/browser/audit.mjs JOB.json
//
// JOB.json: { "chromium": "/path/to/chromium", "pages": [{ "url": "http://…/de/",
//   "lang": "de" }, …] }
//
// For every page, in one headless Chromium and one reused page object at a
// 320 CSS px wide viewport: axe-core with the WCAG 2.0/2.1/2.2 A and AA
// tags, plus checks axe does not make — no horizontal scrolling at 320 px
// (reflow, 1.4.10), `lang` as expected and `dir` matching the language's
// CLDR direction, exactly one main landmark, the skip link is the first
// focus stop and moves focus to main, every focusable element (with all
// disclosures open) shows a focus outline (2.4.7), and no scripts (the
// theme works without JS; the search page's script adds search to a page
// that is the site index without it).
//
// Prints one JSON object: { "pages": [{ "url", "violations": [{ "id",
// "help", "targets" }] }], "ran": { "axe_version", "axe_tags", "checks":
// [{ "check", "wcag" }] } } and exits 0; exits 2 with a message on stderr
// when the browser cannot be started. `ran` is what the test suite records
// in the site's audits.toml for the accessibility statement.

import { readFileSync } from 'node:fs';
import { fail as stop, launch, packages } from './chromium.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The checks this script makes besides axe's, with the WCAG success
// criteria they test (none for the theme's own promise of no scripts).
const CHECKS = [
  { check: 'lang', wcag: ['3.1.1'] },
  { check: 'dir', wcag: ['1.3.2'] },
  { check: 'reflow', wcag: ['1.4.10'] },
  { check: 'main', wcag: ['1.3.1', '2.4.1'] },
  { check: 'skip-link', wcag: ['2.4.1'] },
  { check: 'focus-visible', wcag: ['2.4.7'] },
  { check: 'no-js', wcag: [] },
];

const fail = (message) => stop('audit', message);

const jobPath = process.argv[2];
if (!jobPath) fail('usage: node audit.mjs JOB.json');
const job = JSON.parse(readFileSync(jobPath, 'utf8'));

const { chromium, axeSource } = packages('audit');
const { page, close } = await launch('audit', chromium, job.chromium, { width: 320, height: 640 });
const results = [];
let axeVersion = null;
for (const { url, lang } of job.pages) {
  const violations = [];
  const add = (id, help, targets = []) => violations.push({ id, help, targets });
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) add('http-status', `the page answered ${response?.status()}`);
    // Counted before axe is injected (as a script element of its own). The
    // one script allowed is the search page's, on a page that is a list of
    // the site's pages without it (tests/it/search.rs runs the search).
    const scripts = await page.evaluate(() => {
      const search = document.querySelectorAll('script[src$="/search.js"]').length;
      const index = document.querySelectorAll('.site-index a[href]').length;
      return document.querySelectorAll('script').length - (search === 1 && index > 0 ? 1 : 0);
    });
    if (scripts !== 0) add('no-js', `${scripts} script elements: the theme must work without JavaScript`);
    const t0 = Date.now();
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS,
    );
    if (process.env.AUDIT_TIMING) process.stderr.write(`${url} axe ${Date.now() - t0} ms\n`);
    axeVersion ??= axe.testEngine?.version ?? null;
    for (const v of axe.violations) add(`axe/${v.id}`, v.help, v.nodes.map((n) => n.target.join(' ')));

    const facts = await page.evaluate(() => {
      const html = document.documentElement;
      let expectedDir = null;
      try {
        const loc = new Intl.Locale(html.lang);
        const info = typeof loc.getTextInfo === 'function' ? loc.getTextInfo() : loc.textInfo;
        expectedDir = info?.direction ?? null;
      } catch { expectedDir = null; }
      return {
        lang: html.lang,
        dir: html.dir,
        expectedDir,
        scrollWidth: html.scrollWidth,
        innerWidth: window.innerWidth,
        mains: document.querySelectorAll('main, [role="main"]').length,
      };
    });
    if (lang && facts.lang !== lang) add('lang', `<html lang="${facts.lang}">, expected "${lang}"`);
    if (!facts.expectedDir) add('lang', `the browser does not know the language "${facts.lang}"`);
    else if ((facts.dir || 'ltr') !== facts.expectedDir) add('dir', `dir="${facts.dir}" but ${facts.lang} is written ${facts.expectedDir}`);
    if (facts.scrollWidth > facts.innerWidth) add('reflow', `scrolls horizontally at 320 px: content is ${facts.scrollWidth} px wide`);
    if (facts.mains !== 1) add('main', `${facts.mains} main landmarks instead of one`);

    // Skip link: the first Tab stop, and Enter moves focus to main.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.tagName === 'A' ? a.getAttribute('href') : a?.tagName ?? null;
    });
    if (first !== '#main') add('skip-link', `the first Tab stop is ${first}, not a skip link to #main`);
    else {
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => document.activeElement === document.querySelector('main'));
      if (!focused) add('skip-link', 'the skip link does not move focus to main');
    }

    // Focus visible: every focusable element gets an outline (after a Tab
    // press, scripted focus matches :focus-visible as keyboard focus does).
    const unfocusable = await page.evaluate(() => {
      const bad = [];
      // Closed disclosures hide their links from focus; open them all.
      for (const d of document.querySelectorAll('details')) d.open = true;
      const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      for (const el of document.querySelectorAll(sel)) {
        el.focus();
        const s = getComputedStyle(el);
        const width = parseFloat(s.outlineWidth) || 0;
        if (s.outlineStyle === 'none' || width < 2) bad.push(el.outerHTML.slice(0, 80));
      }
      return bad;
    });
    if (unfocusable.length) add('focus-visible', 'elements without a visible focus outline', unfocusable);
  } catch (e) {
    add('audit-error', e.message.split('\n')[0]);
  }
  results.push({ url, violations });
}

await close();
process.stdout.write(JSON.stringify({
  pages: results,
  ran: { axe_version: axeVersion, axe_tags: TAGS, checks: CHECKS },
}));
