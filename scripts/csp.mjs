// After a release build: pins trunk's inline start-up script by its hash in a strict
// Content-Security-Policy, as a <meta> tag in dist/index.html (for hosts that cannot set
// headers) and in dist/_headers (for hosts that read that file, e.g. Netlify or Cloudflare
// Pages; copy its lines into any other host's header settings).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

const dist = process.argv[2] ?? 'dist';
const html = await readFile(`${dist}/index.html`, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
if (hashes.length === 0) throw new Error('no inline script found in index.html: has trunk changed its output?');

const policy = [
  "default-src 'self'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// Right after the charset, before any script. (The minified page has no <head> tag.)
const withMeta = html
  .replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/, '')
  .replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}${meta}`);
if (!withMeta.includes(meta)) throw new Error('no <meta charset> in index.html');
await writeFile(`${dist}/index.html`, withMeta);

// frame-ancestors only works as a header: any site may embed the widget.
await writeFile(
  `${dist}/_headers`,
  `/*\n  Content-Security-Policy: ${policy}; frame-ancestors *\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`,
);
console.log(`csp: pinned ${hashes.length} inline script(s) in ${dist}/index.html and ${dist}/_headers`);
