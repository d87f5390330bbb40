import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
const dist = process.argv[2];
const port = 8099;
const base = `http://127.0.0.1:${port}/`;
const relevance = await readFile('tests/search/relevance.toml', 'utf8');
const queries = [...relevance.matchAll(/^q = "(.*)"$/gm)].map((m) => m[1]);
const server = spawn(process.execPath, ['scripts/serve.mjs', dist], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ready) => server.stdout.once('data', ready));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
page.on('console', (m) => console.log('console:', m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
let bytes = 0; let kinds = {};
page.on('requestfinished', async (r) => { const s = await r.sizes(); bytes += s.responseBodySize; const k = (r.url().match(/data\/(corpus|doc|index)/) || [0, 'other'])[1]; kinds[k] = (kinds[k] || 0) + s.responseBodySize; });
await page.goto(base + 'search/');
await page.waitForFunction(() => !document.getElementById('rx-prerendered') && document.querySelector('#rx-search-input'));
for (const q of queries) {
  const n = await page.evaluate(() => performance.getEntriesByName('rx-search').length);
  const t0 = Date.now(); const b0 = bytes;
  await page.fill('#rx-search-input', q);
  try {
    await page.waitForFunction((n) => performance.getEntriesByName('rx-search').length > n, n, { timeout: 60000 });
    const d = await page.evaluate(() => { const e = performance.getEntriesByName('rx-search'); return e[e.length - 1].duration; });
    console.log(JSON.stringify(kinds)); kinds = {};
    console.log(q, 'ok', Date.now() - t0, 'ms wall', d.toFixed(1), 'ms engine', ((bytes - b0) / 1024).toFixed(0), 'KB raw');
  } catch (e) {
    console.log(q, 'TIMEOUT', await page.locator('#rx-search-results').innerText());
    const w = await page.evaluate(() => performance.getEntriesByName('rx-search-waiting').length);
    console.log('waiting entries', w);
    break;
  }
}
await browser.close(); server.kill();
