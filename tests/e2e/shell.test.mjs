// End-to-end tests of the app shell against the release build, served from a sub-path.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { SUB_PATH } from './support/server.mjs';
import { assertNoUnexpectedErrors, axeViolations, waitForApp } from './support/browser.mjs';
import { h1, startPortal, switchToEnglish } from './support/portal.mjs';

const PAGES = [
  { hash: '#/', zh: '上海入学与教育政策', en: 'Shanghai school enrolment and education policy' },
  { hash: '#/policies', zh: '政策文件', en: 'Policies' },
  { hash: '#/guide', zh: '入学指南', en: 'Enrolment guide' },
  { hash: '#/clusters', zh: '学区与集团', en: 'School districts and groups' },
  { hash: '#/lookup', zh: '查询', en: 'Look up' },
  { hash: '#/no-such-page', zh: '找不到该页面', en: 'Page not found' },
];

/**
 * Moves the app to a page of `PAGES` and waits for its heading in `lang`: until a page's part
 * of the wasm is in, the app shows a loading line in its place (src/components/with_page_code.rs).
 */
async function showPage(page, { hash, zh, en }, lang) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.waitForFunction((h) => window.__route() === h, hash);
  await page.waitForFunction(
    (heading) => document.querySelector('main h1')?.textContent === heading && !document.querySelector('main .rx-texts-loading'),
    lang === 'en' ? en : zh,
  );
  await page.waitForTimeout(50);
}

let portal;
let server;

before(async () => {
  portal = await startPortal();
  server = portal.server;
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

const open = (hash, options) => portal.open(hash, options);

describe('release build', () => {
  // The panic trigger exists only in test builds (support/test-build.mjs).
  test('has no test hooks: #/__panic is an ordinary unknown page', async () => {
    const { page, errors, context } = await open('#/__panic');
    assert.equal(await h1(page), '找不到该页面');
    assert.equal(await page.locator('.rx-crash').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('_headers: pages revalidate and frame only themselves, the widget may be framed, hashed files are immutable', async () => {
    const text = await readFile(resolve('dist/_headers'), 'utf8');
    const rules = Object.fromEntries(text.split(/\n(?=\/)/).map((rule) => [rule.split('\n')[0].trim(), rule]));
    for (const page of ['/', '/index.html']) {
      assert.match(rules[page], /frame-ancestors 'self'/, page);
      assert.match(rules[page], /Cache-Control: no-cache/, page);
    }
    assert.match(rules['/embed.html'], /frame-ancestors \*/);
    assert.doesNotMatch(rules['/*'], /Content-Security-Policy/, 'one policy per page, never two');
    const hashed = Object.keys(rules).filter((path) => /-[0-9a-f]+(_bg)?\.(js|wasm|css|svg)$/.test(path));
    assert.ok(hashed.length >= 4, hashed.join());
    for (const path of hashed) assert.match(rules[path], /max-age=31536000, immutable/, path);
    const html = await readFile(resolve('dist/index.html'), 'utf8');
    assert.doesNotMatch(html, /as="?fetch"?[^>]*integrity=/, 'no integrity on the wasm preload, which Chromium ignores with a warning');
  });
});

describe('start-up', () => {
  test('the release build renders from a sub-path with no page error', async () => {
    const { page, errors, context } = await open();
    assert.equal(await h1(page), '上海入学与教育政策');
    assert.equal(await page.locator('#rx-loading').count(), 0, 'the loading message is replaced');
    assert.equal(await page.locator('header .rx-header__name').innerText(), '入学');
    assert.match(await page.locator('footer').innerText(), /以官方发布为准/);
    assert.deepEqual(errors, []);
    const outside = server.requests.filter((path) => !path.startsWith(SUB_PATH));
    assert.deepEqual(outside, [], 'every asset URL is relative to the sub-path');
    await context.close();
  });

  test('the primary navigation lists the four sections in order', async () => {
    const { page, context } = await open();
    const items = await page.locator('nav.rx-nav a').allInnerTexts();
    assert.deepEqual(items, ['政策文件', '入学指南', '学区与集团', '查询']);
    await context.close();
  });
});

describe('navigation', () => {
  test('each nav link shows its page, marks itself current and moves focus to the content', async () => {
    const { page, errors, context } = await open();
    for (const { hash, zh } of PAGES.slice(1, 5)) {
      await page.locator('nav.rx-nav a', { hasText: zh }).click();
      await page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, zh);
      assert.equal(portal.route(page), hash);
      assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), zh);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'rx-main');
      assert.match(await page.title(), new RegExp(`^${zh} — 入学 Ruxue$`));
    }
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '学区与集团');
    await page.locator('.rx-header__product').click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '上海入学与教育政策');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const { hash, zh } of PAGES) {
    test(`a deep link to ${hash} opens directly in a fresh tab`, async () => {
      const { page, errors, context } = await open(hash);
      assert.equal(await h1(page), zh);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a trailing slash is tolerated', async () => {
    const { page, context } = await open('#/guide/');
    assert.equal(await h1(page), '入学指南');
    await context.close();
  });

  test('hostile and malformed fragments are inert', async () => {
    const cases = [
      ['#<script>window.__pwned=1</script>', '上海入学与教育政策'],
      ['#/"><img src=x onerror="window.__pwned=1">', '找不到该页面'],
      ['#/%ED%A0%80%E0%A4%A', '找不到该页面'],
      ['#/' + 'x'.repeat(10000), '找不到该页面'],
      ['#main', '上海入学与教育政策'],
    ];
    for (const [hash, heading] of cases) {
      const { page, errors, context } = await open(hash);
      let dialogs = 0;
      page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); });
      assert.equal(await h1(page), heading, hash.slice(0, 40));
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('main img, main script').count(), 0);
      assert.equal(dialogs, 0);
      assert.deepEqual(errors, [], hash.slice(0, 40));
      await context.close();
    }
  });
});

describe('language', () => {
  test('the switch changes every UI string and <html lang>, and is remembered', async () => {
    const { page, errors, context } = await open('#/guide');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const button = page.locator('button.rx-language-switch');
    assert.equal(await button.innerText(), 'English');
    await button.click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await h1(page), 'Enrolment guide');
    assert.deepEqual(await page.locator('nav.rx-nav a').allInnerTexts(), ['Policies', 'Enrolment guide', 'School districts and groups', 'Look up']);
    assert.match(await page.locator('footer').innerText(), /Chinese only/);
    assert.equal(await button.innerText(), '中文');
    assert.equal(await button.getAttribute('lang'), 'zh-CN');

    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice survives a reload');
    assert.equal(await h1(page), 'Enrolment guide');

    await page.locator('button.rx-language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(await h1(page), '入学指南');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const lang of ['zh-CN', 'en']) {
    test(`axe finds no violations on any page (${lang})`, async () => {
      const { page, context } = await open();
      if (lang === 'en') await switchToEnglish(page);
      for (const shown of PAGES) {
        const { hash } = shown;
        await showPage(page, shown, lang);
        assert.deepEqual(await axeViolations(page), [], `${hash} (${lang})`);
      }
      await context.close();
    });
  }

  test('the skip link is the first tab stop and moves focus to the content without routing', async () => {
    const { page, context } = await open('#/policies');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.className);
    assert.equal(focused, 'rx-skip-link');
    assert.ok(await page.locator('.rx-skip-link').isVisible(), 'visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'rx-main');
    assert.equal(portal.route(page), '#/policies', 'the route is unchanged');
    await context.close();
  });

  test('every page is readable at 320 px without horizontal scrolling', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { page, context } = await open('', { width: 320, height: 640 });
      if (lang === 'en') await switchToEnglish(page);
      for (const shown of PAGES) {
        const { hash } = shown;
        await showPage(page, shown, lang);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `${hash} (${lang}) is ${width} px wide`);
      }
      await context.close();
    }
  });
});
