// After the prerender: writes dist/sw.js, the service worker, from scripts/service-worker.js
// with this build's precache list and version. The list is the app (hashed JS, wasm, CSS,
// icons, manifest; not the pages' bundles of parts, which only a visit without the worker
// reads), the data files (data/: the manifest, the places, the documents, the
// runs of clause texts and the index shards, which today's corpus makes small enough to keep
// whole; past RUXUE_PRECACHE_DATA_BYTES only the manifest and the places, the worker
// keeping the rest as used), the
// two entry pages (the portal's home, the widget's embed.html) and every
// page file except the clause pages: those hundreds of pages are the documents' pages again,
// and offline the worker serves the home page as a shell in which the app renders any page.
// The version is a hash of every listed file's bytes and of the worker itself, so any change
// to the data, the app or a page makes a new worker, which waits for the parent's "update".
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { BUNDLE, DATA_FILE, DATA_FOLDER, HASHED } from './dist-files.mjs';

const dist = process.argv[2] ?? 'dist';
const template = await readFile(new URL('./service-worker.js', import.meta.url), 'utf8');

/** Page folders below `dir` (`guide/`, `policies/x/`), without the clause pages. */
async function pageFolders(dir = dist, prefix = '') {
  const found = [];
  for (const name of (await readdir(dir)).sort()) {
    if (prefix === '' && name === DATA_FOLDER) continue;
    if ((await stat(join(dir, name))).isDirectory()) {
      const folder = `${prefix}${name}/`;
      const isClause = /^policies\/[^/]+\/[^/]+\/$/.test(folder);
      if (!isClause) found.push(folder, ...(await pageFolders(join(dir, name), folder)));
    }
  }
  return found;
}

const top = await readdir(dist);
const assets = top.filter((f) => (HASHED.test(f) && !BUNDLE.test(f)) || /^(manifest\.webmanifest|icon[-.\w]*\.(png|svg))$/.test(f)).sort();
if (!assets.some((f) => f.endsWith('.wasm'))) throw new Error(`offline: no wasm in ${dist}: build first`);
const data = (await readdir(join(dist, DATA_FOLDER)).catch(() => []))
  .filter((f) => DATA_FILE.test(f))
  .map((f) => `${DATA_FOLDER}/${f}`);
if (data.length === 0) throw new Error(`offline: no data file in ${dist}/${DATA_FOLDER}: run the prerender first`);
// Today's data is small enough to precache whole (about 215 KB brotli). A corpus many times
// larger is not: past this many bytes (raw) only the manifest and the places (whose size
// does not grow with the documents) are precached, and the worker
// keeps each document file and index shard as it is first used.
const dataBudget = Number(process.env.RUXUE_PRECACHE_DATA_BYTES ?? 5_000_000);
let dataBytes = 0;
for (const file of data) dataBytes += (await stat(join(dist, file))).size;
const precachedData = dataBytes <= dataBudget ? data : data.filter((f) => /^(corpus|places)-/.test(f.slice(DATA_FOLDER.length + 1)));
const folders = await pageFolders();
if (!folders.includes('guide/')) throw new Error(`offline: no prerendered pages in ${dist}: run the prerender first`);
const precache = ['./', 'embed.html', ...folders, ...assets, ...precachedData];

const hash = createHash('sha256').update(template);
for (const entry of precache) {
  const file = entry.endsWith('/') ? join(dist, entry, 'index.html') : join(dist, entry);
  hash.update(entry).update(await readFile(file));
}
const version = hash.digest('hex').slice(0, 16);
const worker = template
  .replace("'__RUXUE_VERSION__'", JSON.stringify(version))
  .replace('__RUXUE_PRECACHE__', JSON.stringify(precache))
  .replace('__RUXUE_DATA_FILE__', JSON.stringify(`/${DATA_FOLDER}/${DATA_FILE.source.replace(/^\^/, '')}`));
await writeFile(join(dist, 'sw.js'), worker);
console.log(
  `offline: wrote ${dist}/sw.js, version ${version}, ${precache.length} files to precache` +
    (precachedData.length < data.length ? ` (${data.length - precachedData.length} data files cached as used)` : ''),
);
