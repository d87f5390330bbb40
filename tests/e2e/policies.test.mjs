// End-to-end tests of the policy library: list and filters, the reader, deep links to a
// clause, citations, and accessibility of both pages.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoUnexpectedErrors, axeViolations, openPage, waitForApp } from './support/browser.mjs';
import { h1, startPortal, switchToEnglish } from './support/portal.mjs';

const MH_TITLE = '中共闵行区委 闵行区人民政府关于闵行区推进教育高质量发展的实施意见';
const ITEM_16_CITATION = `《${MH_TITLE}》（闵委发〔2023〕6号）四、（九）16.`;

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

const cardTitles = (page) => page.locator('.rx-document-card__title').allInnerTexts();

describe('document list', () => {
  test('lists the five documents, with a badge on the draft', async () => {
    const { page, errors, context } = await portal.open('#/policies');
    assert.equal((await cardTitles(page)).length, 5);
    assert.equal(await page.locator('.rx-result-count').innerText(), '共 5 份文件');
    const draft = page.locator('.rx-document-card', { hasText: '征求意见稿）' });
    assert.equal(await draft.locator('.rx-badge--draft').innerText(), '征求意见稿');
    assert.equal(await page.locator('.rx-badge--draft').count(), 1, 'only the draft is badged');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('filters by district and year, keeping the filters in a shareable URL', async () => {
    const { page, context } = await portal.open('#/policies');
    await page.selectOption('#rx-filter-district', '闵行区');
    await page.selectOption('#rx-filter-year', '2023');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForFunction(() => document.querySelector('.rx-result-count')?.textContent === '共 2 份文件');
    assert.deepEqual(await cardTitles(page), [MH_TITLE, '闵行区建设示范性学区和集团三年行动计划（2023-2025年）']);
    const shared = page.url();
    await context.close();

    const fresh = await portal.open(portal.below(shared));
    assert.equal(await fresh.page.locator('.rx-result-count').innerText(), '共 2 份文件');
    assert.equal(await fresh.page.locator('#rx-filter-district').inputValue(), '闵行区');
    await fresh.page.getByRole('link', { name: '清除筛选' }).click();
    await fresh.page.waitForFunction(() => document.querySelector('.rx-result-count')?.textContent === '共 5 份文件');
    await fresh.context.close();
  });

  test('filters by status, and says so plainly when nothing matches', async () => {
    const { page, context } = await portal.open('#/policies?status=%E5%BE%81%E6%B1%82%E6%84%8F%E8%A7%81%E7%A8%BF');
    assert.equal((await cardTitles(page)).length, 1);
    await context.close();
    const none = await portal.open('#/policies?district=%3Cscript%3E&year=abc');
    assert.equal(await none.page.locator('.rx-result-count').innerText(), '共 0 份文件');
    assert.match(await none.page.locator('main').innerText(), /没有符合条件的文件/);
    assert.equal(await none.page.locator('main script').count(), 0);
    assert.deepEqual(none.errors, []);
    await none.context.close();
  });
});

describe('reader', () => {
  test('a deep link to 闵委发〔2023〕6号 item 16 opens in a fresh tab, scrolled to it and highlighted', async () => {
    const { page, errors, context } = await portal.open('#/policies/mh-2023-6/4-9-16');
    assert.equal(await h1(page), MH_TITLE);
    const item = page.locator('#clause-4-9-16');
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4-9-16');
    assert.match(await item.getAttribute('class'), /rx-clause--target/);
    assert.equal(await page.locator('.rx-clause--target').count(), 1);
    const box = await item.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box.y >= -1 && box.y < viewport.height, `the item is in view (y = ${box.y})`);
    assert.match(await item.innerText(), /^16\. 推进基础教育优质均衡发展。/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a phone, a clause link opens with its document and section in view, and the bar stays while reading', async () => {
    const { page, errors, context } = await portal.open('#/policies/mh-2023-6/4-9-16');
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4-9-16');
    const bar = page.locator('.rx-reader-bar');
    const viewport = page.viewportSize();
    const inView = async (locator) => {
      const box = await locator.boundingBox();
      return box && box.y >= -1 && box.y + box.height <= viewport.height;
    };
    assert.equal(await bar.locator('.rx-reader-bar__document').innerText(), MH_TITLE);
    assert.match(await bar.locator('.rx-reader-bar__section').innerText(), /^四、.+ › （九）/);
    assert.ok(await inView(bar.locator('.rx-reader-bar__document')), 'the document title is on screen');
    const barBox = await bar.boundingBox();
    const itemBox = await page.locator('#clause-4-9-16').boundingBox();
    assert.ok(itemBox.y >= barBox.y + barBox.height - 1, 'the clause starts below the bar, not under it');
    // Reading on: the bar stays at the top.
    await page.mouse.wheel(0, 3000);
    await page.waitForFunction(() => window.scrollY > 2000);
    assert.ok(Math.abs((await bar.boundingBox()).y) <= 1, 'the bar sticks to the top');
    await bar.getByRole('link', { name: '目录' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rx-toc-summary');
    await bar.getByRole('link', { name: '回到顶部' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rx-document-title');
    assert.match(portal.route(page), /^#\/policies\/mh-2023-6\/4-9-16/, 'the page stays where it is');
    // No document records its official original's address: the page says so.
    assert.match(await page.locator('.rx-facts').innerText(), /官方原文\s*本站未收录官方原文的网址，请向发文单位核实/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('copy citation puts the title, 文号 and clause path on the clipboard', async () => {
    const { page, context } = await portal.open('#/policies/mh-2023-6/4-9-16');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.server.origin });
    await page.locator('#clause-4-9-16').getByRole('button', { name: '复制引用' }).click();
    const status = page.locator('.rx-copy-status');
    await page.waitForFunction(() => document.querySelector('.rx-copy-status')?.textContent.includes('已复制引用'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ITEM_16_CITATION);
    assert.match(await status.innerText(), new RegExp(`已复制引用：${ITEM_16_CITATION.replace(/[.()（）〔〕]/g, '\\$&')}`));
    await context.close();
  });

  // The app keeps a clause page's prerendered clauses (src/takeover.rs) rather than fetch the
  // document's file to render the same text again.
  test('a clause page keeps its prerendered clauses: no document file, its buttons copy, English renders them again', async () => {
    const session = await openPage(portal.browser);
    const { page, context } = session;
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.server.origin });
    await page.goto(`${portal.server.url}policies/mh-2023-6/4-9-16/`);
    await waitForApp(page);
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4-9-16');
    assert.equal(await page.locator('.rx-clause--target').count(), 1);
    const box = await page.locator('#clause-4-9-16').boundingBox();
    assert.ok(box.y >= -1 && box.y < page.viewportSize().height, `the item is in view (y = ${box.y})`);
    const documentFile = () => requested.filter((url) => /\/data\/doc-mh-2023-6-/.test(url));
    assert.deepEqual(documentFile(), [], requested.join('\n'));
    await page.locator('#clause-4-9-16').getByRole('button', { name: '复制引用' }).click();
    await page.waitForFunction(() => document.querySelector('.rx-copy-status')?.textContent.includes('已复制引用'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ITEM_16_CITATION);
    await page.locator('#clause-4-9-17').getByRole('button', { name: '复制引用' }).click();
    await page.waitForFunction(() => /四、（九）17\.$/.test(document.querySelector('.rx-copy-status')?.textContent ?? ''));
    // In English its labels must be English: the reader renders the clauses itself.
    await switchToEnglish(page);
    await page.locator('#clause-4-9-16').getByRole('button', { name: 'Copy citation' }).waitFor();
    assert.equal(documentFile().length, 1, requested.join('\n'));
    assert.equal(await page.locator('.rx-document-body').count(), 1);
    assert.equal(await page.locator('.rx-clause--target').count(), 1);
    assert.deepEqual(session.errors, []);
    await context.close();
  });

  test('departments are tags, figures stand out, and corrections are shown', async () => {
    const { page, context } = await portal.open('#/policies/mh-2023-6/4-9-16');
    const item = page.locator('#clause-4-9-16');
    const tags = await item.locator('.rx-tag').allInnerTexts();
    assert.deepEqual(tags.slice(0, 3), ['区委编办', '区发改委', '区人社局']);
    assert.doesNotMatch(await item.locator('.rx-clause__text').innerText(), /责任部门/, 'the note is shown as tags, not repeated in the text');
    const figures = await item.locator('.rx-figure').allInnerTexts();
    for (const figure of ['2025', '95%', '85%', '3-4', '2.0']) assert.ok(figures.includes(figure), figure);
    await item.locator('.rx-repairs summary').click();
    assert.match(await item.locator('.rx-repairs').innerText(), /原文第 105 行：“优质普惠发↵↵展，” 改为 “优质普惠发展，”/);
    await context.close();
  });

  test('the contents link to parts and sections; the permanent link of a clause reopens it', async () => {
    const { page, context } = await portal.open('#/policies/mh-2023-xqjt');
    await page.locator('.rx-toc__summary').click();
    await page.locator('.rx-toc').getByRole('link', { name: '四、推进计划' }).click();
    await page.waitForFunction(() => __route() === '#/policies/mh-2023-xqjt/4');
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4');
    await page.locator('#clause-4-1').getByRole('link', { name: '本条链接' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4-1');
    assert.equal(portal.route(page), '#/policies/mh-2023-xqjt/4-1');
    await context.close();
  });

  test('a draft says it is a draft, and unknown facts say they are not stated', async () => {
    const { page, context } = await portal.open('#/policies/cm-yzjh-zqyjg');
    assert.match(await page.locator('main').innerText(), /这是征求意见稿，不是正式发布的文件。/);
    const facts = await page.locator('.rx-facts').innerText();
    assert.match(facts, /发文单位\s+文本未载明/);
    assert.match(facts, /日期\s+文本未载明/);
    await context.close();
  });

  test('unknown documents and clauses are handled plainly', async () => {
    const missing = await portal.open('#/policies/no-such-doc');
    assert.equal(await h1(missing.page), '找不到该文件');
    // index.html checked whether the old link named a page file: it does not.
    assert.deepEqual(missing.errors.filter((e) => !/\b404\b/.test(e)), []);
    missing.expectErrors();
    await missing.context.close();
    const clause = await portal.open('#/policies/mh-2023-6/99-99');
    assert.equal(await h1(clause.page), MH_TITLE, 'an unknown clause still opens the document');
    assert.deepEqual(clause.errors.filter((e) => !/\b404\b/.test(e)), []);
    clause.expectErrors();
    assert.equal(await clause.page.locator('.rx-clause--target').count(), 0);
    await clause.context.close();
  });

  test('the English UI says the text is Chinese only', async () => {
    const { page, context } = await portal.open('#/policies/mh-2023-6');
    await switchToEnglish(page);
    assert.match(await page.locator('main').innerText(), /published in Chinese only/);
    assert.match(await page.locator('.rx-facts').innerText(), /Issued by/);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const hash of ['#/policies', '#/policies/mh-2023-6/4-9-16', '#/policies/cm-yzjh-zqyjg', '#/policies/mh-2023-xqjt']) {
    for (const lang of ['zh-CN', 'en']) {
      test(`axe finds no violations on ${hash} (${lang}), with every disclosure open`, async () => {
        const { page, context } = await portal.open(hash);
        if (lang === 'en') await switchToEnglish(page);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }

  test('the list and the reader fit 320 px without horizontal scrolling', async () => {
    for (const hash of ['#/policies', '#/policies/mh-2023-6/4-9-16', '#/policies/bs-2023-43']) {
      const { page, context } = await portal.open(hash, { width: 320, height: 640 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${hash} is ${width} px wide`);
      await context.close();
    }
  });
});
