// The size budget (issue 15), part of `make test`: the brotli bytes (quality 11, what a static
// host sends) of the wasm, and of everything a page fetches until the app runs on it, its
// "first load": the page, stylesheet, icon, JS glue, wasm and data file. Measured in Chromium,
// so a file added to the start-up path is counted without anyone listing it here. Prints the
// figures every run.
//
// Issue 15's targets are wasm ≤ 150 KB and first load ≤ 180 KB, and the budgets are the
// targets: every page meets them, so a change that makes any page larger than that fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

import { openPage, waitForApp } from './support/browser.mjs';
import { startPortal } from './support/portal.mjs';

// wasm: 251,407 with the data compiled in; 204,041 without it; 213,444 once search read the
// shipped index shards. Then each page's code went into a part of its own, fetched when the
// page opens (src/page_code.rs): the main part, which every page loads, is 129,861, the
// target met. First load: 277 KB at its heaviest (a clause page) before the split, 244 KB
// after it (search: the main part, its own part of 30 KB and the parts it shares, 47 KB in
// all); the home page, 173 KB, meets the target. Then search's results (the engine and
// what answers with places) came with the first query instead of with the page: search
// 244 → 182 KB, the widget (its search view) 243 → 181; the lookup, 231 KB, is the heaviest.
// Each module's `target_features` section stripped, and the JS glue and loader minified: 2.5
// to 6 KB off every page (search 178, the widget 176, the lookup 224). Then the directory's
// places left the manifest for a file of their own, and the reader's details (repairs,
// departments) for the documents' files: the manifest 17.9 → 12.2 KB, on every page. A
// page's first load fetches its parts in one bundle, a fifth smaller. The lookup's answers
// and matching came with the first text (lookup 176), the words a search marks in a clause
// with a document opened from a search (a clause page 201 → 189), and the check's result
// with its first answer (194 → 181). Measured over every kind of page: within the target,
// home 158, the sources 166, search 170, the widget 169 to 175, the lookup 176, the policies
// 177, the guide 178, clusters 180; over it, the check 181, a document or clause page 189,
// the embed-code page 190 (with its live preview, the widget, inside).
// Issue 17 added the targets page (its own part, and a data file of its own); its strings and
// route cost the main part about 0.6 KB, and the vocabulary and glossary, which only search
// reads, left the manifest for a file of their own (8.1 KB from 9.8, on every page): a clause
// page 179.1 → 178.6 KB, search 167 → 172 (it fetches them).
const WASM_BUDGET = 150_000;
const FIRST_LOAD_BUDGET = 180_000;
const TARGET = { wasm: 150_000, firstLoad: 180_000 };

const dist = resolve('dist');
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = new Map();
/** The brotli bytes of a file of dist/ (a page folder means its index.html). */
function brotliOf(below) {
  let file = join(dist, below);
  if (below === '' || below.endsWith('/') || statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!sizes.has(file)) sizes.set(file, brotli(readFileSync(file)));
  return sizes.get(file);
}

/**
 * The largest page `depth` folders below `below`: under policies/, a document's page (1) or a
 * clause page (2), the heaviest a parent can land on. `{ bytes, folder }`.
 */
function largestPage(below, depth) {
  let best = { bytes: 0, folder: '' };
  for (const name of readdirSync(join(dist, below))) {
    if (!statSync(join(dist, below, name)).isDirectory()) continue;
    const folder = `${below}${name}/`;
    const found = depth > 1 ? largestPage(folder, depth - 1) : { bytes: statSync(join(dist, folder, 'index.html')).size, folder };
    if (found.bytes > best.bytes) best = found;
  }
  return best;
}

let portal;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.stop();
});

describe('size budget', () => {
  test(`wasm ≤ ${WASM_BUDGET} B brotli (target ${TARGET.wasm})`, () => {
    // The main part: what every page loads before the app runs.
    const wasm = readdirSync(dist).find((f) => /^ruxue-web-[0-9a-f]+_bg\.wasm$/.test(f));
    assert.ok(wasm, 'dist/ has the main part of the wasm');
    const bytes = brotliOf(wasm);
    const parts = readdirSync(dist).filter((f) => /^ruxue-part-.*\.wasm$/.test(f));
    const partBytes = parts.reduce((sum, f) => sum + brotliOf(f), 0);
    console.log(`size: wasm ${wasm} ${bytes} B brotli (budget ${WASM_BUDGET}, target ${TARGET.wasm}); ` +
      `${parts.length} parts fetched as pages open, ${partBytes} B brotli in all`);
    assert.ok(parts.some((f) => f.startsWith('ruxue-part-ruxue-search-')), 'the search page is a part of its own');
    assert.ok(bytes <= WASM_BUDGET, `wasm is ${bytes} B brotli, over the budget of ${WASM_BUDGET}`);
  });

  test(`first load of any page ≤ ${FIRST_LOAD_BUDGET} B brotli (target ${TARGET.firstLoad})`, async () => {
    const pages = [
      '', 'guide/', 'guide/check/', 'search/', 'lookup/', 'clusters/', 'policies/', largestPage('policies/', 1).folder,
      largestPage('policies/', 2).folder, 'sources/', 'targets/', 'embed/', 'embed.html?embed=1&view=lookup', 'embed.html?embed=1&view=search',
    ];
    const rows = [];
    for (const path of pages) {
      const session = await openPage(portal.browser);
      const fetched = new Set();
      session.page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.href.startsWith(portal.server.url)) fetched.add(decodeURIComponent(url.pathname).slice(new URL(portal.server.url).pathname.length));
      });
      await session.page.goto(portal.server.url + path);
      await waitForApp(session.page);
      const files = [...fetched].sort();
      const bytes = files.reduce((sum, file) => sum + brotliOf(file), 0);
      rows.push({ path: path || './', bytes, files });
      await session.context.close();
    }
    for (const { path, bytes, files } of rows) {
      console.log(`size: first load of ${path}: ${bytes} B brotli (${files.map((f) => `${f} ${brotliOf(f)}`).join(', ')})`);
    }
    const heaviest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`size: heaviest first load ${heaviest.path} ${heaviest.bytes} B (budget ${FIRST_LOAD_BUDGET}, target ${TARGET.firstLoad})`);
    assert.ok(
      heaviest.bytes <= FIRST_LOAD_BUDGET,
      `first load of ${heaviest.path} is ${heaviest.bytes} B brotli, over the budget of ${FIRST_LOAD_BUDGET}`,
    );
    assert.ok(rows.every((row) => row.files.some((f) => f.endsWith('.wasm'))), 'each page started the app');
  });
});
