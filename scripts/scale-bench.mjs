// The scale benchmark's browser half (scripts/scale-bench.sh builds the site first): serves a
// built dist/ compressed, as a static host would, and measures in headless Chromium, for the
// portal and for Pagefind over the same documents' pages, in the same run:
//   - bytes transferred for the first page (the portal's home page, until the app runs; for
//     Pagefind, its script, wasm and index metadata loaded and initialised);
//   - bytes transferred for the first search, and for the next nine (with the data each shown
//     result needs: Pagefind's fragments for the top five); of the first, how much is the
//     search page's code (its part of the wasm, src/page_code.rs), fetched when it first opens;
//   - query time p50/p95 in the browser, over every query of tests/search/relevance.toml: the
//     portal's own User Timing measure `rx-search`, the engine's call once the query's shards
//     and documents are in, and, with its fetches, from the first attempt (`rx-search-waiting`,
//     a call that said what it still needed) to the end of that call; Pagefind's `search()`
//     plus the top five results' `data()`, as its UI would show them, fetches included;
//   - index build time (both build it at deploy time: the portal's is timed natively by
//     scale_corpus, Pagefind's by the shell script).
// Prints a side-by-side table and writes it to <work>/report.md.
//
// node scripts/scale-bench.mjs <work folder> <pagefind build ms> <portal build ms> <times> <documents> <index build ms>
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [work, pagefindBuildMs, portalBuildMs, times = '100', documents = '500', indexBuildMs] = process.argv.slice(2);
const dist = resolve(work, 'dist');
const port = Number(process.env.PORT ?? 8098);
const base = `http://127.0.0.1:${port}/`;

const relevance = await readFile(new URL('../tests/search/relevance.toml', import.meta.url), 'utf8');
const queries = [...relevance.matchAll(/^q = "(.*)"$/gm)].map((m) => m[1]);
if (queries.length < 10) throw new Error('scale-bench: expected at least ten queries in tests/search/relevance.toml');

const server = spawn(process.execPath, [new URL('./serve.mjs', import.meta.url).pathname, dist], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ready) => server.stdout.once('data', ready));

const browser = await chromium.launch({
  executablePath: process.env.RUXUE_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

/** A fresh tab (no cache, no service worker) that counts the bytes it receives. */
async function freshPage() {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  // `code`: the part of `bytes` that is the pages' parts of the wasm (src/page_code.rs).
  const counter = { bytes: 0, code: 0, pending: [] };
  page.on('requestfinished', (request) => {
    const code = /\/ruxue-parts?-[^/]*$/.test(new URL(request.url()).pathname);
    counter.pending.push(
      request.sizes().then((s) => {
        counter.bytes += s.responseBodySize + s.responseHeadersSize;
        if (code) counter.code += s.responseBodySize + s.responseHeadersSize;
      }),
    );
  });
  counter.settle = async () => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    await Promise.all(counter.pending);
    return counter.bytes;
  };
  return { context, page, counter };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.round((sorted.length - 1) * p)];
};

// The server compresses each file once; the big data file takes seconds at brotli's best
// setting, which is a host's cost, not a parent's wait.
const dataFiles = (await readdir(join(dist, 'data'))).filter((f) => f.endsWith('.bin')).map((f) => `data/${f}`);
for (const warm of ['', 'search/', 'pagefind/pagefind.js', ...dataFiles]) await fetch(base + warm, { headers: { 'accept-encoding': 'br' } });

async function measurePortal() {
  const { context, page, counter } = await freshPage();
  await page.goto(base);
  await page.waitForFunction(() => !document.getElementById('rx-prerendered') && document.querySelector('main#rx-main h1'), null, { timeout: 120000 });
  const firstPage = await counter.settle();
  const searchBytes = [];
  const searchCode = [];
  const entries = () =>
    page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.name === 'rx-search' || e.name === 'rx-search-waiting')
        .map((e) => ({ name: e.name, start: e.startTime, end: e.startTime + e.duration, duration: e.duration })),
    );
  const times = [];
  const withFetches = [];
  // One query: waits for its answered call, and times it from its first attempt.
  const timed = async (ask) => {
    const seen = await entries();
    const answeredBefore = seen.filter((e) => e.name === 'rx-search').length;
    const before = counter.bytes;
    const codeBefore = counter.code;
    // A query whose files are all in is answered before `ask` returns.
    await ask();
    await page.waitForFunction(
      (n) => performance.getEntries().filter((e) => e.name === 'rx-search').length > n,
      answeredBefore,
      { timeout: 300000 },
    );
    searchBytes.push((await counter.settle()) - before);
    searchCode.push(counter.code - codeBefore);
    const mine = (await entries()).slice(seen.length);
    const answered = mine.find((e) => e.name === 'rx-search');
    times.push(answered.duration);
    withFetches.push(answered.end - mine[0].start);
  };
  // The first search as a parent makes it: the box in the page's header, then the search page.
  await timed(async () => {
    await page.fill('#rx-search-box-input', queries[0]);
    await page.press('#rx-search-box-input', 'Enter');
  });
  for (const q of queries.slice(1)) await timed(() => page.fill('#rx-search-input', q));
  await context.close();
  return { firstPage, searchBytes, searchCode, times, withFetches };
}

async function measurePagefind() {
  await writeFile(
    join(dist, 'pagefind-bench.html'),
    `<!DOCTYPE html><meta charset="utf-8"><title>Pagefind</title><script type="module">
window.pagefind = await import('./pagefind/pagefind.js');
await window.pagefind.init();
window.ready = true;
</script>`,
  );
  const { context, page, counter } = await freshPage();
  await page.goto(`${base}pagefind-bench.html`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
  const firstPage = await counter.settle();
  const searchBytes = [];
  const times = [];
  for (const q of queries) {
    const before = counter.bytes;
    times.push(
      await page.evaluate(async (q) => {
        const start = performance.now();
        const found = await window.pagefind.search(q);
        await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
        return performance.now() - start;
      }, q),
    );
    searchBytes.push((await counter.settle()) - before);
  }
  await context.close();
  return { firstPage, searchBytes, times };
}

let portal;
let pagefind;
try {
  portal = await measurePortal();
  pagefind = await measurePagefind();
} finally {
  // Also when a measurement fails: a server left behind would hold the port for the next run.
  await browser.close();
  server.kill();
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
const sum = (values) => values.reduce((a, b) => a + b, 0);
const rows = [
  ['first page, transferred', kb(portal.firstPage), kb(pagefind.firstPage)],
  [
    'first search, transferred',
    `${kb(portal.searchBytes[0])}: data ${kb(portal.searchBytes[0] - portal.searchCode[0])}, code ${kb(portal.searchCode[0])}`,
    kb(pagefind.searchBytes[0]),
  ],
  ['next nine searches, transferred', kb(sum(portal.searchBytes.slice(1, 10))), kb(sum(pagefind.searchBytes.slice(1, 10)))],
  [`query p50 (${queries.length} queries)`, ms(percentile(portal.times, 0.5)), ms(percentile(pagefind.times, 0.5))],
  [`query p95 (${queries.length} queries)`, ms(percentile(portal.times, 0.95)), ms(percentile(pagefind.times, 0.95))],
  ['query p50, with its fetches', ms(percentile(portal.withFetches, 0.5)), ms(percentile(pagefind.times, 0.5))],
  ['query p95, with its fetches', ms(percentile(portal.withFetches, 0.95)), ms(percentile(pagefind.times, 0.95))],
  ['index build', `${ms(Number(indexBuildMs))} (native, at deploy)`, `${ms(Number(pagefindBuildMs))} (CLI, at deploy)`],
  ['site build (trunk, prerender, worker)', ms(Number(portalBuildMs)), '(added to the portal build)'],
];
const width = [37, 46, 30];
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
const table = [
  line([`${documents} documents (scale_corpus ${times})`, 'Ruxue', 'Pagefind']),
  line(width.map((w) => '-'.repeat(w))),
  ...rows.map(line),
].join('\n');
console.log(table);
await writeFile(join(work, 'report.md'), `${table}\n`);
