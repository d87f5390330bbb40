// End-to-end tests against the test build (support/test-build.mjs): a deployment whose
// data/site.toml sets a report address, and a panic, which must never leave a dead page.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoUnexpectedErrors, axeViolations, waitForApp } from './support/browser.mjs';
import { EVERY_PAGE } from './support/pages.mjs';
import { startPortal, switchToEnglish } from './support/portal.mjs';
import { REPORT_ADDRESS, ensureTestBuild } from './support/test-build.mjs';

let portal;

before(async () => {
  portal = await startPortal(ensureTestBuild());
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

describe('a deployment with a report address', () => {
  test('every page, the widget included, links to it', async () => {
    for (const hash of EVERY_PAGE) {
      const { page, errors, context } = await portal.open(hash);
      const link = page.locator('.rx-report-link');
      assert.equal(await link.getAttribute('href'), REPORT_ADDRESS, hash);
      assert.equal(await link.innerText(), '发现错误？报告问题', hash);
      assert.deepEqual(errors, [], hash);
      await context.close();
    }
  });

  test('axe finds no violations with the link shown', async () => {
    const { page, context } = await portal.open('#/guide');
    assert.deepEqual(await axeViolations(page), []);
    await switchToEnglish(page);
    assert.equal(await page.locator('.rx-report-link').innerText(), 'Found a mistake? Report a problem');
    await context.close();
  });
});

describe('a panic', () => {
  for (const [lang, heading, reload] of [
    ['zh-CN', '抱歉，页面出错了', '重新加载本页'],
    ['en', 'Sorry, something went wrong', 'Reload this page'],
  ]) {
    test(`leaves a plain notice with a reload link, not a dead page (${lang})`, async () => {
      const session = await portal.open('#/guide');
      session.expectErrors();
      const { page, errors, context } = session;
      if (lang === 'en') await switchToEnglish(page);
      await page.evaluate(() => { location.hash = '#/__panic'; });
      const notice = page.locator('main .rx-crash[role=alert]');
      await notice.waitFor();
      assert.equal(await notice.locator('h1').innerText(), heading);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), heading, 'focus moves to the notice');
      assert.ok(errors.some((e) => e.includes('deliberate panic')), 'the console still has the panic');
      assert.deepEqual(await axeViolations(page), [], 'the notice itself');
      const link = notice.locator('a', { hasText: reload });
      const href = await link.getAttribute('href');
      // The same page (the app showed the old link at its real address), loaded afresh.
      assert.match(href, /\/__panic\/\?reload=1$/);
      const home = await notice.locator('a').last().getAttribute('href');
      assert.match(home, /\/some\/sub\/path\/\?reload=1$/, 'home is the portal\'s root');
      // Following it loads the app afresh: on a page that does not panic, it works again.
      await page.goto(new URL(href.replace('/__panic/', '/guide/'), page.url()).href);
      await waitForApp(page);
      assert.equal(await page.locator('.rx-crash').count(), 0);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});
