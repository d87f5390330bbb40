// End-to-end tests of the embeddable widget. The portal and the school's page are served from
// two different origins (two ports on 127.0.0.1), as they would be in real life.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';

import { assertNoUnexpectedErrors, openPage } from './support/browser.mjs';
import { startHost } from './support/host.mjs';
import { startPortal, switchToEnglish } from './support/portal.mjs';

const require = createRequire(import.meta.url);
let portal;
let host;

before(async () => {
  portal = await startPortal();
  host = await startHost();
});

after(async () => {
  await portal?.stop();
  await host?.close();
});

afterEach(assertNoUnexpectedErrors);

/** Serves `body` as a school's page on the host origin and opens it. */
async function openHost(path, body, options) {
  host.pages.set(path, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某校网站</title><link rel="icon" href="data:,"></head><body><h1>某校招生信息</h1><button id="before">之前的按钮</button>${body}</body></html>`);
  const session = await openPage(portal.browser, options);
  await session.page.goto(host.url + path);
  return session;
}

const loader = () => `<script src="${portal.server.url}widget.js" defer></script>`;
const frameOf = async (page, selector = 'ruxue-widget iframe') => {
  const handle = await page.locator(selector).first().elementHandle();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('main#rx-main', { timeout: 15000 });
  return frame;
};
const heightOf = (page, selector = 'ruxue-widget iframe') => page.locator(selector).first().evaluate((f) => f.getBoundingClientRect().height);

describe('widget', () => {
  test('the element loads the lookup, chrome-less, with its district preset', async () => {
    const { page, errors, context } = await openHost('/element', `${loader()}<ruxue-widget view="lookup" district="闵行区"></ruxue-widget>`);
    const frame = await frameOf(page);
    assert.equal(await frame.locator('.rx-header').count(), 0, 'no portal header in the widget');
    assert.equal(await frame.locator('#rx-lookup-input').count(), 1);
    assert.match(await frame.locator('.rx-embed__footer').innerText(), /以官方发布为准/);
    await frame.locator('#rx-lookup-input').fill('七宝镇');
    await frame.waitForSelector('#rx-answer-heading');
    assert.equal(await frame.locator('#rx-answer-heading').innerText(), '七宝镇 街镇');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // The element behaves like a custom element (issue 12): moved, it keeps resizing; attributes
  // set after it is appended (as frameworks do) are what it shows; two on a page are apart.
  test('a moved element keeps following its content height', async () => {
    const { page, errors, context } = await openHost('/moved', `${loader()}<div id="a"><ruxue-widget view="search"></ruxue-widget></div><div id="b"></div>`);
    await frameOf(page);
    await page.waitForFunction(() => document.querySelector('ruxue-widget').shadowRoot.querySelector('iframe').style.height !== '480px');
    await page.evaluate(() => document.getElementById('b').appendChild(document.querySelector('ruxue-widget')));
    const frameStyle = () => page.evaluate(() => document.querySelector('ruxue-widget').shadowRoot.querySelector('iframe').style.height);
    await page.evaluate(() => { document.querySelector('ruxue-widget').shadowRoot.querySelector('iframe').style.height = '151px'; });
    await frameOf(page);
    await page.waitForFunction(() => document.querySelector('ruxue-widget').shadowRoot.querySelector('iframe').style.height !== '151px', null, { timeout: 15000 });
    assert.notEqual(await frameStyle(), '151px');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('attributes set after the element is appended are what it shows', async () => {
    const { page, errors, context } = await openHost('/framework', loader());
    await page.waitForFunction(() => !!customElements.get('ruxue-widget'));
    await page.evaluate(() => {
      const widget = document.createElement('ruxue-widget');
      document.body.appendChild(widget);
      widget.setAttribute('view', 'lookup');
      widget.setAttribute('district', '崇明区');
      widget.setAttribute('lang', 'en');
    });
    const src = await page.evaluate(() => document.querySelector('ruxue-widget').shadowRoot.querySelector('iframe').src);
    const params = new URL(src).searchParams;
    assert.deepEqual([params.get('view'), params.get('district'), params.get('lang')], ['lookup', '崇明区', 'en']);
    const frame = await frameOf(page);
    await frame.waitForSelector('#rx-lookup-input');
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('two widgets on one page each follow their own height', async () => {
    const { page, errors, context } = await openHost('/two', `${loader()}<ruxue-widget id="one" view="calculator"></ruxue-widget><ruxue-widget id="two" view="lookup"></ruxue-widget>`, { width: 375, height: 4000 });
    await frameOf(page, '#one iframe').catch(() => {});
    const heights = () => page.evaluate(() => ['one', 'two'].map((id) => document.getElementById(id).shadowRoot.querySelector('iframe').style.height));
    await page.waitForFunction(() => ['one', 'two'].every((id) => document.getElementById(id).shadowRoot.querySelector('iframe').style.height !== '480px'), null, { timeout: 15000 });
    const [one, two] = await heights();
    assert.notEqual(one, two, 'each frame has its own content height');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // Only the widget may be framed (issue 12): another site that frames the portal itself gets
  // nothing, and the widget's entry, whatever its query, is only ever the widget.
  test('another site cannot frame the portal, only the widget', async () => {
    const framing = await openHost('/framing', `<iframe id="portal" src="${portal.server.url}#/guide" title="portal"></iframe><iframe id="entry" src="${portal.server.url}embed.html#/guide" title="entry"></iframe>`);
    // Chromium reports the refused frame as a console error on the school's page: expected.
    framing.expectErrors();
    const { page, context } = framing;
    const entry = await frameOf(page, '#entry');
    assert.equal(await entry.locator('.rx-header').count(), 0, 'embed.html shows the widget, not the portal');
    assert.equal(await entry.locator('.rx-embed__footer').count(), 1);
    const blocked = await (await page.locator('#portal').elementHandle()).contentFrame();
    await page.waitForTimeout(1000);
    assert.equal(await blocked.locator('main#rx-main').count().catch(() => 0), 0, 'the portal does not render in a foreign frame');
    assert.ok(framing.errors.some((e) => /frame-ancestors/.test(e)), framing.errors.join('\n'));
    await context.close();
    // Its own origin may still frame it (the embed-code page's preview does).
    const own = await portal.open('#/embed');
    await own.page.getByRole('button', { name: '显示预览' }).click();
    const preview = await (await own.page.locator('.rx-embed-preview').elementHandle()).contentFrame();
    await preview.waitForSelector('main#rx-main');
    assert.deepEqual(own.errors, []);
    await own.context.close();
  });

  test('a plain iframe works without the loader', async () => {
    const src = `${portal.server.url}index.html?embed=1&view=search&district=${encodeURIComponent('宝山区')}`;
    const { page, errors, context } = await openHost('/iframe', `<iframe id="plain" src="${src}" title="入学 Ruxue" width="100%" height="600" style="border:0"></iframe>`);
    const frame = await frameOf(page, '#plain');
    // An old snippet's index.html?embed=1 is sent to the widget's own entry, query and all.
    assert.match(frame.url(), /\/embed\.html\?embed=1&view=search&district=/);
    await frame.locator('#rx-search-input').fill('特殊教育');
    await frame.waitForSelector('.rx-result');
    const districts = await frame.locator('.rx-result__meta').allInnerTexts();
    assert.ok(districts.length > 0 && districts.every((d) => d === '宝山区'), JSON.stringify(districts));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the height follows the content, and links out open the full portal in a new tab', async () => {
    const { page, context } = await openHost('/height', `${loader()}<ruxue-widget view="search"></ruxue-widget>`);
    const frame = await frameOf(page);
    const fits = async () => {
      const content = await frame.evaluate(() => document.body.offsetHeight);
      return Math.abs((await heightOf(page)) - Math.max(content, 150)) <= 2;
    };
    for (let i = 0; i < 50 && !(await fits()); i++) await page.waitForTimeout(100);
    assert.ok(await fits(), 'the frame takes the height of its content');
    const empty = await heightOf(page);
    await frame.locator('#rx-search-input').fill('幼升小');
    await frame.waitForSelector('.rx-result');
    await page.waitForFunction((h) => document.querySelector('ruxue-widget').shadowRoot.querySelector('iframe').getBoundingClientRect().height > h + 200, empty);
    for (let i = 0; i < 50 && !(await fits()); i++) await page.waitForTimeout(100);
    assert.ok(await fits(), 'the frame follows its content as it grows');
    const clause = frame.locator('.rx-result').filter({ has: frame.locator('.rx-result__kind', { hasText: '政策原文' }) });
    const [tab] = await Promise.all([context.waitForEvent('page'), clause.first().locator('.rx-result__title a').click()]);
    // The portal opens the item and shows it at its real address.
    await tab.waitForURL((url) => url.href.startsWith(`${portal.server.url}policies/`));
    assert.equal(new URL(page.url()).origin, host.url, 'the school page did not navigate');
    await context.close();
  });

  test('keyboard users can tab from the page into the widget and use it', async () => {
    const { page, context } = await openHost('/keyboard', `${loader()}<ruxue-widget view="lookup"></ruxue-widget>`);
    const frame = await frameOf(page);
    await page.locator('#before').focus();
    let inside = false;
    for (let i = 0; i < 6 && !inside; i++) {
      await page.keyboard.press('Tab');
      inside = (await frame.evaluate(() => document.activeElement?.id)) === 'rx-lookup-input';
    }
    assert.ok(inside, 'Tab reaches the widget\'s input');
    await page.keyboard.type('qibao');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelector('#rx-answer-heading')?.textContent.includes('七宝镇'));
    await context.close();
  });

  test('axe finds no violations inside the widget', async () => {
    const { page, context } = await openHost('/axe', `${loader()}<ruxue-widget view="calculator" lang="en"></ruxue-widget>`);
    const frame = await frameOf(page);
    await frame.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await frame.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map((v) => v.id));
    assert.deepEqual(violations, []);
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
    await context.close();
  });

  test('hostile attribute values are inert and reported in the widget', async () => {
    const huge = 'x'.repeat(100000);
    const body = `${loader()}<ruxue-widget view='"><script>window.__pwned=1</script>' theme="javascript:alert(1)" district="${huge}" lang="<img src=x onerror=window.__pwned=1>"></ruxue-widget>`;
    const { page, errors, context } = await openHost('/hostile', body);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const frame = await frameOf(page);
    assert.match(await frame.locator('.rx-embed__note').innerText(), /部分嵌入参数无效，已使用默认值：\s*view, district, lang, theme/);
    assert.equal(await frame.locator('#rx-search-input').count(), 1, 'falls back to search');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await frame.evaluate(() => window.__pwned), undefined);
    assert.equal(await frame.locator('script:not([type=module]):not([data-rx-boot]):not([data-rx-subject]), img').count(), 0);
    assert.equal(dialogs, 0);
    const src = await page.locator('ruxue-widget iframe').getAttribute('src');
    assert.ok(src.length < 2000, 'attribute values are cut before they reach the URL');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a height message from the wrong origin or window is ignored', async () => {
    const { page, context } = await openHost('/messages', `${loader()}<ruxue-widget view="lookup"></ruxue-widget><iframe id="other" srcdoc="<p>x</p>"></iframe>`);
    await frameOf(page);
    await page.waitForTimeout(300);
    const before = await heightOf(page);
    await page.evaluate(() => window.postMessage({ type: 'ruxue:height', height: 4321 }, '*'));
    await page.evaluate(() => document.getElementById('other').contentWindow.parent.postMessage({ type: 'ruxue:height', height: 4321 }, '*'));
    await page.waitForTimeout(300);
    assert.equal(await heightOf(page), before);
    await context.close();
  });

  test('the loader is at most 5 KB brotli', async () => {
    const source = await readFile('dist/widget.js');
    const size = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`widget.js: ${source.length} B raw, ${size} B brotli`);
    assert.ok(size <= 5 * 1024, `${size} B`);
  });
});

describe('embed-code page', () => {
  test('fits 320 px without horizontal scrolling, before and with its preview, in both languages', async () => {
    const { page, context } = await portal.open('embed/', { width: 320, height: 640 });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(await width() <= 320, `embed/ is ${await width()} px wide`);
    await page.getByRole('button', { name: '显示预览' }).click();
    await page.locator('.rx-embed-preview').waitFor();
    assert.ok(await width() <= 320, `embed/ with its preview is ${await width()} px wide`);
    await switchToEnglish(page);
    assert.ok(await width() <= 320, `embed/ in English is ${await width()} px wide`);
    await context.close();
  });

  // A field edited and not yet committed fires `change` as the page is removed; the page's
  // state is disposed by then, and reading it trapped the wasm (issue 12).
  test('leaving with an edited field, by Back, leaves a working app', async () => {
    for (const [field, setup] of [['#rx-embed-theme', null], ['#rx-embed-item', 'item']]) {
      const { page, errors, context } = await portal.open('#/guide');
      await page.evaluate((view) => { location.hash = view ? `#/embed?view=${view}` : '#/embed'; }, setup);
      await page.waitForSelector(field);
      await page.locator(field).fill(setup ? 'mh-2023-6/4-9-16x' : '#123456');
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '入学指南');
      await page.locator('nav.rx-nav a', { hasText: '查询' }).click();
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '查询');
      assert.deepEqual(errors, [], field);
      await context.close();
    }
  });

  test('leaving the search or the lookup mid-word, by Back, leaves a working app', async () => {
    for (const [hash, field] of [['#/search', '#rx-search-input'], ['#/lookup', '#rx-lookup-input']]) {
      const { page, errors, context } = await portal.open('#/guide');
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector(field);
      await page.locator(field).pressSequentially('七宝', { delay: 10 });
      // Typing replaces the history entry, so one Back returns to the guide.
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '入学指南');
      await page.locator('nav.rx-nav a', { hasText: '政策文件' }).click();
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '政策文件');
      assert.deepEqual(errors, [], hash);
      await context.close();
    }
  });

  test('a school picks options, sees a preview, copies the snippet, and it works on a plain page', async () => {
    const { page, errors, context } = await portal.open('#/embed');
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.server.origin });
    await page.getByLabel('显示内容').selectOption('lookup');
    await page.waitForFunction(() => __route().includes('view=lookup'));
    await page.getByLabel('所在区（选填）').selectOption('崇明区');
    await page.waitForFunction(() => __route().includes('district=崇明区'));
    const snippet = await page.locator('#rx-embed-loader').inputValue();
    assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/some\/sub\/path\/widget\.js" defer><\/script>/);
    assert.match(snippet, /<ruxue-widget view="lookup" district="崇明区"><\/ruxue-widget>/);
    // The preview is a second app: it loads only when asked for, and focus follows it.
    assert.equal(await page.locator('.rx-embed-preview').count(), 0, 'no preview before it is asked for');
    assert.ok(!requested.some((url) => url.includes('embed.html')), requested.join('\n'));
    await page.getByRole('button', { name: '显示预览' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rx-embed-preview');
    const preview = await page.locator('.rx-embed-preview').elementHandle();
    const previewFrame = await preview.contentFrame();
    await previewFrame.waitForSelector('#rx-lookup-input');
    await page.locator('#rx-embed-loader ~ p button, #rx-embed-loader + p button').first().click();
    await page.waitForFunction(() => document.querySelector('.rx-copy-status')?.textContent.includes('已复制代码'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    assert.deepEqual(errors, []);
    await context.close();

    const pasted = await openHost('/pasted', snippet);
    const frame = await frameOf(pasted.page);
    await frame.locator('#rx-lookup-input').fill('城桥镇');
    await frame.waitForFunction(() => document.querySelector('#rx-answer-heading')?.textContent.includes('城桥镇'));
    await pasted.context.close();
  });
});
