// End-to-end tests of search: answers first (guide statements, dates, places, tools), typing,
// shared URLs, filters, keyboard use, slips, English, coverage, zero results, hostile queries
// and accessibility.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoUnexpectedErrors, axeViolations } from './support/browser.mjs';
import { h1, startPortal, switchToEnglish } from './support/portal.mjs';

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

const count = (page) => page.locator('.rx-result-count').innerText();
const resultLinks = (page) => page.locator('.rx-result__title a');
/** Results of one kind, by the label they carry (指南, 日期, 政策原文, 各区指标, 地点与学校, 工具). */
const resultsOfKind = (page, label) =>
  page.locator('.rx-result').filter({ has: page.locator('.rx-result__kind', { hasText: label }) });
const hash = (page) => decodeURIComponent(portal.route(page));

describe('search', () => {
  test('results follow typing, and the query lands in the URL', async () => {
    const { page, errors, context } = await portal.open('#/search');
    await page.locator('#rx-search-input').fill('幼升小');
    await page.waitForSelector('.rx-result');
    assert.match(await count(page), /^找到 \d+ 条结果$/);
    assert.equal(hash(page), '#/search?q=幼升小');
    assert.match(await page.locator('.rx-expansions').innerText(), /也搜索了：小学、入学、招生、一年级、入学年份/);
    await page.locator('.rx-facets--kinds').getByRole('link', { name: /^政策原文 \(\d+\)$/ }).click();
    await page.waitForFunction(() => __route() === '#/search?q=幼升小&kind=clause');
    assert.equal(await resultLinks(page).first().innerText(), '25.有序完成大体量招生。');
    await page.locator('#rx-search-input').fill('幼升小 托班');
    await page.waitForFunction(() => __route() === '#/search?q=幼升小 托班&kind=clause');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a shared search URL opens the same results in a fresh tab, and a clause opens marked', async () => {
    const { page, errors, context } = await portal.open('#/search?q=%E5%AE%9D%E5%AE%9D%E5%B1%8B');
    assert.equal(await page.locator('#rx-search-input').inputValue(), '宝宝屋');
    // Three clauses, a statement, and the two targets (指标) about 宝宝屋 (issue 17).
    assert.equal(await count(page), '找到 6 条结果');
    assert.equal(await resultsOfKind(page, '各区指标').count(), 2);
    const clauses = resultsOfKind(page, '政策原文');
    assert.equal(await clauses.count(), 3);
    const marks = await clauses.locator('.rx-result__snippet mark').allInnerTexts();
    assert.ok(marks.length >= 3 && marks.every((m) => m === '宝宝屋'), JSON.stringify(marks));
    await clauses.first().locator('.rx-result__title a').click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('rx-clause--target'));
    assert.match(hash(page), /^#\/policies\/[a-z0-9-]+\/[a-z0-9-]+\?q=宝宝屋$/);
    assert.deepEqual(await page.locator('.rx-clause--target mark').allInnerTexts(), ['宝宝屋']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the header search box on every page opens the results', async () => {
    const { page, context } = await portal.open('#/policies');
    const box = page.getByRole('search').getByLabel('搜索入学指南和政策');
    await box.fill('隨遷子女');
    await box.press('Enter');
    await page.waitForSelector('.rx-result');
    assert.equal(await h1(page), '搜索');
    assert.match(await page.locator('.rx-search-answer').innerText(), /没有本市户籍的儿童（随迁子女）/);
    assert.equal(await resultsOfKind(page, '政策原文').count(), 2);
    assert.equal(await page.getByRole('search').count(), 1, 'the results page has one search form');
    await context.close();
  });

  test('pinyin finds the Chinese term and says so', async () => {
    const { page, context } = await portal.open('#/search?q=suiqian');
    assert.match(await page.locator('.rx-expansions').innerText(), /随迁/);
    assert.match(await page.locator('.rx-search-answer').innerText(), /随迁子女/);
    assert.equal(await resultsOfKind(page, '政策原文').count(), 2);
    await context.close();
  });

  test('filters by kind, district and document, with counts, in the URL', async () => {
    const { page, context } = await portal.open('#/search?q=%E7%89%B9%E6%AE%8A%E6%95%99%E8%82%B2');
    const guide = page.locator('.rx-facets--kinds').getByRole('link', { name: /^指南 \(\d+\)$/ });
    const guideCount = Number((await guide.innerText()).match(/\((\d+)\)/)[1]);
    await guide.click();
    await page.waitForFunction(() => __route().includes('kind=statement'));
    assert.equal(await count(page), `找到 ${guideCount} 条结果`);
    assert.equal(await resultsOfKind(page, '政策原文').count(), 0);
    await page.locator('.rx-facets--kinds').getByRole('link', { name: /^政策原文 \(\d+\)$/ }).click();
    await page.waitForFunction(() => __route().includes('kind=clause'));
    const total = Number((await count(page)).match(/\d+/)[0]);
    const baoshan = page.locator('.rx-facets').nth(1).getByRole('link', { name: /^宝山区 \(\d+\)$/ });
    const expected = Number((await baoshan.innerText()).match(/\((\d+)\)/)[1]);
    await baoshan.click();
    await page.waitForFunction(() => __route().includes('district=宝山区'));
    assert.equal(await count(page), `找到 ${expected} 条结果`);
    assert.ok(expected < total);
    const districts = await page.locator('.rx-result__meta').allInnerTexts();
    assert.ok(districts.every((d) => d === '宝山区'), JSON.stringify(districts));
    assert.equal(await page.locator('.rx-facets').nth(1).locator('a[aria-current]').innerText(), `宝山区 (${expected})`);
    await context.close();
  });

  test('the keyboard moves from the box to the results and opens one', async () => {
    const { page, context } = await portal.open('#/search?q=%E4%B8%83%E5%AE%9D%E4%B8%AD%E5%AD%A6');
    // Results come once the query's index shards are in.
    await page.locator('.rx-result').first().waitFor();
    await page.locator('#rx-search-input').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.rx-result') !== null), true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => __route().includes('pick=school:mh-qibao-zhongxue'));
    // The lookup page may still be fetching its part of the wasm (src/page_code.rs).
    await page.waitForSelector('#rx-answer-heading');
    assert.match(await page.locator('main').innerText(), /七宝中学/);
    await context.close();
  });

  test('zero results explain what to try, never a blank page', async () => {
    const { page, errors, context } = await portal.open('#/search?q=zzzzqqq');
    assert.equal(await count(page), '找到 0 条结果');
    assert.match(await page.locator('main').innerText(), /没有找到相关结果。/);
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

describe('answers first', () => {
  test('居住证 shows the 随迁子女 conditions first, with their source, and opens them in the guide', async () => {
    const { page, errors, context } = await portal.open(`#/search?q=${encodeURIComponent('居住证')}`);
    const answer = page.locator('.rx-search-answer');
    assert.equal(await answer.locator('h2').innerText(), '答案');
    const text = await answer.innerText();
    assert.match(text, /没有本市户籍的儿童（随迁子女）在本市接受义务教育，条件是父母一方持有效的《上海市居住证》/);
    assert.match(text, /来源：/);
    assert.match(text, /以官方发布为准/);
    const box = await answer.boundingBox();
    const firstResult = await page.locator('.rx-result').first().boundingBox();
    assert.ok(box.y < firstResult.y, 'the answer comes before the other results');
    await answer.getByRole('link', { name: '在入学指南中查看' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'statement-migrant-conditions');
    assert.equal(await page.locator('.rx-statement--current').getAttribute('id'), 'statement-migrant-conditions');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('kindergarten in the English UI shows kindergarten answers in English', async () => {
    const { page, errors, context } = await portal.open('#/search?q=kindergarten');
    await switchToEnglish(page);
    await page.waitForFunction(() => document.querySelector('.rx-result-count')?.textContent.includes('results found'));
    assert.match(await page.locator('.rx-expansions').innerText(), /Also searched:\s*幼儿园/);
    assert.match(await page.locator('.rx-search-answer').innerText(), /Kindergarten entry follows the date of birth/);
    assert.ok((await resultsOfKind(page, 'Policy text').count()) > 0, 'Chinese clauses about 幼儿园 are found too');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a slip (幼生小) offers the right word and shows its results', async () => {
    const { page, context } = await portal.open(`#/search?q=${encodeURIComponent('幼生小')}`);
    const offer = page.locator('.rx-did-you-mean');
    assert.match(await offer.innerText(), /您是不是要找：幼升小/);
    assert.ok((await page.locator('.rx-result').count()) > 0);
    await offer.getByRole('link', { name: '幼升小' }).click();
    await page.waitForFunction(() => __route() === '#/search?q=幼升小');
    assert.equal(await page.locator('.rx-did-you-mean').count(), 0);
    await context.close();
  });

  test('another district (浦东新区) is told what the portal covers, with the city-wide answers', async () => {
    const { page, context } = await portal.open(`#/search?q=${encodeURIComponent('浦东新区')}`);
    const coverage = await page.locator('.rx-coverage').innerText();
    assert.match(coverage, /本站收录闵行区、宝山区、崇明区的文件，以及全市通用的规则。/);
    assert.match(coverage, /本站不收录浦东新区的文件/);
    const scopes = await page.locator('.rx-search-answer .rx-tag, .rx-result__title').allInnerTexts();
    assert.ok(scopes.length > 3 && scopes.every((s) => s.includes('全市')), JSON.stringify(scopes));
    await context.close();
  });

  test('a year without published dates says so, and a place opens the lookup', async () => {
    const { page, context } = await portal.open(`#/search?q=${encodeURIComponent('2027年什么时候报名')}`);
    assert.equal(await resultLinks(page).first().innerText(), '2027年入学的日期尚未公布');
    await context.close();
    const place = await portal.open(`#/search?q=${encodeURIComponent('七宝镇')}`);
    await place.page.locator('.rx-result__title a').first().click();
    await place.page.waitForFunction(() => __route().includes('pick=town:闵行区/七宝镇'));
    await place.context.close();
  });
});

describe('accessibility', () => {
  for (const [name, hashValue] of [
    ['results', '#/search?q=%E6%89%98%E7%8F%AD'],
    ['an answer', `#/search?q=${encodeURIComponent('居住证')}`],
    ['English words', '#/search?q=kindergarten'],
    ['a slip', `#/search?q=${encodeURIComponent('幼生小')}`],
    ['another district', `#/search?q=${encodeURIComponent('浦东新区')}`],
    ['zero results', '#/search?q=zzzz'],
    ['empty', '#/search'],
  ]) {
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
