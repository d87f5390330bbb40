// After the prerender: writes a brotli (.br) and a gzip (.gz) copy beside each file whose
// name carries a content hash (the app's JS, wasm and CSS, and the data file). Hosts that
// serve precompressed files (nginx gzip_static/brotli_static, Caddy's `precompressed`, a CDN
// bucket with Content-Encoding set) send these at the best compression, whatever types they
// compress on the fly: the data file's type, application/octet-stream, is on few such lists.
// Every other host ignores them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { DATA_FILE, DATA_FOLDER, HASHED } from './dist-files.mjs';

const dist = process.argv[2] ?? 'dist';
const files = [
  ...(await readdir(dist)).filter((f) => HASHED.test(f)),
  ...(await readdir(join(dist, DATA_FOLDER))).filter((f) => DATA_FILE.test(f)).map((f) => `${DATA_FOLDER}/${f}`),
];
for (const file of files) {
  const bytes = await readFile(join(dist, file));
  await writeFile(join(dist, `${file}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  await writeFile(join(dist, `${file}.gz`), gzipSync(bytes, { level: 9 }));
}
console.log(`precompress: wrote .br and .gz beside ${files.length} files in ${dist}`);
