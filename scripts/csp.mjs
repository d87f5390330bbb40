// After a release build: pins trunk's inline start-up script by its hash in a strict
// Content-Security-Policy, as a <meta> tag (for hosts that cannot set headers) and in
// dist/_headers (for hosts that read that file, e.g. Netlify or Cloudflare Pages; copy its lines
// into any other host's header settings). It also writes the widget's own entry, embed.html:
// only that page may be framed by other sites (frame-ancestors *); every other page allows
// only its own origin (frame-ancestors 'self'), so no site can frame and dress up the portal.
// dist/_redirects sends old snippets (index.html?embed=1…) to embed.html on hosts that read it.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';

import { HASHED } from './dist-files.mjs';

const dist = process.argv[2] ?? 'dist';
let html = await readFile(`${dist}/index.html`, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
if (hashes.length === 0) throw new Error('no inline script found in index.html: has trunk changed its output?');

// Chromium ignores `integrity` on a preload of `as=fetch` (and warns on every load): the wasm
// is fetched again by the start-up script, which is what the hash in the policy pins.
html = html.replace(/(<link\b[^>]*\bas="?fetch"?[^>]*?)\s+integrity=("[^"]*"|[^\s>]+)/g, '$1');

const policy = [
  "default-src 'self'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  // Prerendered pages set <base> to the portal's root (src/prerender.rs).
  "base-uri 'self'",
  // A prerendered form submitted before the app starts goes to its page's address (GET).
  "form-action 'self'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// Right after the charset, before any script. (The minified page has no <head> tag.)
const withMeta = html
  .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/, '')
  .replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}${meta}`);
if (!withMeta.includes(meta)) throw new Error('no <meta charset> in index.html');
await writeFile(`${dist}/index.html`, withMeta);
// The same page: the app knows from its address that it is the widget.
await writeFile(`${dist}/embed.html`, withMeta);

// frame-ancestors only works as a header. Hosts merge every matching rule, so each page gets
// exactly one policy from a rule of its own; the assets need none.
const hashed = (await readdir(dist)).filter((f) => HASHED.test(f)).sort();
if (hashed.length < 3) throw new Error(`expected trunk's hashed files in ${dist}, found ${hashed.join(', ')}`);
const page = (path, ancestors) =>
  `${path}\n  Content-Security-Policy: ${policy}; frame-ancestors ${ancestors}\n  Cache-Control: no-cache\n`;
const headers = [
  '/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n',
  page('/', "'self'"),
  page('/index.html', "'self'"),
  page('/embed.html', '*'),
  // The loader keeps its name (schools link to it), so it is revalidated; so is the service
  // worker, whose bytes name the build (browsers also revalidate it themselves).
  '/widget.js\n  Cache-Control: no-cache\n',
  '/sw.js\n  Cache-Control: no-cache\n',
  ...hashed.map((f) => `/${f}\n  Cache-Control: public, max-age=31536000, immutable\n`),
];
await writeFile(`${dist}/_headers`, headers.join(''));
// Netlify passes the rest of the query on: index.html?embed=1&view=lookup → embed.html?embed=1&view=lookup.
await writeFile(`${dist}/_redirects`, '/index.html  embed=:embed  /embed.html  302\n');
console.log(`csp: pinned ${hashes.length} inline script(s); wrote ${dist}/embed.html, _headers and _redirects`);
