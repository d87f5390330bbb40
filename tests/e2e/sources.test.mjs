// End-to-end tests of what every page says about its data: when it was last checked, where to
// report a problem, and the sources behind it, authority first (issue 11).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { assertNoUnexpectedErrors, axeViolations } from './support/browser.mjs';
import { EVERY_PAGE } from './support/pages.mjs';
import { startPortal, switchToEnglish } from './support/portal.mjs';


// Read from data/, not restated: the tests follow the editors' files.
const siteToml = readFileSync(resolve('data/site.toml'), 'utf8');
const lastChecked = siteToml.match(/^last_checked = "(\d{4})-(\d{2})-(\d{2})"/m);
const reportSet = /^report_problem = "[^"]+"/m.test(siteToml);
const sourcesToml = readFileSync(resolve('data/sources.toml'), 'utf8');
const count = (quality) => sourcesToml.split(`quality = "${quality}"`).length - 1;

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

describe('every page', () => {
  test('says when the data was last checked, and hides the report link while no address is set', async () => {
    assert.ok(lastChecked, 'data/site.toml has last_checked');
    const [, y, m, d] = lastChecked;
    const zh = `数据核对日期：${Number(y)}年${Number(m)}月${Number(d)}日`;
    for (const hash of EVERY_PAGE) {
      const { page, errors, context } = await portal.open(hash);
      const time = page.locator('time.rx-last-checked');
      assert.equal(await time.innerText(), zh, hash);
      assert.equal(await time.getAttribute('datetime'), `${y}-${m}-${d}`, hash);
      assert.equal(await page.locator('.rx-report-link').count(), reportSet ? 1 : 0, hash);
      assert.deepEqual(errors, [], hash);
      await context.close();
    }
  });

  test('the date is in English too', async () => {
    const { page, context } = await portal.open('#/guide');
    await switchToEnglish(page);
    assert.match(await page.locator('time.rx-last-checked').innerText(), /^Data last checked: \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await context.close();
  });
});

describe('sources', () => {
  test('the source list shows official, press and reposts apart, and counts them', async () => {
    const { page, errors, context } = await portal.open('#/sources');
    const counts = await page.locator('#rx-sources-counts').innerText();
    assert.equal(counts, `政策文件原文 5 份；其他公开资料：官方 ${count('official')} 个，媒体 ${count('press')} 个，转载 ${count('repost')} 个。`);
    assert.equal(await page.locator('#rx-sources-documents + ul > li').count(), 5);
    for (const [id, quality] of [['official', 'official'], ['press', 'press'], ['repost', 'repost']]) {
      assert.equal(await page.locator(`section[aria-labelledby="rx-sources-${id}"] li`).count(), count(quality), id);
    }
    const opinions = await page.locator('#source-sh-2025-opinions').innerText();
    assert.match(opinions, /^上海市教育委员会 沪教委基〔2025〕11号/);
    assert.match(opinions, /转载：www\.3dmn\.cn/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a fact read through a repost cites the authority and 文号 first, the repost second', async () => {
    const { page, context } = await portal.open('#/guide?statement=yearly-opinions');
    const note = page.locator('#statement-yearly-opinions .rx-source').first();
    const text = await note.innerText();
    assert.match(text, /^来源：上海市教育委员会 沪教委基〔2025〕11号《上海市教育委员会关于2025年本市义务教育阶段学校招生入学工作的实施意见》 转载：www\.3dmn\.cn/);
    assert.equal(await note.locator('.rx-source__repost a').getAttribute('href'), 'http://www.3dmn.cn/jsqywjy/20250409/5694b2832019418e883432b7915a2f39.html');
    await context.close();
  });

  test('the guide says how many of its statements rest on official text', async () => {
    const { page, context } = await portal.open('#/guide');
    const line = await page.locator('#rx-guide-official').innerText();
    const [, total, official] = line.match(/本指南共 (\d+) 条说明，其中 (\d+) 条以官方文本为依据/).map(Number);
    assert.equal(total, await page.locator('.rx-statement').count());
    assert.ok(official > 0 && official < total, line);
    await page.locator('#rx-guide-official a').click();
    await page.waitForFunction(() => __route() === '#/sources');
    await context.close();
  });

  for (const lang of ['zh-CN', 'en']) {
    test(`axe finds no violations on the sources page (${lang})`, async () => {
      const { page, context } = await portal.open('#/sources');
      if (lang === 'en') await switchToEnglish(page);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }

  test('the sources page fits 320 px', async () => {
    const { page, context } = await portal.open('#/sources', { width: 320, height: 640 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${width} px wide`);
    await context.close();
  });
});
