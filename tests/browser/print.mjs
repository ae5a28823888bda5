// Printing pages (issue 27), run by the Rust integration test `print`
// (tests/it/print.rs):
//
//   node tests/browser/print.mjs JOB.json
//
// JOB.json: { "chromium": "/path/to/chromium",
//   "pages": [{ "url": "http://…/de/", "pdf": "/tmp/…/de.pdf" }, …] }
//
// Loads each page in headless Chromium and prints it to PDF (A4, print
// media, as a reader's "Print" would), where the test reads the text back.
// Prints { "pages": [{ "url", "pdf" }] } and exits 0; exits 2 with a
// message on stderr when the browser cannot be started.

import { readFileSync } from 'node:fs';
import { fail, launch, packages } from './chromium.mjs';

const script = 'print.mjs';
const jobPath = process.argv[2] ?? fail(script, 'usage: node print.mjs JOB.json');
const job = JSON.parse(readFileSync(jobPath, 'utf8'));
const { chromium } = packages(script);
const { page, close } = await launch(script, chromium, job.chromium, { width: 1280, height: 800 });

const printed = [];
for (const { url, pdf } of job.pages) {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) {
    fail(script, `${url} answered ${response ? response.status() : 'nothing'}`);
  }
  await page.pdf({ path: pdf, format: 'A4' });
  printed.push({ url, pdf });
}
await close();
process.stdout.write(JSON.stringify({ pages: printed }));
