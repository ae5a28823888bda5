// Starting headless Chromium for the browser checks (audit.mjs, matrix.mjs):
// one persistent context in a throwaway profile, through playwright-core.
// A check script calls `fail` for anything that stops it from running at
// all; that exits 2, which the Rust test reports as "could not run".

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function fail(script, message) {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(2);
}

/// The npm packages the checks use, or exit 2 saying how to install them.
export function packages(script) {
  try {
    return { chromium: require('playwright-core').chromium, axeSource: require('axe-core').source };
  } catch (e) {
    return fail(script, `the npm packages are missing (${e.message}); run scripts/setup-test-deps (it runs npm ci in tests/browser)`);
  }
}

/// Launches Chromium at `executablePath`; returns { context, page, close }.
export async function launch(script, chromium, executablePath, viewport) {
  const userDataDir = mkdtempSync(join(tmpdir(), `vielfalt-${script}-`));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
      viewport,
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    fail(script, `Chromium (${executablePath}) cannot start: ${e.message.split('\n')[0]}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}
