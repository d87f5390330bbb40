// End-to-end tests of the data files (issue 15): the corpus is files of its own beside the
// app, a manifest and one file of texts per document, named by their content, cached for
// good, with brotli and gzip copies beside them. A page fetches the manifest once, beside the
// wasm, and a document's texts only when it shows that document (all of them for search). A
// page whose data file is missing, of another format version or not a data file at all keeps
// its content and says plainly what happened and what to do.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { assertNoUnexpectedErrors, axeViolations, failUntilFixed, openPage, waitForApp } from './support/browser.mjs';
import { startPortal } from './support/portal.mjs';

const dist = resolve('dist');
const dataFiles = readdirSync(join(dist, 'data')).filter((f) => f.endsWith('.bin'));
const manifests = dataFiles.filter((f) => f.startsWith('corpus-'));
const documentFiles = dataFiles.filter((f) => f.startsWith('doc-'));
const shardFiles = dataFiles.filter((f) => f.startsWith('index-'));
const textFiles = dataFiles.filter((f) => f.startsWith('text-'));
const placesFiles = dataFiles.filter((f) => f.startsWith('places-'));
const PLACES = /\/data\/places-[0-9a-f]{16}\.bin$/;
const communitiesFiles = dataFiles.filter((f) => f.startsWith('communities-'));
const COMMUNITIES = /\/data\/communities-[0-9a-f]{16}\.bin$/;
const readingsFiles = dataFiles.filter((f) => f.startsWith('readings-'));
const READINGS = /\/data\/readings-[0-9a-f]{16}\.bin$/;
const targetsFiles = dataFiles.filter((f) => f.startsWith('targets-'));
const aidsFiles = dataFiles.filter((f) => f.startsWith('aids-'));
const englishFiles = dataFiles.filter((f) => f.startsWith('texts-en-'));
const ENGLISH = /\/data\/texts-en-[0-9a-f]{16}\.bin$/;
/** The document id of a file of clause texts' address. */
const textsOf = (url) => url.match(/\/data\/text-(.+)-\d+-[0-9a-f]{16}\.bin$/)?.[1];
const SHARD = /\/data\/index-\d+-[0-9a-f]{16}\.bin$/;
const MANIFEST = /\/data\/corpus-[0-9a-f]+\.bin$/;
/** Every part of the wasm: the main part and each page's own (src/page_code.rs). */
const wasmFiles = readdirSync(dist).filter((f) => f.endsWith('.wasm'));

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

afterEach(assertNoUnexpectedErrors);

/** The ids of the documents whose clauses the search results on `page` show. */
const shownDocuments = (page) =>
  page.$$eval('#rx-search-results .rx-result a[href^="policies/"]', (links) => [
    ...new Set(links.map((a) => a.getAttribute('href').split('/')[1])),
  ]);

/** Opens `path` with the data file's response replaced by `fulfil` (a route handler's options). */
async function openWithData(path, fulfil) {
  const session = await openPage(portal.browser);
  session.expectErrors();
  await session.page.route(MANIFEST, (route) => route.fulfill(fulfil));
  await session.page.goto(portal.server.url + path);
  const notice = session.page.locator('[role=alert].rx-crash--data');
  await notice.waitFor({ timeout: 15000 });
  return { ...session, notice };
}

describe('the data file', () => {
  test('are a manifest, one file per document and the index in shards, named by content, not in the wasm, cached for good', async () => {
    assert.equal(manifests.length, 1, `one manifest, found ${dataFiles.join(', ')}`);
    assert.match(manifests[0], /^corpus-[0-9a-f]{16}\.bin$/);
    assert.equal(documentFiles.length, 5, documentFiles.join(', '));
    for (const file of documentFiles) assert.match(file, /^doc-[a-z0-9-]+-[0-9a-f]{16}\.bin$/);
    assert.ok(shardFiles.length >= 2, shardFiles.join(', '));
    assert.ok(textFiles.length > documentFiles.length, textFiles.join(', '));
    assert.equal(placesFiles.length, 1, dataFiles.join(', '));
    assert.equal(englishFiles.length, 1, dataFiles.join(', '));
    assert.equal(targetsFiles.length, 1, dataFiles.join(', '));
    assert.equal(aidsFiles.length, 1, dataFiles.join(', '));
    assert.equal(dataFiles.length, 7 + documentFiles.length + shardFiles.length + textFiles.length, dataFiles.join(', '));
    for (const file of textFiles) assert.equal(readFileSync(join(dist, 'data', file)).subarray(0, 4).toString('latin1'), 'RXT1');
    const numbers = shardFiles.map((f) => Number(f.match(/^index-(\d+)-[0-9a-f]{16}\.bin$/)[1])).sort((a, b) => a - b);
    assert.deepEqual(numbers, numbers.map((_, i) => i), 'shards 0 to n-1');
    for (const file of shardFiles) assert.equal(readFileSync(join(dist, 'data', file)).subarray(0, 4).toString('latin1'), 'RXI1');
    const manifest = readFileSync(join(dist, 'data', manifests[0]));
    assert.equal(manifest.subarray(0, 4).toString('latin1'), 'RXB1');
    for (const file of documentFiles) assert.ok(manifest.includes(Buffer.from(file)), `the manifest names ${file}`);
    // Shards, and a document's runs of texts, share one hash in their names, which the manifest holds.
    const hashOf = (file) => file.match(/-([0-9a-f]{16})\.bin$/)[1];
    assert.equal(new Set(shardFiles.map(hashOf)).size, 1, shardFiles.join(', '));
    for (const file of [...shardFiles, ...textFiles]) assert.ok(manifest.includes(Buffer.from(hashOf(file))), `the manifest holds the hash of ${file}`);
    const texts = documentFiles.map((f) => readFileSync(join(dist, 'data', f)));
    for (const bytes of texts) assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RXD1');
    // A heading is in the manifest; an item's text only in its document's file; neither in the app.
    const heading = Buffer.from('加强中小学校党的建设', 'utf8');
    const item = Buffer.from('健全党对教育工作全面领导的体制机制', 'utf8');
    const title = Buffer.from('上海市宝山区教育局', 'utf8');
    assert.ok(manifest.includes(title));
    assert.ok(manifest.includes(heading), 'the manifest holds the headings');
    assert.ok(!manifest.includes(item), 'the manifest holds no clause text');
    // The places (街镇, schools, clusters …) are a file of their own, which the manifest
    // names; only the clusters page names it too, for the start-up script to ask for it
    // beside the manifest. The communities are another, which the clusters page does not read.
    assert.equal(placesFiles.length, 1);
    assert.equal(communitiesFiles.length, 1);
    const places = readFileSync(join(dist, 'data', placesFiles[0]));
    const communities = readFileSync(join(dist, 'data', communitiesFiles[0]));
    assert.equal(places.subarray(0, 4).toString('latin1'), 'RXP1');
    assert.equal(communities.subarray(0, 4).toString('latin1'), 'RXC1');
    for (const [name, file] of [['河东居委会', communities], ['七宝镇', places], ['经纬教育集团', places]]) {
      const place = Buffer.from(name, 'utf8');
      assert.ok(file.includes(place), name);
      assert.ok(!manifest.includes(place), `the manifest does not hold ${name}`);
    }
    assert.ok(!places.includes(Buffer.from('河东居委会', 'utf8')), 'the places do not hold the communities');
    assert.ok(manifest.includes(Buffer.from(placesFiles[0])), 'the manifest names the places');
    assert.ok(manifest.includes(Buffer.from(communitiesFiles[0])), 'the manifest names the communities');
    // The titles' and headings' readings too, which only search reads.
    assert.equal(readingsFiles.length, 1);
    const readings = readFileSync(join(dist, 'data', readingsFiles[0]));
    assert.equal(readings.subarray(0, 4).toString('latin1'), 'RXR1');
    assert.ok(readings.includes(Buffer.from('zhidao', 'latin1')) || readings.includes(Buffer.from('zhi', 'latin1')), 'readings in pinyin');
    assert.ok(manifest.includes(Buffer.from(readingsFiles[0])), 'the manifest names the readings');
    // The targets (issue 17), which only the targets page reads, and the vocabulary and
    // glossary, which only search reads: files of their own, named by the manifest.
    const targets = readFileSync(join(dist, 'data', targetsFiles[0]));
    const aids = readFileSync(join(dist, 'data', aidsFiles[0]));
    assert.equal(targets.subarray(0, 4).toString('latin1'), 'RXG1');
    assert.equal(aids.subarray(0, 4).toString('latin1'), 'RXS1');
    assert.ok(targets.includes(Buffer.from('实现普惠性幼儿园覆盖率达到95%以上', 'utf8')), 'the targets hold their quotes');
    assert.ok(aids.includes(Buffer.from('homework club', 'utf8')), 'the aids hold the glossary');
    assert.ok(!manifest.includes(Buffer.from('homework club', 'utf8')), 'the manifest does not');
    assert.ok(!manifest.includes(Buffer.from('实现普惠性幼儿园覆盖率达到95%以上', 'utf8')));
    for (const file of [targetsFiles[0], aidsFiles[0]]) assert.ok(manifest.includes(Buffer.from(file)), `the manifest names ${file}`);
    for (const page of ['clusters/index.html']) {
      assert.ok(readFileSync(join(dist, page), 'utf8').includes(`<meta name="rx-data-places" content="data/${placesFiles[0]}">`), page);
    }
    // Search and the lookup read them only with their results, which come with the first query.
    for (const page of ['index.html', 'guide/index.html', 'policies/index.html', 'search/index.html', 'lookup/index.html']) {
      assert.ok(!readFileSync(join(dist, page), 'utf8').includes('<meta name="rx-data-places"'), page);
    }
    assert.ok(texts.some((bytes) => bytes.includes(item)));
    assert.ok(wasmFiles.length > 1, wasmFiles.join(', '));
    for (const file of wasmFiles) {
      const wasm = readFileSync(join(dist, file));
      for (const text of [title, heading, item]) assert.ok(!wasm.includes(text), `${file} holds no corpus`);
    }
    for (const page of ['index.html', 'embed.html', 'guide/index.html', 'policies/mh-2023-6/4-9-16/index.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      assert.ok(html.includes(`<meta name="rx-data" content="data/${manifests[0]}">`), page);
    }
    // A document's pages name its file too, for the start-up script to ask for it at once.
    const mh = documentFiles.find((f) => f.startsWith('doc-mh-2023-6-'));
    for (const page of ['policies/mh-2023-6/index.html', 'policies/mh-2023-6/4-9-16/index.html']) {
      assert.ok(readFileSync(join(dist, page), 'utf8').includes(`<meta name="rx-data-document" content="data/${mh}">`), page);
    }
    assert.ok(!readFileSync(join(dist, 'guide/index.html'), 'utf8').includes('<meta name="rx-data-document"'));
    // Precompressed copies for hosts that serve them, whatever types they compress themselves.
    for (const file of dataFiles) {
      const bytes = readFileSync(join(dist, 'data', file));
      assert.ok(brotliDecompressSync(readFileSync(join(dist, 'data', `${file}.br`))).equals(bytes), file);
      assert.ok(gunzipSync(readFileSync(join(dist, 'data', `${file}.gz`))).equals(bytes), file);
    }
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert.ok(headers.includes('/data/*\n  Cache-Control: public, max-age=31536000, immutable\n'));
  });

  test('English\'s UI strings are a file of their own, fetched once a parent chooses English and not before', async () => {
    for (const wasm of wasmFiles) {
      assert.ok(!readFileSync(join(dist, wasm)).includes('Skip to main content'), `${wasm} has no English strings`);
    }
    const { page, context } = await openPage(portal.browser);
    const fetched = [];
    page.on('request', (request) => { if (ENGLISH.test(request.url())) fetched.push(request.url()); });
    await page.goto(portal.server.url + 'guide/');
    await waitForApp(page);
    assert.deepEqual(fetched, [], 'a Chinese page does not fetch English');
    await page.locator('button.rx-language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.locator('main h1').innerText(), 'Enrolment guide');
    assert.equal(fetched.length, 1);
    // Remembered: the next page fetches it before its first view, which is English.
    await page.goto(portal.server.url + 'lookup/');
    await waitForApp(page);
    assert.equal(await page.locator('.rx-skip-link').textContent(), 'Skip to main content');
    await context.close();
  });

  test('a page fetches the manifest once, and only the texts it shows; a search, its terms\' shards and its results\' clause texts', async () => {
    const docOf = (url) => url.match(/\/data\/doc-(.+)-[0-9a-f]{16}\.bin$/)?.[1];
    // A search shows clauses of these documents (read from its results' links below).
    const SHOWN = 'SHOWN';
    // `places`: whether the page reads the places' file (the clusters page, and the lookup's
    // and search's results: with a query only); `communities`, the communities' file (those
    // results only); `readings`, the headings' readings (a search in pinyin, and a search's marks).
    const cases = [
      { path: '', docs: [], places: false },
      { path: 'guide/', docs: [], places: false },
      { path: 'clusters/', docs: [], places: true, communities: false },
      { path: 'lookup/?q=七宝', docs: [], places: true, communities: true },
      { path: 'lookup/', docs: [], places: false },
      // A clause page keeps its prerendered clauses (src/takeover.rs): no document file,
      // unless it marks a search's words in them.
      { path: 'policies/mh-2023-6/4-9-16/', docs: [], places: false },
      { path: 'policies/mh-2023-6/4-9-16/?q=居住证', docs: ['mh-2023-6'], places: false, readings: true },
      { path: 'search/?q=居住证', docs: SHOWN, places: true, communities: true },
      // A query in pinyin may spell a heading: the headings' readings come first.
      { path: 'search/?q=suiqian', docs: SHOWN, places: true, communities: true, readings: true },
      { path: 'search/?q=七宝', docs: SHOWN, places: true, communities: true },
      { path: 'search/', docs: [], places: false },
      { path: 'embed.html?embed=1&view=lookup', docs: [], places: false },
      { path: 'embed.html?embed=1&view=search', docs: [], places: false },
      { path: 'embed.html?embed=1&view=calculator', docs: [], places: false },
    ];
    for (const { path, docs, places, communities = false, readings = false } of cases) {
      const session = await portal.open(path);
      // Nothing of the first visit may still be on its way when the reload is watched.
      if (docs === SHOWN) await session.page.locator('.rx-result').first().waitFor();
      const requested = [];
      session.page.on('request', (request) => requested.push(request.url()));
      await session.page.reload();
      await session.page.waitForFunction(() => document.querySelector('main#rx-main h1') && !document.getElementById('rx-prerendered'));
      await session.page.waitForTimeout(300);
      assert.deepEqual(requested.filter((url) => MANIFEST.test(url)), [`${portal.server.url}data/${manifests[0]}`], `${path}: ${requested.join('\n')}`);
      const shards = requested.filter((url) => SHARD.test(url));
      assert.deepEqual(
        requested.filter((url) => PLACES.test(url)),
        places ? [`${portal.server.url}data/${placesFiles[0]}`] : [],
        `${path}: ${requested.join('\n')}`,
      );
      assert.deepEqual(
        requested.filter((url) => COMMUNITIES.test(url)),
        communities ? [`${portal.server.url}data/${communitiesFiles[0]}`] : [],
        `${path}: ${requested.join('\n')}`,
      );
      assert.deepEqual(
        requested.filter((url) => READINGS.test(url)),
        readings ? [`${portal.server.url}data/${readingsFiles[0]}`] : [],
        `${path}: ${requested.join('\n')}`,
      );
      if (docs === SHOWN) {
        await session.page.locator('.rx-result').first().waitFor();
        const shown = await shownDocuments(session.page);
        // No document file: the clause texts the results show, from files of a few clauses each.
        assert.deepEqual(requested.map(docOf).filter(Boolean), [], `${path}: ${requested.join('\n')}`);
        const texts = requested.map(textsOf).filter(Boolean);
        assert.deepEqual([...new Set(texts)].sort(), shown.sort(), `${path}: ${requested.join('\n')}`);
        assert.ok(texts.length < textFiles.length / 2, `${path}: ${requested.join('\n')}`);
        // Only its terms' shards, each once.
        assert.ok(shards.length >= 1 && shards.length < shardFiles.length / 2, `${path}: ${shards.join('\n')}`);
        assert.equal(new Set(shards).size, shards.length, `${path}: ${shards.join('\n')}`);
      } else {
        assert.deepEqual(requested.map(docOf).filter(Boolean).sort(), docs, path);
        assert.deepEqual(shards, [], path);
        assert.deepEqual(requested.filter(textsOf), [], path);
      }
      if (path.startsWith('policies/') && docs.length > 0) {
        // Asked for beside the manifest, before the app (the wasm) is even requested.
        const documentAt = requested.findIndex((url) => docOf(url));
        const wasmAt = requested.findIndex((url) => url.endsWith('.wasm'));
        assert.ok(documentAt >= 0 && documentAt < wasmAt, `${path}: ${requested.join('\n')}`);
      }
      await session.context.close();
    }
  });

  test('moving to a document in the app fetches its texts then, and search the clause texts its results show', async () => {
    const session = await portal.open('policies/');
    const requested = [];
    session.page.on('request', (request) => requested.push(request.url()));
    await session.page.locator('a[href="policies/bs-2023-43/"]').first().click();
    await session.page.locator('main h1').filter({ hasText: '宝山区' }).waitFor();
    await session.page.locator('.rx-clause').first().waitFor();
    assert.equal(requested.filter((url) => url.includes('/data/doc-')).length, 1, requested.join('\n'));
    assert.ok(requested.some((url) => url.includes('/data/doc-bs-2023-43-')));
    assert.ok(!requested.some((url) => PLACES.test(url)), requested.join('\n'));
    await session.page.fill('#rx-search-box-input', '居住证');
    await session.page.press('#rx-search-box-input', 'Enter');
    await session.page.locator('.rx-result, .rx-search-answer').first().waitFor();
    // Search finds places too: it fetches their file with its first results.
    assert.equal(requested.filter((url) => PLACES.test(url)).length, 1, requested.join('\n'));
    const shown = await shownDocuments(session.page);
    assert.equal(requested.filter((url) => url.includes('/data/doc-')).length, 1, requested.join('\n'));
    // The open document's texts are in already: its clauses need no other file.
    const texts = new Set(requested.map(textsOf).filter(Boolean));
    assert.deepEqual([...texts].sort(), shown.filter((id) => id !== 'bs-2023-43').sort(), requested.join('\n'));
    assert.ok(requested.some((url) => SHARD.test(url)));
    await session.context.close();
  });

  test('an index shard that cannot be fetched: the results say so below the box, and trying again works', async () => {
    const session = await portal.open('search/');
    session.expectErrors();
    const fix = await failUntilFixed(session.page, /\/data\/index-/);
    await session.page.fill('#rx-search-input', '随迁子女');
    const notice = session.page.locator('#rx-search-results [role=alert].rx-crash--data');
    await notice.waitFor();
    assert.match(await notice.innerText(), /HTTP 503/);
    // The page's heading stays the search's; the notice is a section of it.
    assert.equal(await session.page.locator('main h1').count(), 1);
    assert.equal(await notice.locator('h2').count(), 1);
    assert.deepEqual(await axeViolations(session.page), []);
    fix();
    await notice.getByRole('button').click();
    await session.page.locator('.rx-result').first().waitFor();
    assert.equal(await notice.count(), 0);
    await session.context.close();
  });

  test('a document\'s texts that cannot be read: the page says so, and trying again works', async () => {
    const session = await portal.open('policies/');
    session.expectErrors();
    const fix = await failUntilFixed(session.page, /\/data\/doc-/);
    await session.page.locator('a[href="policies/bs-2023-43/"]').first().click();
    const notice = session.page.locator('main [role=alert].rx-crash--data');
    await notice.waitFor();
    assert.match(await notice.innerText(), /政策原文暂时无法显示[\s\S]*数据文件无法读取[\s\S]*HTTP 503/);
    assert.deepEqual(await axeViolations(session.page), []);
    fix();
    await notice.getByRole('button').click();
    await session.page.locator('.rx-clause').first().waitFor();
    await session.context.close();
  });

  test('of another format version: the page stays and says so, with the reason', async () => {
    const bytes = readFileSync(join(dist, 'data', manifests[0]));
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
