// Launches Debian's Chromium through playwright-core (never a downloaded browser) and
// collects every page error and console error, since a build can succeed and its page die.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Flags for headless Chromium as root in a container on a closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.RUXUE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
}

// Every session opened since the last check, so that each test fails on an error it did not
// expect, whether or not it looks at `errors` itself (see assertNoUnexpectedErrors).
const sessions = [];

/**
 * A fresh context (like a fresh tab in a new profile) and a page that records its errors: page
 * errors, console errors, and Content-Security-Policy violations (reported to the console by a
 * listener added before any of the page's scripts run). A test that provokes errors on purpose
 * calls `expectErrors()` on its session.
 */
export async function openPage(browser, { width = 375, height = 740, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  await context.addInitScript(() => {
    // The app's location as one string, `#/path?query`, whether the address shows it as a page
    // folder below the portal's root (the portal) or as the fragment (the widget, old links).
    window.__route = () => {
      if (location.hash.startsWith('#/')) return decodeURIComponent(location.hash);
      const base = document.baseURI.split(/[?#]/)[0];
      const root = base.slice(0, base.lastIndexOf('/') + 1);
      const below = location.href.split(/[?#]/)[0].slice(root.length)
        .replace(/index\.html$/, '').replace(/\/+$/, '');
      return decodeURIComponent(`#/${below}${location.search}`);
    };
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const session = { context, page, errors, expected: false };
  session.expectErrors = () => {
    session.expected = true;
  };
  sessions.push(session);
  return session;
}

/**
 * Makes `page`'s requests matching `pattern` fail (HTTP 503) until the returned function is
 * called: a file that cannot be fetched, then can.
 */
export async function failUntilFixed(page, pattern) {
  let fail = true;
  await page.route(pattern, (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  return () => {
    fail = false;
  };
}

/** For `afterEach` in every test file: no session of the test had an error it did not expect. */
export function assertNoUnexpectedErrors() {
  const found = sessions.filter((s) => !s.expected).flatMap((s) => s.errors);
  sessions.length = 0;
  assert.deepEqual(found, [], 'page errors, console errors or CSP violations');
}

/**
 * Waits until the app has replaced the static loading message, or the prerendered page, with
 * its shell (a prerendered page has its heading before the app runs).
 */
export async function waitForApp(page) {
  await page.waitForFunction(
    () => !document.getElementById('rx-prerendered') && document.querySelector('main#rx-main h1'),
    null,
    { timeout: 15000 },
  );
}

let axeSource;

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) and returns its violations. */
export async function axeViolations(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern; an injected <script> tag would be (rightly) refused.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
