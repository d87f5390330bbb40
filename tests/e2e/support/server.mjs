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
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export const SUB_PATH = '/some/sub/path/';

/**
 * dist/_headers as rules ({ pattern, headers }), applied as Netlify and Cloudflare Pages do:
 * every rule whose pattern matches adds its headers. Patterns are paths from the site's root
 * (here, the sub-path); `/*` matches everything.
 */
async function distHeaders(root) {
  let text;
  try {
    text = await readFile(join(root, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split('\n')) {
    const header = line.match(/^\s+([A-Za-z-]+):\s*(.*)$/);
    if (header) rules.at(-1)?.headers.push([header[1], header[2]]);
    else if (line.startsWith('/')) rules.push({ pattern: line.trim(), headers: [] });
  }
  return rules;
}

function headersFor(rules, path) {
  const headers = {};
  for (const { pattern, headers: set } of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!matches) continue;
    for (const [name, value] of set) {
      if (headers[name] !== undefined && name.toLowerCase() === 'content-security-policy') {
        throw new Error(`two policies for ${path}: a browser would enforce both`);
      }
      headers[name] = value;
    }
  }
  return headers;
}

/** dist/_redirects query rules (`/from  key=:key  /to  302`), as Netlify applies them. */
async function distRedirects(root) {
  try {
    const text = await readFile(join(root, '_redirects'), 'utf8');
    return text
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length === 4)
      .map(([from, query, to, status]) => ({ from, key: query.split('=')[0], to, status: Number(status) }));
  } catch {
    return [];
  }
}

/** Serves `root` at http://127.0.0.1:<port>/some/sub/path/; resolves to { url, requests, close }. */
export async function serveDist(root = resolve('dist')) {
  const requests = [];
  const rules = await distHeaders(root);
  const redirects = await distRedirects(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push(path);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not found');
      return;
    }
    const sitePath = `/${path.slice(SUB_PATH.length)}`;
    const redirect = redirects.find((r) => r.from === sitePath && url.searchParams.has(r.key));
    if (redirect) {
      res.writeHead(redirect.status, { location: `${SUB_PATH}${redirect.to.slice(1)}${url.search}` }).end();
      return;
    }
    const headers = headersFor(rules, sitePath);
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
