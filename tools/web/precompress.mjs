// The last step of `nx run web:build`: writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside
// every compressible file of the built SPA, each only when it is smaller than the file, so the API
// (`@fastify/static`'s `preCompressed`) and nginx (`gzip_static`) send compressed bytes without compressing on each
// request. A variant that would not be smaller is removed, so a second run over the same folder leaves no stale one.
//
//   node tools/web/precompress.mjs dist/apps/web/browser
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text, WebAssembly and icons (bitmaps): images and fonts are compressed already (woff2 is brotli inside). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.wasm', '.webmanifest', '.xml', '.ico']);
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest', '.xml']);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const variants = [
  {
    extension: '.br',
    compress: (bytes, extension) =>
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: TEXT.has(extension) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
  },
  { extension: '.gz', compress: (bytes) => gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }) },
];

async function filesUnder(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes the variants of one file that are smaller than it; answers the bytes it had and the brotli bytes sent instead. */
async function precompress(file) {
  const extension = extname(file);
  const bytes = await readFile(file);
  const sizes = { original: bytes.length, br: bytes.length };
  for (const variant of variants) {
    const compressed = await variant.compress(bytes, extension);
    if (compressed.length < bytes.length) {
      await writeFile(file + variant.extension, compressed);
      if (variant.extension === '.br') sizes.br = compressed.length;
    } else {
      await rm(file + variant.extension, { force: true });
    }
  }
  return sizes;
}

const folder = resolve(process.argv[2] ?? 'dist/apps/web/browser');
const files = (await filesUnder(folder)).filter((file) => COMPRESSIBLE.has(extname(file)));
if (files.length === 0) {
  console.error(`precompress: no compressible files under ${relative(process.cwd(), folder) || '.'}; build the SPA first`);
  process.exit(1);
}
// zlib compresses on libuv's thread pool: all files at once keep every core busy.
const sizes = await Promise.all(files.map(precompress));
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const original = sizes.reduce((sum, size) => sum + size.original, 0);
const br = sizes.reduce((sum, size) => sum + size.br, 0);
console.log(`precompress: ${files.length} files under ${relative(process.cwd(), folder)}, ${kb(original)} → ${kb(br)} with brotli (and .gz)`);
