import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

const PRECOMPRESS = resolve(import.meta.dirname, '../../../../tools/web/precompress.mjs');
/** What Chromium sends: brotli is one of several, not the first. */
const CHROMIUM = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A hashed bundle worth compressing, as the build writes it. */
const SCRIPT = `export const schedule = [${Array.from({ length: 400 }, (_, i) => `{id:${i},name:"Morning Yoga ${i}"}`).join(',')}];\n`;
const INDEX_HTML = `<!doctype html><html lang="en"><head><title>FitFlow</title>${'<link rel="modulepreload" href="chunk-ABCD2345.js">'.repeat(10)}</head><body><ff-root></ff-root><script src="main-2XK7JNSV.js" type="module"></script></body></html>`;
const TINY = 'x'; // no compressed copy is smaller than one byte

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, not decoded. */
  body: Buffer;
}

/** GET over real HTTP with exactly the Accept-Encoding given (none when undefined), the body left as sent. */
function get(base: string, path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const sent = request(new URL(path, base), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', fail);
    });
    sent.on('error', fail);
    sent.end();
  });
}

const varyOf = (answer: Answer) => String(answer.headers['vary'] ?? '').toLowerCase();

/**
 * The built SPA as `npm start` serves it: a web root compressed by the build's own step (`tools/web/precompress.mjs`),
 * served by the real app over HTTP.
 */
describe('the SPA’s files, compressed', () => {
  let t: TestApp;
  let root: string;
  let base: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fitflow-web-'));
    mkdirSync(join(root, 'media'));
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(join(root, 'main-2XK7JNSV.js'), SCRIPT);
    writeFileSync(join(root, 'chunk-ABCD2345.js'), TINY);
    writeFileSync(join(root, 'media', 'icons-QWER7654.woff2'), SCRIPT); // not compressible by name: served as it is
    execFileSync(process.execPath, [PRECOMPRESS, root], { stdio: 'ignore' });
    t = await createTestApp('pglite', { WEB_ROOT: root });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('the build writes a brotli and a gzip copy beside a compressible file, only when smaller', () => {
    expect(existsSync(join(root, 'main-2XK7JNSV.js.br'))).toBe(true);
    expect(existsSync(join(root, 'main-2XK7JNSV.js.gz'))).toBe(true);
    expect(existsSync(join(root, 'index.html.br'))).toBe(true);
    expect(existsSync(join(root, 'chunk-ABCD2345.js.br'))).toBe(false);
    expect(existsSync(join(root, 'chunk-ABCD2345.js.gz'))).toBe(false);
    expect(existsSync(join(root, 'media', 'icons-QWER7654.woff2.br'))).toBe(false);
  });

  it('sends a hashed script in brotli to a browser that accepts it, cached for a year', async () => {
    const answer = await get(base, '/main-2XK7JNSV.js', CHROMIUM);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(SCRIPT);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(varyOf(answer)).toContain('accept-encoding');
  });

  it('sends gzip to a client that accepts gzip only', async () => {
    const answer = await get(base, '/main-2XK7JNSV.js', 'gzip');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString('utf8')).toBe(SCRIPT);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(varyOf(answer)).toContain('accept-encoding');
  });

  it.each([
    ['no Accept-Encoding', undefined],
    ['only identity', 'identity'],
    ['brotli refused', 'br;q=0, gzip;q=0'],
  ])('sends the file itself to a client with %s', async (_, acceptEncoding) => {
    const answer = await get(base, '/main-2XK7JNSV.js', acceptEncoding);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString('utf8')).toBe(SCRIPT);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(varyOf(answer)).toContain('accept-encoding');
  });

  it('sends a file without a smaller copy as it is, to a browser that accepts brotli', async () => {
    for (const path of ['/chunk-ABCD2345.js', '/media/icons-QWER7654.woff2']) {
      const answer = await get(base, path, CHROMIUM);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-encoding'], path).toBeUndefined();
      expect(answer.headers['cache-control'], path).toBe(IMMUTABLE);
    }
  });

  it.each(['/', '/index.html', '/schedule/this-week', '/sessions/3f0c2b9e?week=2026-W49'])(
    'sends index.html for %s in brotli, revalidated on every visit',
    async (path) => {
      const answer = await get(base, path, CHROMIUM);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(INDEX_HTML);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(varyOf(answer)).toContain('accept-encoding');
    },
  );

  it('has no routes of their own for the compressed copies', async () => {
    expect((await get(base, '/main-2XK7JNSV.js.br', CHROMIUM)).status).toBe(404);
    expect((await get(base, '/index.html.gz', CHROMIUM)).status).toBe(404);
  });
});
