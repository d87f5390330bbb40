// A school's web server for the widget tests: a second origin (another port on 127.0.0.1)
// that serves whatever pages a test puts in `pages`, by path.
import { createServer } from 'node:http';

/** Resolves to { url, pages: Map<path, html>, close }. */
export async function startHost() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const page = pages.get(new URL(req.url, 'http://x').pathname);
    if (!page) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    pages,
    close: () => new Promise((done) => server.close(done)),
  };
}
