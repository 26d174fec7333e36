import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signUp, TEST_ADMIN, type TestApp } from '../../testing/test-app';

/** What Chromium sends: brotli is one of several, not the first. */
const CHROMIUM = 'gzip, deflate, br, zstd';

describe('the API’s JSON, compressed', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  /** GET /users as the admin sees it: a page of accounts, well over 1 KiB. */
  let users: unknown;

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: { ...admin.headers, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) } });

  beforeAll(async () => {
    t = await createTestApp('pglite');
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    for (let i = 0; i < 8; i++) await signUp(t.app, { credits: 0 });
    users = (await get('/api/v1/users')).json();
  });
  afterAll(() => t?.close());

  it('sends a large JSON answer in brotli to a browser that accepts it', async () => {
    const answer = await get('/api/v1/users', CHROMIUM);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(String(answer.headers['vary'])).toMatch(/accept-encoding/i);
    expect(answer.rawPayload.length).toBeLessThan(JSON.stringify(users).length / 2);
    expect(JSON.parse(brotliDecompressSync(answer.rawPayload).toString('utf8'))).toEqual(users);
  });

  it('sends gzip to a client that accepts gzip only', async () => {
    const answer = await get('/api/v1/users', 'gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(answer.rawPayload).toString('utf8'))).toEqual(users);
  });

  it('sends JSON as it is to a client that accepts no encoding', async () => {
    const answer = await get('/api/v1/users');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.json()).toEqual(users);
  });

  it('sends a small answer (under 1 KiB) as it is, problem documents included', async () => {
    const studio = await get('/api/v1/studio', CHROMIUM);
    expect(studio.statusCode).toBe(200);
    expect(studio.headers['content-encoding']).toBeUndefined();
    const missing = await get('/api/v1/sessions/00000000-0000-4000-8000-000000000000', CHROMIUM);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json()).toMatchObject({ status: 404 });
  });
});
