// End-to-end tests of the pages' code in parts of its own (issue 15, src/page_code.rs): the
// home page runs on the main part of the wasm alone; a page fetches its own part when it
// opens, so it renders as prerendered on the first visit and after a move within the app;
// a part that cannot be fetched says so, and trying again works.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { assertNoUnexpectedErrors, axeViolations, failUntilFixed, openPage, waitForApp } from './support/browser.mjs';
import { h1, startPortal } from './support/portal.mjs';

const dist = resolve('dist');
const PART = /\/ruxue-part-[a-z0-9-]+-[0-9a-f]{10}\.wasm$/;
/** A page's parts in one file, which a visit without the service worker fetches instead. */
const BUNDLE = /\/ruxue-bundle-[a-z0-9-]+-[0-9a-f]{10}\.bin$/;
/** A part or a bundle. */
const CODE = /\/ruxue-(part|bundle)-[a-z0-9-]+-[0-9a-f]{10}\.(wasm|bin)$/;
/**
 * The page a part or bundle belongs to (`ruxue-part-ruxue-lookup-<hash>.wasm`,
 * `ruxue-bundle-ruxue-lookup-<hash>.bin` → `lookup`), or null for a shared chunk.
 */
const pageOf = (url) => url.match(/\/ruxue-(?:part|bundle)-ruxue-([a-z-]+)-[0-9a-f]{10}\.(?:wasm|bin)$/)?.[1] ?? null;

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

/** Opens `path` and returns the session with every wasm file it asked for. */
async function openRecording(path) {
  const session = await openPage(portal.browser);
  const requested = [];
  session.page.on('request', (request) => requested.push(request.url()));
  await session.page.goto(portal.server.url + path);
  await waitForApp(session.page);
  // The wasm files and bundles of parts asked for so far.
  const wasm = () => requested.filter((url) => url.endsWith('.wasm') || BUNDLE.test(url));
  return { ...session, requested, wasm };
}

describe('the pages\' code', () => {
  test('is the main part and one part per page, named by content', () => {
    const parts = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
    const main = parts.filter((f) => /^ruxue-web-[0-9a-f]+_bg\.wasm$/.test(f));
    assert.equal(main.length, 1, parts.join(', '));
    const pages = parts.map((f) => pageOf(`/${f}`)).filter(Boolean).sort();
    assert.deepEqual(pages, ['check-result', 'clusters', 'document', 'embed', 'guide', 'guide-check', 'lookup', 'lookup-answers', 'marks', 'policies', 'search', 'search-results', 'sources', 'targets', 'targets-view', 'tools']);
    for (const f of parts.filter((f) => !main.includes(f))) assert.match(`/${f}`, PART);
  });

  test('the guide opens without the calendar file\'s code, which comes with the first 加入日历', async () => {
    const { page, requested, context } = await openRecording('guide/?dates=2025');
    const tools = () => requested.filter((url) => pageOf(url) === 'tools');
    assert.deepEqual(tools(), []);
    const link = page.locator('.rx-timeline').first().getByRole('link', { name: /^全部加入日历/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^ruxue-dates-2025\.ics$/);
    assert.ok(tools().length > 0, 'the tools\' part came with the press');
    await context.close();
  });

  test('the home page runs on the main part alone', async () => {
    const { page, wasm, context } = await openRecording('');
    assert.equal(await h1(page), '上海入学与教育政策');
    assert.deepEqual(wasm().filter((url) => CODE.test(url)), []);
    await context.close();
  });

  test('a page opened first fetches its own part before the app takes it over', async () => {
    const { page, wasm, requested, context } = await openRecording('lookup/');
    assert.equal(await h1(page), '查询');
    assert.deepEqual([...new Set(wasm().map(pageOf).filter(Boolean))], ['lookup']);
    // The prerendered page names its part's files, and the bundle that holds them all. A
    // first visit (no service worker yet) fetches the bundle alone, once, which the
    // start-up script asks for beside the main part, not once it runs.
    const named = await page.$$eval('meta[name="rx-part"]', (metas) => metas.map((m) => m.content));
    assert.ok(named.length >= 1 && named.every((f) => PART.test(`/${f}`)), named.join(', '));
    const bundle = await page.$$eval('meta[name="rx-part-bundle"]', (metas) => metas.map((m) => m.content));
    assert.equal(bundle.length, 1);
    assert.match(`/${bundle[0]}`, BUNDLE);
    assert.deepEqual(wasm().filter((url) => CODE.test(url)).map((url) => url.split('/').pop()), bundle);
    // The bundle is the list of its parts (a u16 count, then a u16 index and a u32 length
    // each), then its part's files, one after another.
    const files = named.map((f) => readFileSync(join(dist, f)));
    const bytes = readFileSync(join(dist, bundle[0]));
    assert.equal(bytes.readUInt16LE(0), files.length);
    files.forEach((file, i) => assert.equal(bytes.readUInt32LE(4 + 6 * i), file.length));
    assert.ok(bytes.subarray(2 + 6 * files.length).equals(Buffer.concat(files)));
    const partAt = requested.findIndex((url) => pageOf(url) === 'lookup');
    const mainAt = requested.findIndex((url) => /\/ruxue-web-[0-9a-f]+_bg\.wasm$/.test(url));
    assert.ok(partAt >= 0 && partAt < mainAt, requested.join('\n'));
    // The app's page is the one it took over, working: a lookup answers.
    await page.locator('#rx-lookup-input').fill('七宝镇');
    await page.waitForSelector('#rx-answer-heading');
    await context.close();
  });

  test('the search page opens without its results\' code and the places, which come with the first query', async () => {
    const { page, wasm, requested, context } = await openRecording('search/');
    assert.equal(await h1(page), '搜索');
    assert.deepEqual([...new Set(wasm().map(pageOf).filter(Boolean))], ['search']);
    assert.ok(!requested.some((url) => /\/data\/places-/.test(url)), requested.join('\n'));
    await page.locator('#rx-search-input').fill('七宝');
    // A place, found with the places' file, and a clause: both need the results' code.
    await page.locator('.rx-result').first().waitFor();
    assert.equal(wasm().filter((url) => pageOf(url) === 'search-results').length, 1, wasm().join('\n'));
    assert.equal(requested.filter((url) => /\/data\/places-/.test(url)).length, 1, requested.join('\n'));
    // Emptying the box and typing again reuses them.
    await page.locator('#rx-search-input').fill('');
    await page.locator('#rx-search-input').fill('居住证');
    await page.locator('.rx-result').first().waitFor();
    assert.equal(wasm().filter((url) => pageOf(url) === 'search-results').length, 1, wasm().join('\n'));
    await context.close();
  });

  test('a search opened with a query fetches its results\' code beside the page\'s, before the app takes over', async () => {
    const { page, wasm, context } = await openRecording('search/?q=%E5%B1%85%E4%BD%8F%E8%AF%81');
    // The app's first render has the results: no loading line for the code in between.
    assert.deepEqual([...new Set(wasm().map(pageOf).filter(Boolean))].sort(), ['search', 'search-results']);
    await page.locator('.rx-result').first().waitFor();
    await context.close();
  });

  test('search results whose code cannot be fetched: the box stays, the results say so, and trying again works', async () => {
    const session = await openRecording('search/');
    const { page, context } = session;
    session.expectErrors();
    const fix = await failUntilFixed(page, /ruxue-part-ruxue-search-results-/);
    await page.locator('#rx-search-input').fill('居住证');
    const notice = page.locator('#rx-search-results [role=alert].rx-crash--data');
    await notice.waitFor();
    assert.match(await notice.innerText(), /搜索结果暂时无法显示[\s\S]*检查网络连接[\s\S]*原因/);
    assert.equal(await notice.locator('h2').count(), 1);
    assert.equal(await page.locator('main h1').count(), 1, 'the page keeps its heading');
    assert.equal(await h1(page), '搜索');
    assert.deepEqual(await axeViolations(page), []);
    fix();
    await notice.getByRole('button', { name: '再试一次' }).click();
    await page.locator('.rx-result').first().waitFor();
    assert.equal(await notice.count(), 0);
    await context.close();
  });

  test('the lookup opens without its answers\' code and the places, which come with the first text', async () => {
    const { page, wasm, requested, context } = await openRecording('lookup/');
    assert.equal(await h1(page), '查询');
    assert.deepEqual([...new Set(wasm().map(pageOf).filter(Boolean))], ['lookup']);
    assert.ok(!requested.some((url) => /\/data\/places-/.test(url)), requested.join('\n'));
    await page.locator('#rx-lookup-input').fill('七宝镇');
    await page.waitForSelector('#rx-answer-heading');
    assert.equal(wasm().filter((url) => pageOf(url) === 'lookup-answers').length, 1, wasm().join('\n'));
    assert.equal(requested.filter((url) => /\/data\/places-/.test(url)).length, 1, requested.join('\n'));
    // The suggestions came with them: the box lists the matches for what is typed.
    await page.locator('#rx-lookup-input').fill('');
    await page.locator('#rx-lookup-input').fill('qibao');
    await page.locator('#rx-lookup-options [role=option]').first().waitFor();
    assert.equal(wasm().filter((url) => pageOf(url) === 'lookup-answers').length, 1, wasm().join('\n'));
    await context.close();
  });

  test('a lookup opened with a query fetches its answers\' code beside the page\'s, before the app takes over', async () => {
    const { page, wasm, context } = await openRecording(`lookup/?q=${encodeURIComponent('七宝镇')}`);
    assert.deepEqual([...new Set(wasm().map(pageOf).filter(Boolean))].sort(), ['lookup', 'lookup-answers']);
    // The app's first render has the answer: no loading line for the code in between.
    assert.equal(await page.locator('.rx-texts-loading').count(), 0);
    assert.match(await page.locator('#rx-answer-heading').innerText(), /七宝镇/);
    await context.close();
  });

  test('lookup answers whose code cannot be fetched: the box stays, the answers say so, and trying again works', async () => {
    const session = await openRecording('lookup/');
    const { page, context } = session;
    session.expectErrors();
    const fix = await failUntilFixed(page, /ruxue-part-ruxue-lookup-answers-/);
    await page.locator('#rx-lookup-input').fill('七宝镇');
    const notice = page.locator('main [role=alert].rx-crash--data');
    await notice.waitFor();
    assert.match(await notice.innerText(), /查询结果暂时无法显示[\s\S]*检查网络连接[\s\S]*原因/);
    assert.equal(await notice.locator('h2').count(), 1);
    assert.equal(await page.locator('main h1').count(), 1, 'the page keeps its heading');
    assert.equal(await h1(page), '查询');
    assert.deepEqual(await axeViolations(page), []);
    fix();
    await notice.getByRole('button', { name: '再试一次' }).click();
    await page.waitForSelector('#rx-answer-heading');
    assert.equal(await notice.count(), 0);
    await context.close();
  });

  test('a clause opens without the code that reads a search, which comes only when it is opened from one', async () => {
    const plain = await openRecording('policies/mh-2023-6/4-9-16/');
    assert.deepEqual([...new Set(plain.wasm().map(pageOf).filter(Boolean))], ['document']);
    assert.equal(await plain.page.locator('.rx-clause--target mark').count(), 0);
    await plain.context.close();
    // As a search result links to it: the clause opens with the searched words marked.
    const searched = await openRecording(`policies/mh-2023-6/4-9-16/?q=${encodeURIComponent('优质均衡')}`);
    assert.deepEqual([...new Set(searched.wasm().map(pageOf).filter(Boolean))].sort(), ['document', 'marks']);
    await searched.page.locator('.rx-clause--target mark').first().waitFor();
    await searched.context.close();
  });

  test('the check opens without its result\'s code, which comes with the first answer, and the answer takes focus', async () => {
    const { page, wasm, context } = await openRecording('guide/check/');
    assert.deepEqual([...new Set(wasm().map(pageOf).filter(Boolean))], ['guide-check']);
    await page.getByLabel('年', { exact: true }).fill('2020');
    await page.getByLabel('月', { exact: true }).fill('10');
    await page.getByLabel('日', { exact: true }).fill('1');
    await page.getByRole('button', { name: '查看结果' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rx-result-heading');
    assert.equal(wasm().filter((url) => pageOf(url) === 'check-result').length, 1, wasm().join('\n'));
    await context.close();
    // A shared answer fetches it beside the page's part, before the app takes over.
    const shared = await openRecording('guide/check/?birth=2020-10-1');
    assert.deepEqual([...new Set(shared.wasm().map(pageOf).filter(Boolean))].sort(), ['check-result', 'guide-check']);
    assert.equal(await shared.page.locator('.rx-texts-loading').count(), 0);
    await shared.page.waitForSelector('#rx-result-heading');
    await shared.context.close();
  });

  test('moving to a page within the app fetches its part then, once', async () => {
    const { page, wasm, context } = await openRecording('');
    await page.locator('.rx-nav a[href="guide/"]').click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '入学指南');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '上海入学与教育政策');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '入学指南');
    const own = wasm().filter((url) => pageOf(url) === 'guide');
    assert.equal(own.length, 1, wasm().join('\n'));
    await context.close();
  });

  test('a part that cannot be fetched: the page says so, and trying again opens it', async () => {
    const session = await openRecording('');
    const { page, context } = session;
    session.expectErrors();
    // The first page the app moves to comes in its bundle (no service worker yet): when that
    // fails, trying again fetches the parts themselves.
    const fix = await failUntilFixed(page, CODE);
    await page.locator('.rx-nav a[href="lookup/"]').click();
    const notice = page.locator('main [role=alert].rx-crash--data');
    await notice.waitFor();
    assert.match(await notice.innerText(), /这个页面暂时无法打开[\s\S]*检查网络连接[\s\S]*原因/);
    assert.equal(await page.locator('main h1').count(), 1, 'the notice is the page\'s heading');
    assert.deepEqual(await axeViolations(page), []);
    fix();
    await notice.getByRole('button', { name: '再试一次' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '查询');
    assert.equal(await notice.count(), 0);
    assert.ok(session.wasm().some((url) => pageOf(url) === 'lookup' && PART.test(url)), session.wasm().join('\n'));
    await context.close();
  });

  test('a first visit whose part cannot be fetched keeps the prerendered page and says why', async () => {
    const session = await openPage(portal.browser);
    const { page, context } = session;
    session.expectErrors();
    await page.route(CODE, (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(`${portal.server.url}guide/`);
    await page.locator('[role=alert].rx-crash--data').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#rx-prerendered main h1').innerText(), '入学指南');
    await context.close();
  });
});
