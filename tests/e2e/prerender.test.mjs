// End-to-end tests of the prerendered pages (issue 14): every page is a real file under the
// portal's folder, readable with JavaScript off, with its own title and preview tags, listed
// in the sitemap; with JavaScript on, the app takes the page over without moving anything.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { assertNoUnexpectedErrors, axeViolations, waitForApp } from './support/browser.mjs';
import { startPortal } from './support/portal.mjs';

// The clauses as the CLI exports them (the same corpus the build embeds), not restated here.
const exported = JSON.parse(
  execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'ruxue', '--', '--json', 'export'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);
const clauses = exported.documents.flatMap((d) => d.items.map((item) => ({ ...item, doc: d })));

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

const get = async (path) => {
  const response = await fetch(portal.server.url + path);
  return { status: response.status, text: await response.text() };
};

/** The prerendered page files under dist/, as folder links (`policies/x/`), and the root. */
function pageFolders(dir = resolve('dist'), prefix = '') {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...pageFolders(path, `${prefix}${name}/`));
    else if (name === 'index.html' && prefix) found.push(prefix);
  }
  return found;
}

/** A context with JavaScript off, as a reader with it disabled (or a link preview) sees. */
async function withoutScript() {
  const context = await portal.browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'zh-CN',
    javaScriptEnabled: false,
  });
  return { context, page: await context.newPage() };
}

describe('prerendered pages', () => {
  test('every clause page is a file holding its clause text, title and preview tags', async () => {
    assert.ok(clauses.length > 100, `${clauses.length} clauses`);
    for (const clause of clauses) {
      const { status, text } = await get(clause.link);
      assert.equal(status, 200, clause.link);
      const opening = clause.text.slice(0, 12).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
      assert.ok(text.includes(opening), `${clause.link}: clause text`);
      assert.ok(text.includes(`<title>${clause.number}`) || text.includes(`<title>${clause.path.join('')}`), `${clause.link}: title`);
      assert.match(text, /<meta property="og:title" content="[^"]+">/, clause.link);
      assert.match(text, /<meta name="description" content="[^"]+">/, clause.link);
      assert.match(text, /"@type":"Legislation"/, clause.link);
      // Without site_url (the shipped data sets none) no canonical address is invented.
      assert.ok(!text.includes('rel="canonical"'), clause.link);
      assert.ok(!text.includes('正在加载'), `${clause.link}: no loading message`);
      assert.ok(!text.includes('href="#/'), `${clause.link}: links are real paths`);
    }
  });

  test('the sitemap lists every page, with the data\'s last-checked date', async () => {
    const { status, text } = await get('sitemap.xml');
    assert.equal(status, 200);
    const locs = [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const folders = pageFolders();
    assert.deepEqual([...locs].filter(Boolean).sort(), [...folders].sort());
    assert.ok(locs.includes(''), 'the home page');
    for (const clause of clauses) assert.ok(locs.includes(clause.link), clause.link);
    assert.match(text, /<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
    const robots = await get('robots.txt');
    assert.match(robots.text, /^User-agent: \*$/m);
  });

  test('without JavaScript: read a clause, follow plain links, and be told where JavaScript is needed', async () => {
    const { context, page } = await withoutScript();
    const clause = clauses.find((c) => c.id === 'mh-2023-6/4-9-16');
    await page.goto(portal.server.url + clause.link);
    assert.match(await page.locator('main h1').innerText(), /闵行区推进教育高质量发展/);
    assert.ok((await page.locator('main').innerText()).includes(clause.text.slice(0, 20)));
    await page.locator('nav a', { hasText: '入学指南' }).click();
    await page.waitForURL(/\/guide\/$/);
    assert.equal(await page.locator('main h1').innerText(), '入学指南');
    await page.goto(`${portal.server.url}search/`);
    assert.match(await page.locator('main').innerText(), /本页需要启用 JavaScript/);
    await page.goto(`${portal.server.url}guide/check/`);
    assert.match(await page.locator('main').innerText(), /9月1日至次年8月31日/);
    await context.close();
  });

  test('the prerendered markup is accessible as it stands, before or without the app', async () => {
    // axe needs script to run, so the app's script and wasm are refused instead.
    const context = await portal.browser.newContext({ viewport: { width: 375, height: 740 } });
    await context.route(/\.(js|wasm)$/, (route) => route.abort());
    const page = await context.newPage();
    for (const path of ['policies/mh-2023-6/4-9-16/', 'policies/', 'guide/', 'guide/check/', 'clusters/', 'search/', 'sources/']) {
      await page.goto(portal.server.url + path);
      assert.equal(await page.locator('#rx-prerendered').count(), 1, path);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    await context.close();
  });

  test('with JavaScript, the app takes a prerendered page over: same page, nothing moves', async () => {
    const { page, errors, context } = await portal.open('policies/mh-2023-6/4-9-16/');
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.waitForSelector('.rx-clause--target');
    await page.waitForTimeout(500);
    assert.match(await page.locator('main h1').innerText(), /闵行区推进教育高质量发展/);
    assert.equal(await page.locator('#rx-prerendered').count(), 0, 'replaced by the app');
    assert.equal(await page.locator('main').count(), 1);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.01, `cumulative layout shift ${shift}`);
    // The page's query is its state, as in the fragment.
    await page.goto(`${portal.server.url}search/?q=${encodeURIComponent('幼升小')}`);
    await page.waitForSelector('.rx-result');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an old fragment link opens its page at the page\'s real address', async () => {
    const { page, context } = await portal.open('index.html#/guide/check?birth=2020-10-01');
    assert.equal(await page.locator('main h1').innerText(), '入学年份与适用规则');
    assert.equal(await page.locator('main h1').count(), 1);
    assert.equal(page.url(), `${portal.server.url}guide/check/?birth=2020-10-01`);
    await context.close();
  });

  test('links move between pages without loading them again, and Back returns', async () => {
    const { page, errors, context } = await portal.open('guide/');
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('nav a', { hasText: '政策文件' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '政策文件');
    assert.equal(page.url(), `${portal.server.url}policies/`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '入学指南');
    assert.equal(page.url(), `${portal.server.url}guide/`);
    // A reload of any address the app showed is a file.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), '入学指南');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
