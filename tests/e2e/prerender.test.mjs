// End-to-end tests of the prerendered pages (issue 14): every page is a real file under the
// portal's folder, readable with JavaScript off, with its own title and preview tags, listed
// in the sitemap; with JavaScript on, the app takes the page over without moving anything.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { assertNoUnexpectedErrors, axeViolations, openPage, waitForApp } from './support/browser.mjs';
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

  test('under a deep sub-path with no rewrite rules, every link of every page is served', async () => {
    const pages = ['', ...pageFolders()];
    const linked = new Map();
    for (const folder of pages) {
      const pageUrl = portal.server.url + folder;
      const { status, text } = await get(folder);
      assert.equal(status, 200, pageUrl);
      const base = new URL(text.match(/<base href="([^"]*)"/)[1], pageUrl);
      for (const [, href] of text.matchAll(/<(?:a|link)\b[^>]*\bhref="([^"]*)"/g)) {
        const url = new URL(href.replaceAll('&amp;', '&'), base);
        if (url.origin !== new URL(portal.server.url).origin) continue;
        url.hash = '';
        if (!linked.has(url.href)) linked.set(url.href, pageUrl);
      }
    }
    assert.ok(linked.size > pages.length, `${linked.size} links`);
    for (const [url, from] of linked) {
      const response = await fetch(url);
      assert.equal(response.status, 200, `${url}, linked from ${from}`);
      assert.ok(url.startsWith(portal.server.url), `${url} leaves the portal's folder`);
    }
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

  test('the page is painted before the app is fetched, and the take-over paints nothing larger', async () => {
    // What Lighthouse's largest contentful paint measures: if the app's own rendering were the
    // largest paint, the page would count as shown only once the wasm had arrived.
    const session = await openPage(portal.browser);
    await session.context.addInitScript(() => {
      window.__largest = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          // An element the app has since removed is reported as null.
          const prerendered = !entry.element || Boolean(entry.element.closest('#rx-prerendered'));
          window.__largest.push({ tag: entry.element?.tagName, prerendered });
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const { page, errors } = session;
    for (const path of ['', 'policies/mh-2023-6/4-9-16/', 'guide/']) {
      await page.goto(portal.server.url + path);
      await waitForApp(page);
      await page.waitForTimeout(300);
      const { largest, parsed, wasmRequested } = await page.evaluate(() => ({
        largest: window.__largest,
        parsed: performance.getEntriesByType('navigation')[0].domInteractive,
        wasmRequested: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.startTime,
      }));
      // A preload in <head> would ask for the wasm as parsing starts.
      assert.ok(wasmRequested > parsed, `${path}: wasm requested at ${wasmRequested} ms, before the page was parsed at ${parsed} ms`);
      assert.ok(largest.length > 0, path);
      assert.deepEqual(largest.filter((paint) => !paint.prerendered), [], `${path}: the app painted something larger`);
    }
    assert.deepEqual(errors, []);
  });

  test('a clause page opens at its clause before the app starts', async () => {
    const context = await portal.browser.newContext({ viewport: { width: 375, height: 740 } });
    await context.route(/\.(js|wasm)$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${portal.server.url}policies/mh-2023-6/4-9-16/`);
    // At the top: the reader's bar with the document's title, and the clause just below it.
    const { top, barTop, barBottom } = await page.evaluate(() => {
      const clause = document.querySelector('#rx-prerendered .rx-clause--target').getBoundingClientRect();
      const bar = document.querySelector('#rx-prerendered .rx-reader-bar').getBoundingClientRect();
      return { top: clause.top, barTop: bar.top, barBottom: bar.bottom };
    });
    assert.ok(Math.abs(barTop) < 2, `the bar is ${barTop} px from the top of the window`);
    assert.ok(top >= barBottom - 1 && top < barBottom + 40, `the clause is ${top} px from the top, the bar ends at ${barBottom}`);
    await context.close();
  });

  test('what a parent types while the app loads is kept when it takes over', async () => {
    const session = await openPage(portal.browser);
    const { page, errors } = session;
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${portal.server.url}policies/mh-2023-6/4-9-16/`);
    await page.locator('#rx-prerendered #rx-search-box-input').fill('幼升');
    release();
    await waitForApp(page);
    await page.waitForFunction(() => document.activeElement?.id === 'rx-search-box-input');
    assert.equal(await page.locator('#rx-search-box-input').inputValue(), '幼升');
    await page.keyboard.type('小');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.rx-result');
    assert.equal(portal.route(page), '#/search?q=幼升小');
    assert.deepEqual(errors, []);
  });

  test('a form submitted before the app starts opens its answer', async () => {
    const session = await openPage(portal.browser);
    const { page, errors } = session;
    // The app never arrives on the page the form is on; it does on the page the form opens.
    session.expectErrors();
    await page.route(/\.wasm$/, (route) => (page.url().includes('?') ? route.continue() : route.abort()));
    await page.goto(`${portal.server.url}search/`);
    await page.locator('#rx-search-input').fill('幼升小');
    await page.locator('#rx-search-input').press('Enter');
    await page.waitForSelector('.rx-result');
    assert.equal(portal.route(page), '#/search?q=幼升小');

    await page.goto(`${portal.server.url}guide/check/`);
    await page.locator('#rx-birth-year').fill('2020');
    await page.locator('#rx-birth-month').fill('10');
    await page.locator('#rx-birth-day').fill('1');
    await page.locator('#rx-check-district').selectOption('闵行区');
    await page.locator('label[for=rx-household-permit]').click();
    await page.locator('.rx-form button[type=submit]').click();
    await page.waitForFunction(() => window.__route().includes('birth='));
    assert.equal(portal.route(page), '#/guide/check?birth=2020-10-1&district=闵行区&household=permit');
    await page.waitForSelector('#rx-result-heading');
    // Only the refused wasm's own errors: no panic, no form refused by the page's policy.
    assert.deepEqual(errors.filter((e) => !/ERR_FAILED|Failed to fetch/.test(e)), []);
  });

  test('an old fragment link opens its page at the page\'s real address', async () => {
    const { page, context } = await portal.open('index.html#/guide/check?birth=2020-10-01');
    assert.equal(await page.locator('main h1').innerText(), '入学年份与适用规则');
    assert.equal(await page.locator('main h1').count(), 1);
    assert.equal(page.url(), `${portal.server.url}guide/check/?birth=2020-10-01`);
    await context.close();
  });

  test('an old link to a section loads its page\'s file at once, inside the portal\'s folder', async () => {
    // [old link, the page file it opens, or null when it names no file (the app answers)]
    const cases = [
      ['index.html#/policies/mh-2023-6/4-9-16', 'policies/mh-2023-6/4-9-16/'],
      [`#/search?q=${encodeURIComponent('幼升小')}`, `search/?q=${encodeURIComponent('幼升小')}`],
      ['#/sources', 'sources/'],
      ['#/policies/../../../../mh-2023-6', 'policies/mh-2023-6/'],
      ['#/policies/%2e%2e/%2E%2e/mh-2023-6/./4-9-16', 'policies/mh-2023-6/4-9-16/'],
      ['#/guide\\..\\..\\x', null],
      ['#/policies/no-such-doc', null],
    ];
    for (const [link, file] of cases) {
      const session = await openPage(portal.browser);
      // The existence check of a page that is not there is a 404.
      if (!file) session.expectErrors();
      const requested = [];
      session.page.on('request', (request) => {
        if (request.isNavigationRequest()) requested.push(request.url());
      });
      await session.page.goto(portal.server.url + link);
      await waitForApp(session.page);
      await session.page.waitForURL((url) => !url.hash.startsWith('#/'));
      // (A request carries no fragment: with no page file, only the page it was on.)
      assert.equal(requested.at(-1), portal.server.url + (file ?? link.split('#')[0]), link);
      assert.ok(session.page.url().startsWith(portal.server.url), session.page.url());
      await session.context.close();
    }
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
