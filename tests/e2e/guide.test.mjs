// End-to-end tests of the enrolment guide, key dates and the guided check. The browser's
// clock is fixed to 2026-11-22, so "the next intake" is 2027 whatever day the tests run.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoUnexpectedErrors, axeViolations, openPage, waitForApp } from './support/browser.mjs';
import { startPortal, switchToEnglish } from './support/portal.mjs';

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

/** Opens `hash` with the clock fixed at 2026-11-22 (Shanghai noon). */
async function openAtToday(hash, options = {}) {
  const session = await openPage(portal.browser, options);
  await session.page.clock.setFixedTime(new Date('2026-11-22T04:00:00Z'));
  await session.page.goto(portal.server.url + hash);
  await waitForApp(session.page);
  return session;
}

describe('guide', () => {
  test('every stage has cited statements, and 2027 dates are said to be not yet published', async () => {
    const { page, errors, context } = await openAtToday('#/guide');
    const stages = await page.locator('.rx-stage h2').allInnerTexts();
    assert.deepEqual(stages, ['通用', '托育', '幼儿园', '小学', '初中', '高中', '特殊教育', '随迁子女', '民办与公民同招', '课后服务与双减']);
    for (const stage of await page.locator('.rx-stage').all()) {
      assert.ok((await stage.locator('.rx-statement').count()) > 0);
      assert.ok((await stage.locator('.rx-source').count()) >= (await stage.locator('.rx-statement').count()));
    }
    const dates = await page.locator('.rx-key-dates').innerText();
    assert.match(dates, /2027年入学的日期尚未公布。/);
    assert.match(dates, /仅供参考：以下是往年公布的日期，不是今年的日期。/);
    assert.match(dates, /2025年 · 全市（参考）/);
    assert.match(dates, /4月14日–27日\s*信息登记/);
    assert.match(await page.locator('.rx-stage').nth(7).innerText(), /《上海市居住证》/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the home page leads to the check', async () => {
    const { page, context } = await openAtToday('#/');
    await page.locator('.rx-card').first().getByRole('link', { name: '入学年份与适用规则' }).click();
    await page.waitForFunction(() => __route() === '#/guide/check');
    await context.close();
  });

  test('the stage links move focus to their section without changing the route', async () => {
    const { page, context } = await openAtToday('#/guide');
    await page.locator('.rx-stage-nav').getByRole('link', { name: '随迁子女' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'stage-heading-随迁子女');
    assert.equal(portal.route(page), '#/guide');
    await context.close();
  });
});

describe('guided check', () => {
  test('on a phone: fill it in, share the URL, and the answer opens the same in a fresh tab', async () => {
    const { page, errors, context } = await openAtToday('#/guide/check', { width: 375, height: 740 });
    await page.getByLabel('年', { exact: true }).fill('2020');
    await page.getByLabel('月', { exact: true }).fill('10');
    await page.getByLabel('日', { exact: true }).fill('1');
    await page.getByLabel('所在区（选填）').selectOption('闵行区');
    await page.getByLabel('持《上海市居住证》').check();
    await page.getByRole('button', { name: '查看结果' }).click();
    await page.waitForSelector('#rx-result-heading');
    const shared = page.url();
    assert.equal(portal.routeOfUrl(shared), '#/guide/check?birth=2020-10-1&district=闵行区&household=permit');
    const check = async (p) => {
      const result = await p.locator('.rx-result-panel').innerText();
      assert.match(result, /幼儿园入园：\s*2024年9月/);
      assert.match(result, /小学入学：\s*2027年9月/);
      assert.match(result, /2020-09-01 至 2021-08-31 出生/);
      assert.match(result, /孩子已过入园年份，还没到小学入学年份。/);
      assert.match(result, /随迁子女/);
      assert.match(result, /《上海市居住证》/);
      assert.match(result, /闵行区教育局提出按照标准班额数实施招生/);
      assert.match(result, /2027年入学的日期尚未公布/);
      assert.match(result, /以官方发布为准/);
      assert.doesNotMatch(result, /宝山区提出/, 'another district\'s statements are left out');
    };
    await check(page);
    assert.deepEqual(errors, []);
    await context.close();

    const fresh = await openAtToday(portal.below(shared), { width: 375, height: 740 });
    await fresh.page.waitForSelector('#rx-result-heading');
    await check(fresh.page);
    assert.equal(await fresh.page.getByLabel('年', { exact: true }).inputValue(), '2020');
    assert.ok(await fresh.page.getByLabel('持《上海市居住证》').isChecked());
    await fresh.context.close();
  });

  // A shared link may carry the date in any form the parser reads; the fields must show it as
  // typed, so that submitting again keeps the same date (issue 12).
  test('a shared link with 2020/10/1, 2020年10月1日 or full-width digits fills the fields and round-trips', async () => {
    for (const birth of ['2020/10/1', '2020年10月1日', '２０２０-１０-０１']) {
      const { page, errors, context } = await openAtToday(`#/guide/check?birth=${encodeURIComponent(birth)}`);
      await page.waitForFunction(() => document.activeElement?.id === 'rx-result-heading');
      const fields = await Promise.all(['年', '月', '日'].map((l) => page.getByLabel(l, { exact: true }).inputValue()));
      assert.deepEqual(fields.map(Number), [2020, 10, 1], birth);
      const before = await page.locator('#rx-result-heading').innerText();
      await page.getByRole('button', { name: '查看结果' }).click();
      await page.waitForFunction(() => /birth=2020-(10|１０)-/.test(__route()));
      await page.waitForFunction(() => document.activeElement?.id === 'rx-result-heading');
      assert.equal(await page.locator('#rx-result-heading').innerText(), before, birth);
      assert.equal(await page.locator('.rx-error-summary').count(), 0, birth);
      assert.deepEqual(errors, [], birth);
      await context.close();
    }
  });

  test('the answer comes first: focus moves to the result after submit and on a shared link', async () => {
    const { page, context } = await openAtToday('#/guide/check', { width: 375, height: 740 });
    await page.getByLabel('年', { exact: true }).fill('2021');
    await page.getByLabel('月', { exact: true }).fill('3');
    await page.getByLabel('日', { exact: true }).fill('15');
    await page.getByRole('button', { name: '查看结果' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rx-result-heading');
    const inView = () => page.evaluate(() => {
      const box = document.getElementById('rx-result-heading').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    assert.ok(await inView(), 'the result heading is on screen');
    // Submitting again with the same answer still brings the parent back to it.
    await page.getByLabel('年', { exact: true }).focus();
    await page.getByRole('button', { name: '查看结果' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rx-result-heading');
    await context.close();

    const shared = await openAtToday('#/guide/check?birth=2021-03-15&household=hukou', { width: 375, height: 740 });
    await shared.page.waitForFunction(() => document.activeElement?.id === 'rx-result-heading');
    await shared.context.close();
  });

  test('"what to do next" is a checklist for the household, each step with its source', async () => {
    const steps = async (household) => {
      const { page, context } = await openAtToday(`#/guide/check?birth=2021-03-15${household ? `&household=${household}` : ''}`);
      const items = page.locator('.rx-checklist__item');
      const texts = await items.allInnerTexts();
      for (const item of await items.all()) assert.ok((await item.locator('.rx-source').count()) > 0);
      const hint = await page.locator('.rx-result-panel .rx-hint').count();
      await context.close();
      return { texts, hint };
    };
    const hukou = await steps('hukou');
    const permit = await steps('permit');
    const none = await steps('');
    assert.ok(permit.texts.some((t) => /确认条件：父母一方持有效的《上海市居住证》/.test(t)));
    assert.ok(!hukou.texts.some((t) => /居住证/.test(t)), JSON.stringify(hukou.texts));
    assert.ok(hukou.texts.some((t) => /“一网通办”/.test(t)));
    assert.equal(none.hint, 1, 'without a household the page says how to get the full list');
    assert.equal(none.texts.length, hukou.texts.length);
  });

  test('an impossible date gets a clear error that says what to do', async () => {
    const { page, errors, context } = await openAtToday('#/guide/check');
    await page.getByLabel('年', { exact: true }).fill('2023');
    await page.getByLabel('月', { exact: true }).fill('2');
    await page.getByLabel('日', { exact: true }).fill('30');
    await page.getByRole('button', { name: '查看结果' }).click();
    const summary = page.locator('.rx-error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /请修改以下问题\s*出生日期必须是真实的日期，例如 2020 10 1/);
    assert.equal(await page.getByLabel('年', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#rx-result-heading').count(), 0);
    await page.waitForFunction(() => document.activeElement?.id === 'rx-error-summary');
    await summary.getByRole('link').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'rx-birth-year');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('boundary, leap-day, future and past dates', async () => {
    const cases = [
      ['2020-08-31', /小学入学：\s*2026年9月/, /已过小学入学年份/],
      ['2020-09-01', /小学入学：\s*2027年9月/, /还没到小学入学年份/],
      ['2020-02-29', /小学入学：\s*2026年9月/, /已过小学入学年份/],
      ['2027-03-01', /小学入学：\s*2033年9月/, /尚未出生/],
    ];
    for (const [birth, years, situation] of cases) {
      const { page, context } = await openAtToday(`#/guide/check?birth=${birth}`);
      const result = await page.locator('.rx-result-panel').innerText();
      assert.match(result, years, birth);
      assert.match(result, situation, birth);
      await context.close();
    }
    const far = await openAtToday('#/guide/check?birth=2090-01-01');
    assert.match(await far.page.locator('.rx-error-summary').innerText(), /出生日期不能晚于明年的今天/);
    await far.context.close();
  });

  test('the English UI gives its messages in English', async () => {
    const { page, context } = await openAtToday('#/guide/check?birth=2020-13-45');
    await switchToEnglish(page);
    assert.match(await page.locator('.rx-error-summary').innerText(), /There is a problem\s*Date of birth must be a real date/);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const [name, hash] of [['guide', '#/guide'], ['check with a result', '#/guide/check?birth=2020-10-01&district=%E5%AE%9D%E5%B1%B1%E5%8C%BA&household=other'], ['check with an error', '#/guide/check?birth=abc']]) {
    for (const lang of ['zh-CN', 'en']) {
      test(`axe finds no violations on the ${name} (${lang})`, async () => {
        const { page, context } = await openAtToday(hash);
        if (lang === 'en') await switchToEnglish(page);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }

  test('the guide and the check fit 320 px', async () => {
    for (const hash of ['#/guide', '#/guide/check?birth=2020-10-01&household=permit']) {
      const { page, context } = await openAtToday(hash, { width: 320, height: 640 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${hash} is ${width} px wide`);
      await context.close();
    }
  });
});
