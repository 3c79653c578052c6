#!/usr/bin/env node
// Browser journeys against a running stack (./entente up, demo data seeded), driving Debian's chromium through
// playwright-core. Each file in journeys/ exports a list of journeys (support.mjs: journey(name, user, body)); they run
// in file order, each in a fresh browser context logged in as its user. Every screenshot is also an axe-core check.
// Env: BASE_URL (default http://localhost:8080), SCREENSHOT_DIR (default ../target/e2e-screenshots), CHROMIUM
// (default /usr/bin/chromium), E2E_TIMEOUT_MS (default 20000 per wait), JOURNEYS (a regular expression: run only the
// journeys whose file or name matches). Prints "N passed, N failed".
import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SCREENSHOT_DIR, TIMEOUT, assertNoTokenInBrowser, log, login, screenshot } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.env.JOURNEYS ? new RegExp(process.env.JOURNEYS, 'i') : null;

const journeys = [];
for (const file of readdirSync(join(here, 'journeys')).filter((f) => f.endsWith('.mjs')).sort()) {
  const listed = (await import(pathToFileURL(join(here, 'journeys', file)).href)).default;
  journeys.push(...listed.filter((j) => !only || only.test(file) || only.test(j.name)));
}

// launch() gives every run a fresh, temporary --user-data-dir of its own (and refuses one passed in args).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

const results = [];
try {
  for (const { name, user, body } of journeys) {
    // bypassCSP only so that the axe-core script can be injected; the app's own scripts run as served.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    const started = Date.now();
    try {
      await login(page, user);
      await body(page, context);
      await assertNoTokenInBrowser(page, context);
      results.push({ name, ok: true });
      log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      results.push({ name, ok: false, error });
      log(`FAIL ${name}: ${error?.message ?? error}`);
      await screenshot(page, `FAILED-${name.replace(/\W+/g, '-')}`).catch(() => {});
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}

for (const r of results.filter((r) => !r.ok)) console.log(`[e2e] failed: ${r.name}\n${r.error?.stack ?? r.error}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${SCREENSHOT_DIR}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
