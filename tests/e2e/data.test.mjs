// End-to-end tests of the data file (issue 15): the corpus is a file of its own beside the
// app, named by its content, fetched once beside the wasm, cached for good, with brotli and
// gzip copies beside it; a page whose data
// file is missing, of another format version or not a data file at all keeps its content and
// says plainly what happened and what to do.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { assertNoUnexpectedErrors, axeViolations, openPage } from './support/browser.mjs';
import { startPortal } from './support/portal.mjs';

const dist = resolve('dist');
const dataFiles = readdirSync(join(dist, 'data')).filter((f) => f.endsWith('.bin'));
const wasmFile = readdirSync(dist).find((f) => f.endsWith('.wasm'));

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

/** Opens `path` with the data file's response replaced by `fulfil` (a route handler's options). */
async function openWithData(path, fulfil) {
  const session = await openPage(portal.browser);
  session.expectErrors();
  await session.page.route(/\/data\/corpus-[0-9a-f]+\.bin$/, (route) => route.fulfill(fulfil));
  await session.page.goto(portal.server.url + path);
  const notice = session.page.locator('[role=alert].rx-crash--data');
  await notice.waitFor({ timeout: 15000 });
  return { ...session, notice };
}

describe('the data file', () => {
  test('is one file named by its content, not in the wasm, and cached for good', async () => {
    assert.equal(dataFiles.length, 1, `one data file, found ${dataFiles.join(', ')}`);
    assert.match(dataFiles[0], /^corpus-[0-9a-f]{16}\.bin$/);
    const data = readFileSync(join(dist, 'data', dataFiles[0]));
    assert.equal(data.subarray(0, 4).toString('latin1'), 'RXB1');
    // A document title the corpus holds is in the data file, not in the app.
    const title = Buffer.from('上海市宝山区教育局', 'utf8');
    assert.ok(data.includes(title));
    assert.ok(!readFileSync(join(dist, wasmFile)).includes(title), 'the wasm holds no corpus');
    for (const page of ['index.html', 'embed.html', 'guide/index.html', 'policies/mh-2023-6/4-9-16/index.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      assert.ok(html.includes(`<meta name="rx-data" content="data/${dataFiles[0]}">`), page);
    }
    // Precompressed copies for hosts that serve them, whatever types they compress themselves.
    assert.ok(brotliDecompressSync(readFileSync(join(dist, 'data', `${dataFiles[0]}.br`))).equals(data));
    assert.ok(gunzipSync(readFileSync(join(dist, 'data', `${dataFiles[0]}.gz`))).equals(data));
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert.ok(headers.includes(`/data/${dataFiles[0]}\n  Cache-Control: public, max-age=31536000, immutable\n`));
  });

  test('is fetched once per page, beside the wasm, and the app renders from it', async () => {
    for (const path of ['guide/', 'embed.html#/lookup']) {
      const session = await portal.open(path);
      const requested = [];
      session.page.on('request', (request) => requested.push(request.url()));
      await session.page.reload();
      await session.page.waitForFunction(() => document.querySelector('main#rx-main h1') && !document.getElementById('rx-prerendered'));
      const data = requested.filter((url) => url.includes('/data/'));
      assert.deepEqual(data, [`${portal.server.url}data/${dataFiles[0]}`], `${path}: ${requested.join('\n')}`);
      await session.context.close();
    }
  });

  test('of another format version: the page stays and says so, with the reason', async () => {
    const bytes = readFileSync(join(dist, 'data', dataFiles[0]));
    const future = Buffer.from(bytes);
    future.writeUInt32LE(bytes.readUInt32LE(4) + 1, 4);
    const { page, notice, context } = await openWithData('guide/', { body: future, contentType: 'application/octet-stream' });
    const text = await notice.innerText();
    assert.match(text, /数据文件无法读取/);
    assert.match(text, /请重新加载本页/);
    assert.match(text, new RegExp(`data bundle format ${bytes.readUInt32LE(4) + 1}, expected ${bytes.readUInt32LE(4)}`));
    // The prerendered guide is still there to read, below the notice.
    assert.ok(await page.locator('#rx-prerendered main h1').isVisible());
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('missing or not a data file: the page says so and what to do', async () => {
    const missing = await openWithData('lookup/', { status: 404, body: 'not found' });
    assert.match(await missing.notice.innerText(), /HTTP 404/);
    await missing.context.close();
    const html = await openWithData('', { body: '<!DOCTYPE html><p>a host error page</p>', contentType: 'text/html' });
    assert.match(await html.notice.innerText(), /not a Ruxue data bundle/);
    await html.context.close();
    // The widget's page holds only the loading message: the notice takes its place.
    const widget = await openWithData('embed.html#/lookup', { status: 500, body: '' });
    assert.equal(await widget.page.locator('#rx-loading [role=alert]').count(), 1);
    assert.doesNotMatch(await widget.page.locator('#rx-loading').innerText(), /正在加载/);
    await widget.context.close();
  });

  test('unreachable: the page asks to check the connection', async () => {
    const session = await openPage(portal.browser);
    session.expectErrors();
    await session.page.route(/\/data\//, (route) => route.abort('internetdisconnected'));
    await session.page.goto(`${portal.server.url}search/`);
    const notice = session.page.locator('[role=alert].rx-crash--data');
    await notice.waitFor({ timeout: 15000 });
    assert.match(await notice.innerText(), /请检查网络连接/);
    await session.context.close();
  });
});
