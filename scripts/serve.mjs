// Serves a built dist/ at http://127.0.0.1:8080/ as a plain static host would: each page is a
// folder with an index.html, anything else is a file or a 404 (with dist/404.html). Like every
// CDN and static host, it compresses what it sends (brotli, else gzip), so that Lighthouse and
// the size checks measure the bytes a parent's phone would receive.
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const compressed = new Map();
// Keyed by file and modification time: a rebuild while serving is picked up.
function send(req, res, status, type, body, version) {
  const accepts = req.headers['accept-encoding'] ?? '';
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!encoding || body.length < 1024) return res.writeHead(status, { 'content-type': type }).end(body);
  const key = `${encoding} ${version}`;
  if (!compressed.has(key)) compressed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body));
  res.writeHead(status, { 'content-type': type, 'content-encoding': encoding, vary: 'accept-encoding' });
  res.end(compressed.get(key));
}

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return res.writeHead(403).end('forbidden');
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    const body = await readFile(file);
    send(req, res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body, `${file} ${info.mtimeMs}`);
  } catch {
    const notFoundFile = join(root, '404.html');
    const notFound = await readFile(notFoundFile).catch(() => Buffer.from('not found'));
    const { mtimeMs } = await stat(notFoundFile).catch(() => ({ mtimeMs: 0 }));
    send(req, res, 404, TYPES['.html'], notFound, `${notFoundFile} ${mtimeMs}`);
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
