import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newMember, type TestApp } from './testing/test-app';

describe('the HTTP application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { STUDIO_NAME: 'Lotus Loft', STUDIO_TIME_ZONE: 'Europe/Berlin' });
  });
  afterAll(() => t?.close());

  it('answers health and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('describes the studio and its policies', async () => {
    expect((await t.app.inject('/api/v1/studio')).json()).toEqual({
      name: 'Lotus Loft',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
      holdMinutes: 10,
      waitlistHoldMinutes: 5,
      checkInGraceMinutes: 10,
      cancellationPolicy: [
        { hoursBefore: 24, refundPercentage: 100 },
        { hoursBefore: 12, refundPercentage: 50 },
      ],
      payments: { mode: 'test', publishableKey: null },
    });
  });

  it('serves an OpenAPI 3 document generated from the contract', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/me', '/api/v1/users', '/api/v1/users/{id}/role']),
    );
    expect(doc.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'name']),
    );
    expect((await t.app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('gives every answer a request id and security headers', async () => {
    const answer = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-42' } });
    expect(answer.headers['x-request-id']).toBe('trace-42');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await t.app.inject('/healthz')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets the same full set of security headers on every kind of answer', async () => {
    // Helmet's headers for our options, computed once at start-up (security-headers.ts): pinned here, so a change of
    // options or of helmet shows up as a change of this list.
    const expected = {
      'content-security-policy':
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;" +
        "object-src 'none';script-src 'self' 'wasm-unsafe-eval';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    const answers = [
      await t.app.inject('/healthz'),
      await t.app.inject('/api/v1/sessions'),
      await t.app.inject('/api/v1/me'),
      await t.app.inject('/api/v1/sessions?page=0'),
      await t.app.inject('/api/v1/nothing-here'),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 401, 400, 404]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject(expected);
      expect(answer.headers).not.toHaveProperty('strict-transport-security'); // only in production
    }
    // Swagger UI's page keeps its own policy, which lets its bundled scripts run.
    const docs = await t.app.inject('/docs/static/index.html');
    expect(docs.headers['content-security-policy']).toContain('script-src');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  describe('bad input gets a 4xx problem document', () => {
    const register = (payload: string, contentType = 'application/json') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload, headers: { 'content-type': contentType } });

    it.each([
      ['a body that is not JSON', () => register('{"email":'), 400, 'INVALID_BODY'],
      ['an empty JSON body', () => register(''), 400, 'INVALID_BODY'],
      ['a body that is too large', () => register(JSON.stringify({ ...newMember(), name: 'x'.repeat(100_000) })), 413, 'PAYLOAD_TOO_LARGE'],
      ['a body that is not JSON at all', () => register('email=a', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a missing body', () => t.app.inject({ method: 'POST', url: '/api/v1/auth/register' }), 400, 'VALIDATION_FAILED'],
      ['an unknown route', () => t.app.inject('/api/v1/nothing-here'), 404, 'NOT_FOUND'],
    ])('%s', async (_case, send, status, code) => {
      const answer = await send();
      expect(answer.statusCode).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json()).toMatchObject({ type: expect.any(String), title: expect.any(String), status, code, detail: expect.any(String) });
    });
  });

  it('serves real HTTP', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const account = newMember();
    const registered = await fetch(`${address}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    expect(registered.status).toBe(201);
    const login = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${address}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await me.json()).toMatchObject({ email: account.email, role: 'member' });
  });
});

describe('an unexpected failure', () => {
  it('answers 500 INTERNAL with a request id and no internal detail', async () => {
    const t = await createTestApp('pglite');
    try {
      await t.composition.database.db.schema.dropTable('users').cascade().execute();
      const answer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: newMember() });
      expect(answer.statusCode).toBe(500);
      const body = answer.json();
      expect(body).toMatchObject({ status: 500, code: 'INTERNAL', requestId: answer.headers['x-request-id'] });
      expect(JSON.stringify(body)).not.toMatch(/users|relation|select|insert/i);
    } finally {
      await t.close();
    }
  });
});
