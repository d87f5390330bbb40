// Cuts the release wasm into the part every page needs and one part per page (src/page_code.rs),
// then optimises each part, and puts them in dist/ in place of trunk's single wasm.
//
// Usage: node scripts/split-wasm.mjs <dist> <cargo's wasm> <parts map to write>
//
// trunk (0.21) has no step for this, so scripts/build.sh runs it after `trunk build`:
// 1. `wasm-split-cli` (wasm_split_cli_support, the tool behind Leptos' `#[lazy]`) reads cargo's
//    wasm, built with `--cfg ruxue_split` and `--emit-relocs`, and writes the main module, a
//    module per split point, shared chunks, and `__wasm_split.js`, which fetches them.
// 2. `wasm-bindgen` makes the main module's JS glue, under trunk's hashed name, keeping the
//    table and memory exports the parts link against (`--keep-lld-exports`). Trunk's hash is
//    of its own build of the same cargo wasm, from which every part follows, so it still
//    names this build (a content hash of the glue itself would be circular: the glue names
//    the loader, which names the glue).
// 3. `wasm-opt -Oz` (npm's binaryen@132, as trunk would) shrinks every module.
// 4. Every part and the loader get content-hashed names, so a host may cache them forever
//    and a new build never mixes with an old one (the service worker precaches them too).
// 5. terser minifies the JS glue and the loader: trunk's own minifier cannot read the glue's
//    `import` of the loader (its "Failed to minify JS" warning), so both shipped as written,
//    57 KB and 29 KB raw, which every page loads.
// 6. Each split point's files are also written one after another in a bundle of their own,
//    which a page's first load fetches instead (a fifth smaller: see `writeBundles`).
// 7. It writes which files each split point needs (its own part and the chunks it shares)
//    and its bundle, for the prerender to name on each page, so that the start-up script
//    asks for them beside the main part instead of after it (src/bin/prerender.rs,
//    Trunk.toml).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { minify } from 'terser';

const [distArg, wasmArg, mapArg] = process.argv.slice(2);
if (!distArg || !wasmArg || !mapArg) {
  console.error('usage: node scripts/split-wasm.mjs <dist> <cargo wasm> <parts map to write>');
  process.exit(2);
}
const dist = resolve(distArg);
const input = resolve(wasmArg);

// The same features trunk's wasm-opt step enables (index.html's data-wasm-opt-params).
// `--strip-target-features`: each module's `target_features` section (which browsers do not
// read) was about 100 B brotli, and a page loads 10 to 40 modules: 2 KB off search's first
// load, 4 KB off the lookup's.
const WASM_OPT_FLAGS = [
  '-Oz', '--converge', '--strip-debug', '--strip-producers', '--strip-target-features',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
const LOADER_IMPORT = './__wasm_split.js';
// How the splitter's loader fetches a part (`withBundles` routes these through `rxFetch`).
const FETCH_CALL = /fetch\(new URL\("(\.\/[^"]+\.wasm)", import\.meta\.url\)\)/g;

// wasm-opt warns of every part's name section (`unknown name subsection with id 3`, the
// splitter's); those names are stripped anyway, so only other messages are shown.
const run = (tool, args) => {
  const { status, stderr } = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  const messages = stderr.split('\n').filter((line) => line && !/^warning: unknown name subsection/.test(line));
  if (messages.length) console.error(messages.join('\n'));
  if (status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (exit ${status})`);
};
// Ten hex digits (40 bits) tell versions of one part apart well enough for caching: the
// loader lists every part's name, and each digit more costs every page's first load about
// 50 bytes (measured: 16 digits took 0.3 KB more brotli than 10).
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

const glueName = readdirSync(dist).find((f) => /^ruxue-web-[0-9a-f]+\.js$/.test(f));
if (!glueName) throw new Error(`${dist}: no ruxue-web-<hash>.js from trunk; run trunk build first`);
const stem = glueName.slice(0, -'.js'.length);

const version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' });
if (!/version 132\b/.test(version)) {
  throw new Error(`wasm-opt must be npm's binaryen@132 (scripts/setup.sh), found: ${version.trim()}`);
}

const work = mkdtempSync(join(tmpdir(), 'ruxue-split-'));
try {
  const parts = join(work, 'parts');
  run('wasm-split-cli', ['--target', 'web', '--out-name', stem, input, parts]);
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-lld-exports',
    '--out-dir', bindgen, '--out-name', stem, join(parts, `${stem}.wasm`),
  ]);
  run('wasm-opt', [...WASM_OPT_FLAGS, join(bindgen, `${stem}_bg.wasm`), '-o', join(dist, `${stem}_bg.wasm`)]);

  // The parts, content-named; the loader names them as `./<name>.wasm`.
  let loader = readFileSync(join(parts, '__wasm_split.js'), 'utf8');
  const names = [];
  for (const file of readdirSync(parts).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`)) {
    const optimised = join(work, file);
    run('wasm-opt', [...WASM_OPT_FLAGS, join(parts, file), '-o', optimised]);
    const base = file.slice(0, -'.wasm'.length).replace(/_\d+$/, '').replace(/^split_/, '');
    const named = `ruxue-part-${base.replace(/_/g, '-')}-${hashOf(readFileSync(optimised))}.wasm`;
    const quoted = `"./${file}"`;
    if (!loader.includes(quoted)) throw new Error(`__wasm_split.js does not load ${file}`);
    loader = loader.split(quoted).join(`"./${named}"`);
    copyFileSync(optimised, join(dist, named));
    names.push(named);
  }
  const splits = partsOfSplits(loader);
  // Each part's name once, in the loader's `rxParts`: its fetches and the bundles' lists name
  // a part by its index there.
  const partNames = partNamesOf(loader);
  const indexOf = new Map(partNames.map((name, i) => [name, i]));
  const bundles = writeBundles(splits, indexOf);
  loader = withBundles(loader, bundles, partNames, indexOf);
  const map = Object.fromEntries(Object.entries(splits).map(([split, files]) => [split, { files, bundle: bundles[split] }]));
  writeFileSync(resolve(mapArg), `${JSON.stringify(map, null, 2)}\n`);
  loader = await minified(loader, '__wasm_split.js');
  const loaderName = `ruxue-parts-${hashOf(loader)}.js`;
  writeFileSync(join(dist, loaderName), loader);

  let glue = readFileSync(join(bindgen, `${stem}.js`), 'utf8');
  // Only the file the glue imports is renamed: the wasm's own import module keeps its name.
  const importStatement = `from "${LOADER_IMPORT}"`;
  if (!glue.includes(importStatement)) {
    throw new Error(`the JS glue does not import ${LOADER_IMPORT}: was the wasm built with --cfg ruxue_split?`);
  }
  glue = glue.split(importStatement).join(`from "./${loaderName}"`);
  writeFileSync(join(dist, glueName), await minified(glue, glueName));
  console.log(`split-wasm: main ${stem}_bg.wasm, loader ${loaderName}, ${names.length} parts`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Writes, for each split point, its files (its own part and the chunks it shares) one after
 * another in one file, `ruxue-bundle-<split>-<hash>.bin`, which a first visit fetches instead
 * of them. A page loads 10 to 40 modules, each compressed on its own; compressed together
 * they are about a fifth smaller (the lookup's 53 KB brotli were 42 KB, the guide's 20 were
 * 15), because their code has much in common. The bundles repeat the chunks the pages share,
 * so only a page's first load uses one: once the service worker keeps the parts, or for a
 * page the app moves to after another, the loader fetches the files themselves.
 *
 * A bundle starts with its list of parts, so that the loader needs only its name: a
 * little-endian `u16` count, then for each part the `u16` index of its name in the loader's
 * `rxParts` and its `u32` length; then the parts, in that order.
 * Returns `{ split: name }`.
 */
function writeBundles(splits, indexOf) {
  const bundles = {};
  for (const [split, files] of Object.entries(splits)) {
    const modules = files.map((file) => {
      if (!indexOf.has(`./${file}`)) throw new Error(`split-wasm: the loader never fetches ${file}`);
      return [indexOf.get(`./${file}`), readFileSync(join(dist, file))];
    });
    const head = Buffer.alloc(2 + 6 * modules.length);
    head.writeUInt16LE(modules.length, 0);
    modules.forEach(([index, module], i) => {
      head.writeUInt16LE(index, 2 + 6 * i);
      head.writeUInt32LE(module.length, 4 + 6 * i);
    });
    const bytes = Buffer.concat([head, ...modules.map(([, module]) => module)]);
    const name = `ruxue-bundle-${split.replace(/_/g, '-')}-${hashOf(bytes)}.bin`;
    writeFileSync(join(dist, name), bytes);
    bundles[split] = name;
  }
  return bundles;
}

/** Each part's name as the loader fetches it (`./<name>.wasm`), once. */
function partNamesOf(loader) {
  return [...new Set([...loader.matchAll(FETCH_CALL)].map((m) => m[1]))];
}

/**
 * The loader, made to read a split point's parts out of its bundle when that split point is
 * the first the page loads and no service worker controls the page (which would serve the
 * parts from its cache): its fetches go through `rxFetch`, which, while that first load
 * runs, takes a part from the bundle if it is there and fetches it otherwise, and
 * `rxInstantiate` instantiates bytes or a response. If the bundle cannot be fetched, the
 * parts are fetched themselves.
 */
function withBundles(loader, bundles, partNames, indexOf) {
  const instantiate = 'WebAssembly.instantiateStreaming(src, imports)';
  const fetches = [...loader.matchAll(FETCH_CALL)].length;
  if (fetches === 0 || loader.split(instantiate).length - 1 !== fetches) {
    throw new Error('split-wasm: the loader fetches its parts in a way withBundles does not know (has its format changed?)');
  }
  let out = loader.replace(FETCH_CALL, (_, name) => `rxFetch(${indexOf.get(name)})`).split(instantiate).join('rxInstantiate(src, imports)');
  const exported = /^(export const __wasm_split_load_(\w+) = wrapAsyncCb\()(makeLoad\([\s\S]*?\n?, \[[^\]]*\]\))(\);)$/gm;
  let wrapped = 0;
  out = out.replace(exported, (_, head, split, load, tail) => {
    if (!bundles[split]) throw new Error(`split-wasm: no bundle for ${split}`);
    wrapped += 1;
    return `${head}rxFirst(${JSON.stringify(`./${bundles[split]}`)}, ${load})${tail}`;
  });
  if (wrapped !== Object.keys(bundles).length) throw new Error(`split-wasm: wrapped ${wrapped} of ${Object.keys(bundles).length} split points`);
  const helpers = `
const rxParts = ${JSON.stringify(partNames)};
let rxStarted = false;
let rxBundle = null;
function rxFetch(part) {
  const own = () => fetch(new URL(rxParts[part], import.meta.url));
  return rxBundle ? rxBundle.then((parts) => parts?.get(part) ?? own()) : own();
}
async function rxInstantiate(src, imports) {
  const got = await src;
  return got instanceof Response ? WebAssembly.instantiateStreaming(got, imports) : WebAssembly.instantiate(got, imports);
}
function rxFirst(bundle, load) {
  return () => {
    if (rxStarted || globalThis.navigator?.serviceWorker?.controller) return load();
    rxStarted = true;
    rxBundle = fetch(new URL(bundle, import.meta.url)).then(async (response) => {
      if (!response.ok) return null;
      const all = await response.arrayBuffer();
      const view = new DataView(all);
      const count = view.getUint16(0, true);
      const parts = new Map();
      for (let i = 0, at = 2 + 6 * count; i < count; i++) {
        const length = view.getUint32(4 + 6 * i, true);
        parts.set(view.getUint16(2 + 6 * i, true), all.slice(at, at + length));
        at += length;
      }
      return parts;
    }).catch(() => null);
    const loading = load();
    // Once this load is done, later ones fetch their parts themselves.
    loading.finally(() => { rxBundle = null; }).catch(() => {});
    return loading;
  };
}
`;
  const firstImport = out.indexOf('\n', out.indexOf('import '));
  return `${out.slice(0, firstImport + 1)}${helpers}${out.slice(firstImport + 1)}`;
}

/** `code`, an ES module, minified; its exports keep their names. */
async function minified(code, name) {
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 } });
  if (!result.code) throw new Error(`split-wasm: terser returned nothing for ${name}`);
  return result.code;
}

/**
 * Each split point's files, read from the loader `wasm-split-cli` wrote: a split point's
 * loader fetches its own part (none when it has no code of its own) and waits for the chunks
 * it lists. `{ "ruxue_search": ["ruxue-part-ruxue-search-<hash>.wasm", "ruxue-part-chunk-…"] }`.
 */
function partsOfSplits(loader) {
  const fileOf = (code) => code.match(/new URL\("\.\/([^"]+\.wasm)"/)?.[1];
  const chunks = new Map();
  for (const [, name, code] of loader.matchAll(/^const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);$/gm)) {
    chunks.set(name, fileOf(code));
  }
  const splits = {};
  const pattern = /^export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n?, \[([^\]]*)\]\)\);$/gm;
  for (const [, split, code, deps] of loader.matchAll(pattern)) {
    const files = [fileOf(code), ...deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunks.get(d))];
    if (files.slice(1).some((f) => !f)) throw new Error(`split-wasm: ${split} waits for a chunk the loader does not define`);
    splits[split] = files.filter(Boolean);
  }
  if (Object.keys(splits).length === 0) throw new Error('split-wasm: found no split points in __wasm_split.js (has its format changed?)');
  return splits;
}
