// End-to-end tests of the enrolment guide, key dates and the guided check. The browser's
// clock is fixed to 2026-11-22, so "the next intake" is 2027 whatever day the tests run.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import ICAL from 'ical.js';

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

/** The events of `data/key_dates.toml`'s cycle for `year` and `scope`, read with a parser of
 * the test's own: the calendar file must agree with the data, not with the app's reading. */
function dataEvents(year, scope) {
  const text = readFileSync(new URL('../../data/key_dates.toml', import.meta.url), 'utf8');
  const cycle = text.split('[[cycle]]').find((c) => c.includes(`year = ${year}`) && c.includes(`scope = "${scope}"`));
  return [...cycle.matchAll(/\{ zh = "([^"]+)", en = "([^"]+)", when = "([^"]+)" \}/g)].map(([, zh, en, when]) => {
    const m = when.match(/^(\d+)月(\d+)日(?:[–至](?:(\d+)月)?(\d+)日)?(前)?$/);
    assert.ok(m, `a date form the test knows: ${when}`);
    const pad = (n) => String(n).padStart(2, '0');
    const first = `${year}${pad(m[1])}${pad(m[2])}`;
    const last = new Date(Date.UTC(year, Number(m[3] ?? m[1]) - 1, Number(m[4] ?? m[2]) + 1));
    const end = `${last.getUTCFullYear()}${pad(last.getUTCMonth() + 1)}${pad(last.getUTCDate())}`;
    return { zh, en, first, end };
  });
}

/** Clicks `link`, which downloads a calendar file, and returns its events as ical.js reads them. */
async function downloadCalendar(page, link) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /^ruxue-.*\.ics$/);
  const text = readFileSync(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('x-wr-timezone'), 'Asia/Shanghai');
  return calendar.getAllSubcomponents('vevent').map((e) => ({
    uid: e.getFirstPropertyValue('uid'),
    start: e.getFirstProperty('dtstart'),
    end: e.getFirstProperty('dtend'),
    summary: e.getFirstPropertyValue('summary'),
    description: e.getFirstPropertyValue('description'),
  }));
}

const compact = (property) => property.getFirstValue().toString().replaceAll('-', '');

describe('key dates to the calendar', () => {
  test("a year's dates download as an .ics that a real parser reads, on the days of the data", async () => {
    const { page, context } = await openAtToday('#/guide?dates=2025');
    const cycle = page.locator('.rx-timeline').filter({ hasText: '2025年 · 全市（参考）' });
    const events = await downloadCalendar(page, cycle.getByRole('link', { name: /^全部加入日历/ }));
    const expected = dataEvents(2025, '全市');
    assert.equal(events.length, expected.length);
    events.forEach((event, i) => {
      assert.equal(event.start.type, 'date', 'an all-day event');
      assert.equal(compact(event.start), expected[i].first, event.summary);
      assert.equal(compact(event.end), expected[i].end, event.summary);
      assert.ok(event.summary.includes(expected[i].zh), event.summary);
      assert.match(event.summary, /^【2025年参考】/, 'a past year says so in the event');
      assert.match(event.description, /仅供参考/);
      assert.match(event.description, /来源：上海市教育委员会《2025年上海义务教育招生入学时间安排/);
      assert.match(event.description, /以官方发布为准/);
    });
    // One date alone: the same event, with the same UID, so importing both makes no copy.
    const one = await downloadCalendar(page, cycle.getByRole('link', { name: /^加入日历\s*：小学报名（公办）$/ }));
    assert.equal(one.length, 1);
    assert.equal(one[0].uid, events[1].uid);
    assert.equal(compact(one[0].start), expected[1].first);

    await switchToEnglish(page);
    const english = await downloadCalendar(page, cycle.getByRole('link', { name: /^Add all to calendar/ }));
    assert.deepEqual(english.map((e) => e.uid), events.map((e) => e.uid), 'UIDs do not depend on the language');
    assert.equal(english[0].summary, `[2025 reference] ${expected[0].en}`);
    assert.match(english[0].description, /The official notice prevails/);
    await context.close();
  });

  test('a year not yet published offers no calendar file and says why', async () => {
    const { page, context } = await openAtToday('#/guide');
    const unpublished = page.locator('.rx-key-dates__unpublished');
    await assert.doesNotReject(unpublished.waitFor());
    assert.match(await unpublished.innerText(), /日期公布前，没有可以加入日历的日期。/);
    assert.equal(await unpublished.locator('a[download]').count(), 0);
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
