// End-to-end tests of search: typing, shared URLs, filters, keyboard use, zero results,
// hostile queries and accessibility.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { axeViolations } from './support/browser.mjs';
import { h1, startPortal, switchToEnglish } from './support/portal.mjs';

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

const count = (page) => page.locator('.rx-result-count').innerText();
const resultLinks = (page) => page.locator('.rx-result__title a');
const hash = (page) => decodeURIComponent(new URL(page.url()).hash);

describe('search', () => {
  test('results follow typing, and the query lands in the URL', async () => {
    const { page, errors, context } = await portal.open('#/search');
    await page.locator('#rx-search-input').fill('幼升小');
    await page.waitForSelector('.rx-result');
    assert.match(await count(page), /^找到 \d+ 条相关条文$/);
    assert.equal(hash(page), '#/search?q=幼升小');
    assert.match(await page.locator('.rx-expansions').innerText(), /也搜索了：小学、入学、招生、一年级/);
    assert.equal(await resultLinks(page).first().innerText(), '25.有序完成大体量招生。');
    await page.locator('#rx-search-input').fill('幼升小 托班');
    await page.waitForFunction(() => decodeURIComponent(location.hash) === '#/search?q=幼升小 托班');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a shared search URL opens the same results in a fresh tab, and a result opens its clause marked', async () => {
    const { page, errors, context } = await portal.open('#/search?q=%E5%AE%9D%E5%AE%9D%E5%B1%8B');
    assert.equal(await page.locator('#rx-search-input').inputValue(), '宝宝屋');
    assert.equal(await count(page), '找到 3 条相关条文');
    const marks = await page.locator('.rx-result__snippet mark').allInnerTexts();
    assert.ok(marks.length >= 3 && marks.every((m) => m === '宝宝屋'), JSON.stringify(marks));
    await resultLinks(page).first().click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('rx-clause--target'));
    assert.match(hash(page), /^#\/policies\/[a-z0-9-]+\/[a-z0-9-]+\?q=宝宝屋$/);
    assert.deepEqual(await page.locator('.rx-clause--target mark').allInnerTexts(), ['宝宝屋']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the header search box on every page opens the results', async () => {
    const { page, context } = await portal.open('#/policies');
    const box = page.getByRole('search').getByLabel('搜索政策条文');
    await box.fill('隨遷子女');
    await box.press('Enter');
    await page.waitForSelector('.rx-result');
    assert.equal(await h1(page), '搜索');
    assert.equal(await count(page), '找到 2 条相关条文');
    assert.equal(await page.getByRole('search').count(), 1, 'the results page has one search form');
    await context.close();
  });

  test('pinyin finds the Chinese term and says so', async () => {
    const { page, context } = await portal.open('#/search?q=suiqian');
    assert.match(await page.locator('.rx-expansions').innerText(), /随迁/);
    assert.equal(await count(page), '找到 2 条相关条文');
    await context.close();
  });

  test('filters by district and document, with counts, in the URL', async () => {
    const { page, context } = await portal.open('#/search?q=%E7%89%B9%E6%AE%8A%E6%95%99%E8%82%B2');
    const total = Number((await count(page)).match(/\d+/)[0]);
    const baoshan = page.locator('.rx-facets').first().getByRole('link', { name: /^宝山区 \(\d+\)$/ });
    const expected = Number((await baoshan.innerText()).match(/\((\d+)\)/)[1]);
    await baoshan.click();
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('district=宝山区'));
    assert.equal(await count(page), `找到 ${expected} 条相关条文`);
    assert.ok(expected < total);
    const districts = await page.locator('.rx-result__meta').allInnerTexts();
    assert.ok(districts.every((d) => d === '宝山区'), JSON.stringify(districts));
    assert.equal(await page.locator('.rx-facets a[aria-current]').first().innerText(), `宝山区 (${expected})`);
    await context.close();
  });

  test('the keyboard moves from the box to the results and opens one', async () => {
    const { page, context } = await portal.open('#/search?q=%E4%B8%83%E5%AE%9D%E4%B8%AD%E5%AD%A6');
    await page.locator('#rx-search-input').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.rx-result') !== null), true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/policies/mh-2023-6/4-9-16'));
    await context.close();
  });

  test('zero results explain what to try, never a blank page', async () => {
    const { page, errors, context } = await portal.open('#/search?q=zzzzqqq');
    assert.equal(await count(page), '找到 0 条相关条文');
    assert.match(await page.locator('main').innerText(), /没有找到相关条文。/);
    const terms = page.locator('.rx-suggestions__term');
    assert.ok((await terms.count()) >= 5);
    assert.ok(await page.getByRole('link', { name: '查询' }).last().isVisible());
    await terms.first().click();
    await page.waitForSelector('.rx-result');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('long, odd and hostile queries are handled safely', async () => {
    const hostile = [
      encodeURIComponent('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'),
      encodeURIComponent('🙂'.repeat(50)),
      '%ED%A0%80%ED%B0%80',
      encodeURIComponent('入学'.repeat(5000)),
      '%',
    ];
    for (const q of hostile) {
      const { page, errors, context } = await portal.open(`#/search?q=${q}`);
      await page.waitForSelector('.rx-result-count');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('main img, main script').count(), 0);
      assert.deepEqual(errors, [], q.slice(0, 30));
      if (q.length > 10000) assert.match(await page.locator('main').innerText(), /只使用了前 200 个字/);
      await context.close();
    }
  });
});

describe('accessibility', () => {
  for (const [name, hashValue] of [['results', '#/search?q=%E6%89%98%E7%8F%AD'], ['zero results', '#/search?q=zzzz'], ['empty', '#/search']]) {
    for (const lang of ['zh-CN', 'en']) {
      test(`axe finds no violations on search ${name} (${lang})`, async () => {
        const { page, context } = await portal.open(hashValue);
        if (lang === 'en') await switchToEnglish(page);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }

  test('search fits 320 px without horizontal scrolling', async () => {
    const { page, context } = await portal.open('#/search?q=%E5%B9%BC%E5%8D%87%E5%B0%8F', { width: 320, height: 640 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${width} px wide`);
    await context.close();
  });
});
