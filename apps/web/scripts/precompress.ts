/**
 * After `vite build`: beside each .js, .css, .html, .svg and .json file over 1 kB in dist, a brotli (quality 11) and
 * a gzip (level 9) copy, for the server to send as they are (@fastify/static `preCompressed`) instead of compressing
 * on every request. A copy that would not be smaller is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../dist');
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const MIN_BYTES = 1000;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function precompress(file: string): Promise<[number, number, number]> {
  const body = await readFile(file);
  const [br, gzipped] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([br.length < body.length && writeFile(`${file}.br`, br), gzipped.length < body.length && writeFile(`${file}.gz`, gzipped)]);
  return [body.length, br.length, gzipped.length];
}

const entries = await readdir(dist, { recursive: true, withFileTypes: true });
const files: string[] = [];
for (const e of entries) {
  if (!e.isFile() || !COMPRESSIBLE.test(e.name)) continue;
  const path = join(e.parentPath, e.name);
  if ((await readFile(path)).length > MIN_BYTES) files.push(path);
}
const sizes = await Promise.all(files.map(precompress));
const sum = (i: number) => `${(sizes.reduce((n, s) => n + s[i]!, 0) / 1000).toFixed(1)} kB`;
console.log(`precompressed ${files.length} files in ${dist}: ${sum(0)} → brotli ${sum(1)}, gzip ${sum(2)}`);
