// A static file server for the end-to-end tests. It serves the release dist/ under a deep
// sub-path, as a school's web server or a CDN would, with no rewrite rules: a path that is
// not a file is a 404, so a route that needed a rewrite would fail the tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const SUB_PATH = '/some/sub/path/';

/** The headers dist/_headers sets for every path, so the tests run under the real policy. */
async function distHeaders(root) {
  try {
    const text = await readFile(join(root, '_headers'), 'utf8');
    const headers = {};
    for (const line of text.split('\n').slice(1)) {
      const match = line.match(/^\s+([A-Za-z-]+):\s*(.*)$/);
      if (match) headers[match[1]] = match[2];
    }
    return headers;
  } catch {
    return {};
  }
}

/** Serves `root` at http://127.0.0.1:<port>/some/sub/path/; resolves to { url, requests, close }. */
export async function serveDist(root = resolve('dist')) {
  const requests = [];
  const headers = await distHeaders(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(SUB_PATH.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}
