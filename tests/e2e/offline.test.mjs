// End-to-end tests of the portal offline (issue 15): the web app manifest, the service worker
// (scripts/service-worker.js, its precache list written by scripts/offline.mjs), pages and
// answers with the network off after one visit, and the "new version" banner after a rebuild.
// The update test works on a copy of dist/, changes one page and runs scripts/offline.mjs on
// it again, as a rebuild with changed data would.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { assertNoUnexpectedErrors, axeViolations, openPage, waitForApp } from './support/browser.mjs';
import { startPortal } from './support/portal.mjs';

let portal;
let copy;

before(async () => {
  copy = await mkdtemp(join(tmpdir(), 'ruxue-offline-'));
  await cp(resolve('dist'), copy, { recursive: true });
  portal = await startPortal(copy);
});

after(async () => {
  await portal?.stop();
  if (copy) await rm(copy, { recursive: true, force: true });
});

afterEach(assertNoUnexpectedErrors);

/** Opens `path` and waits until the service worker controls the page. */
async function openControlled(session, path) {
  await session.page.goto(portal.server.url + path);
  await waitForApp(session.page);
  await session.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe('installable', () => {
  test('the manifest names the portal, its icons and a scope relative to its folder', async () => {
    const html = await (await fetch(portal.server.url)).text();
    const link = html.match(/<link[^>]*\bmanifest\.webmanifest\b[^>]*>/)?.[0];
    assert.match(link ?? '', /\brel="?manifest\b/);
    const response = await fetch(`${portal.server.url}manifest.webmanifest`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.short_name, '入学');
    assert.equal(manifest.lang, 'zh-CN');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      assert.ok(icon, `a ${size} px PNG icon`);
      const bytes = Buffer.from(await (await fetch(portal.server.url + icon.src)).arrayBuffer());
      assert.deepEqual(pngSize(bytes), [size, size], icon.src);
    }
  });
});

describe('offline', () => {
  test('after one visit: reload, open an unvisited clause, search, look up and check with the network off', async () => {
    const session = await openPage(portal.browser);
    const { page, context, errors } = session;
    await openControlled(session, 'guide/');
    await context.setOffline(true);

    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), '入学指南', 'a visited page');

    await page.goto(`${portal.server.url}policies/mh-2023-6/4-9-16/`);
    await waitForApp(page);
    await page.waitForSelector('.rx-clause--target');
    assert.match(await page.locator('.rx-clause--target').innerText(), /推进基础教育优质均衡发展/, 'a clause never opened');

    await page.goto(`${portal.server.url}search/?q=${encodeURIComponent('幼升小')}`);
    await page.waitForSelector('.rx-result');

    await page.goto(`${portal.server.url}lookup/?q=${encodeURIComponent('七宝镇')}&pick=${encodeURIComponent('town:闵行区/七宝镇')}`);
    await waitForApp(page);
    await page.waitForSelector('.rx-answer');

    await page.goto(`${portal.server.url}guide/check/?birth=2020-10-01`);
    await page.waitForSelector('#rx-result-heading');

    await context.setOffline(false);
    assert.deepEqual(errors, []);
  });

  test('a rebuild is offered as a new version, and until the tap the old one is served whole', async () => {
    const session = await openPage(portal.browser);
    const { page, errors } = session;
    await openControlled(session, 'guide/');
    const oldWorker = await readFile(join(copy, 'sw.js'), 'utf8');

    // A rebuild whose data changed one page: a new worker, with a new version.
    const guide = join(copy, 'guide', 'index.html');
    await writeFile(guide, (await readFile(guide, 'utf8')).replace('</main>', '<p id="rx-rebuilt">rebuilt</p></main>'));
    execFileSync('node', ['scripts/offline.mjs', copy]);
    assert.notEqual(await readFile(join(copy, 'sw.js'), 'utf8'), oldWorker, 'a new version');

    await page.reload();
    await waitForApp(page);
    const banner = page.locator('.rx-update [role=status], .rx-update');
    await page.waitForSelector('.rx-update__button');
    assert.match(await banner.innerText(), /本站已有新版本/);
    assert.deepEqual(await axeViolations(page), []);
    // Still the old build, every file of it, until the parent chooses.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('#rx-rebuilt').count(), 0, 'the old build until the tap');

    await page.waitForSelector('.rx-update__button');
    await Promise.all([page.waitForEvent('load'), page.locator('.rx-update__button').click()]);
    // The new page file is prerendered markup, which the app replaces; read it as served.
    const served = await page.evaluate(async () => (await fetch(location.href)).text());
    assert.match(served, /id="rx-rebuilt"/, 'the new build after the tap');
    await page.waitForFunction(() => !document.querySelector('.rx-update__button'));
    assert.deepEqual(errors, []);
  });
});

describe('a corpus too large to precache', () => {
  test('only the manifest and the places are precached; a search works offline with the files it used online, and says so for others', async () => {
    // As scripts/offline.mjs writes the worker for data past its budget.
    execFileSync('node', ['scripts/offline.mjs', copy], { env: { ...process.env, RUXUE_PRECACHE_DATA_BYTES: '0' } });
    const worker = await readFile(join(copy, 'sw.js'), 'utf8');
    const precache = JSON.parse(worker.match(/const PRECACHE = (\[.*?\]);/s)[1]);
    assert.deepEqual(precache.filter((f) => f.startsWith('data/')).map((f) => f.replace(/-[0-9a-f]{16}\.bin$/, '')), ['data/corpus', 'data/places']);
    try {
      const session = await openPage(portal.browser);
      const { page, context } = session;
      session.expectErrors();
      const query = `search/?q=${encodeURIComponent('随迁子女')}`;
      await openControlled(session, query);
      await page.waitForSelector('.rx-result');
      const shown = await page.locator('#rx-search-results').innerText();
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      await page.waitForSelector('.rx-result');
      assert.equal(await page.locator('#rx-search-results').innerText(), shown, 'the same answer, from the kept files');
      // A query that needs files never fetched: the page says so and suggests checking the network.
      await page.fill('#rx-search-input', '校园欺凌 食品安全');
      const notice = page.locator('#rx-search-results [role=alert].rx-crash--data');
      await notice.waitFor();
      assert.match(await notice.innerText(), /请检查网络连接/);
      await context.setOffline(false);
      await notice.getByRole('button').click();
      await page.waitForSelector('.rx-result');
      await context.close();
    } finally {
      execFileSync('node', ['scripts/offline.mjs', copy]);
    }
  });
});
