// End-to-end tests of the targets page (指标, issue 17): filters by district, area and year in
// a shareable URL, each comparison's chart with its summary and table, the source clause
// links, axe in both languages, 320 px, and printing.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { assertNoUnexpectedErrors, axeViolations } from './support/browser.mjs';
import { h1, startPortal, switchToEnglish } from './support/portal.mjs';

// What the CLI says, from the same data: the page must agree with it.
const ALL = JSON.parse(
  execFileSync('cargo', ['run', '-q', '--locked', '--bin', 'ruxue', '--', 'targets', '--json'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  }),
);

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

const count = (page) => page.locator('.rx-result-count').innerText();
const shownIds = (page) => page.locator('.rx-target').evaluateAll((items) => items.map((item) => item.id));

describe('targets page', () => {
  test('is reached from the policy library and lists every target with its words and clause', async () => {
    const { page, context, errors } = await portal.open('#/policies');
    await page.getByRole('link', { name: /各区指标/ }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === '各区指标');
    assert.equal(await count(page), `共 ${ALL.length} 项指标`);
    assert.deepEqual((await shownIds(page)).sort(), ALL.map((t) => t.id).sort());
    const card = page.locator('#mh-2023-6-inclusive-kindergarten-coverage');
    assert.equal(await card.locator('.rx-target__amount').innerText(), '95%');
    assert.match(await card.locator('.rx-target__quote').innerText(), /实现普惠性幼儿园覆盖率达到95%以上/);
    assert.match(await card.locator('.rx-target__when').innerText(), /闵行区 · 2025年/);
    // The clause it comes from opens at that clause.
    await card.locator('.rx-source a').click();
    await page.waitForFunction(() => location.pathname.endsWith('/policies/mh-2023-6/4-9-16/'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('filters by district and area, and a shared URL restores the view', async () => {
    const { page, context } = await portal.open('#/targets');
    await page.selectOption('#rx-filter-district', '宝山区');
    await page.selectOption('#rx-filter-area', '学前教育');
    // The kept prerendered form submits as a plain GET: a new page load, with the filters.
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/district=/);
    const expected = ALL.filter((t) => t.district === '宝山区' && t.area === '学前教育');
    assert.ok(expected.length >= 2);
    await page.waitForFunction((n) => document.querySelector('.rx-result-count')?.textContent === `共 ${n} 项指标`, expected.length);
    assert.deepEqual(await shownIds(page), expected.map((t) => t.id));
    // One district: nothing to set side by side.
    assert.equal(await page.locator('.rx-compare').count(), 0);
    const shared = page.url();
    assert.match(decodeURIComponent(shared), /targets\/\?district=宝山区&year=&area=学前教育|targets\/\?district=宝山区&area=学前教育/);
    await context.close();

    const fresh = await portal.open(portal.below(shared));
    assert.equal(await h1(fresh.page), '各区指标');
    assert.equal(await count(fresh.page), `共 ${expected.length} 项指标`);
    assert.equal(await fresh.page.locator('#rx-filter-district').inputValue(), '宝山区');
    assert.equal(await fresh.page.locator('#rx-filter-area').inputValue(), '学前教育');
    await fresh.page.getByRole('link', { name: '清除筛选' }).click();
    await fresh.page.waitForFunction((n) => document.querySelector('.rx-result-count')?.textContent === `共 ${n} 项指标`, ALL.length);
    await fresh.context.close();
  });

  test('opened without filters, keeps the prerendered content and fetches the targets only to filter or translate', async () => {
    const { page, context } = await portal.open('#/targets');
    const fetched = [];
    page.on('request', (request) => fetched.push(request.url()));
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.deepEqual(before.filter((url) => /data\/targets-|targets-view/.test(url)), [], 'neither the file nor the code yet');
    assert.equal(await page.locator('.rx-target').count(), ALL.length, 'the prerendered targets, kept');
    assert.equal(await page.locator('main .rx-document-body[data-rx-document]').count(), 0, 'the app holds them');
    await switchToEnglish(page);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Targets');
    assert.ok(fetched.some((url) => /data\/targets-[0-9a-f]+\.bin$/.test(url)), 'English renders from the file');
    assert.equal(await page.locator('.rx-target').count(), ALL.length);
    assert.equal(await count(page), `${ALL.length} targets`);
    await context.close();
  });

  test('filters by the year the text sets, and says plainly when nothing matches', async () => {
    const { page, context } = await portal.open('#/targets?year=2025');
    const by2025 = ALL.filter((t) => t.year === 2025);
    assert.equal(await count(page), `共 ${by2025.length} 项指标`);
    await context.close();
    const none = await portal.open('#/targets?district=%3Cscript%3E&year=abc');
    assert.equal(await count(none.page), '共 0 项指标');
    assert.match(await none.page.locator('main .rx-notice').innerText(), /没有符合条件的指标/);
    await none.context.close();
  });

  test('sets the same measure side by side: a chart, its summary and its table agree with the data', async () => {
    const { page, context } = await portal.open('#/targets?area=%E5%AD%A6%E5%89%8D%E6%95%99%E8%82%B2');
    const figure = page.locator('#rx-compare-inclusive-kindergarten-coverage').locator('xpath=..');
    const rows = ALL.filter((t) => t.compare === 'inclusive-kindergarten-coverage')
      .sort((a, b) => a.district.localeCompare(b.district, 'zh') || a.year - b.year);
    const table = await figure.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].slice(0, 3).map((cell) => cell.textContent.trim())));
    assert.deepEqual(table, rows.map((t) => [t.district, `${t.year}年`, `${t.low}${t.unit}`]));
    // The chart draws one bar per row, longest for the largest, and is hidden from screen
    // readers, which read the summary and the table.
    const svg = figure.locator('svg.rx-compare__chart');
    assert.equal(await svg.getAttribute('aria-hidden'), 'true');
    const widths = await svg.locator('.rx-compare__bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('width'))));
    assert.equal(widths.length, rows.length);
    const largest = rows.reduce((k, t, i) => (t.low > rows[k].low ? i : k), 0);
    assert.equal(Math.max(...widths), widths[largest]);
    assert.match(await figure.locator('.rx-compare__summary').innerText(), /^普惠性幼儿园覆盖率：宝山区 2023年 93%；/);
    await context.close();
  });

  test('prints without the filters, the charts kept', async () => {
    const { page, context } = await portal.open('#/targets');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.rx-filters').isVisible(), false);
    assert.equal(await page.locator('.rx-compare__chart').first().isVisible(), true);
    await context.close();
  });
});

describe('targets in search', () => {
  test('search finds a target as its own kind, and its link opens the targets of its district and area', async () => {
    const { page, context } = await portal.open(`#/search?q=${encodeURIComponent('普惠性幼儿园覆盖率')}`);
    const result = page.locator('.rx-result', { has: page.locator('.rx-tag', { hasText: '各区指标' }) }).first();
    await result.waitFor();
    assert.match(await result.locator('.rx-result__snippet').innerText(), /95%|93%/);
    assert.match(await result.locator('.rx-source').innerText(), /来源/);
    // The kind filter offers it.
    assert.ok(await page.locator('.rx-facets a, .rx-facets span', { hasText: '各区指标' }).count() >= 1);
    await result.locator('.rx-result__title a').click();
    await page.waitForFunction(() => /\/targets\/\?district=/.test(location.pathname + location.search));
    await page.waitForSelector('.rx-target');
    const ids = await shownIds(page);
    assert.ok(ids.some((id) => id.endsWith('inclusive-kindergarten-coverage')), ids.join(', '));
    const url = decodeURIComponent(page.url());
    assert.match(url, /area=学前教育/);
    await context.close();
  });
});

describe('targets accessibility', () => {
  for (const lang of ['zh-CN', 'en']) {
    test(`axe finds no violations on the targets page (${lang})`, async () => {
      const { page, context } = await portal.open('#/targets');
      if (lang === 'en') {
        await switchToEnglish(page);
        assert.equal(await h1(page), 'Targets');
        assert.match(await page.locator('.rx-compare__summary').first().innerText(), /^[A-Z][^：]+: /);
      }
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }

  test('fits 320 px without horizontal scrolling, in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { page, context } = await portal.open('#/targets', { width: 320, height: 640 });
      if (lang === 'en') await switchToEnglish(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${lang}: ${width} px wide`);
      await context.close();
    }
  });
});
