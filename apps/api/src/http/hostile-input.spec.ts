import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSTORABLE_TEXT_MESSAGE } from '@fitflow/api-contract';
import { apiClient, expectStatus, signUpAs, type SignedIn } from '../testing/scheduling';
import { TEST_ADMIN, createTestApp, newMember, signIn, signUp, type TestApp } from '../testing/test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const HOUR = 3_600_000;
const inDays = (days: number, hours = 10) => new Date(Date.now() + days * 24 * HOUR + hours * HOUR).toISOString();

/** A problem document, with the request id in its body and in the header. */
function expectProblem(answer: LightMyRequestResponse, status: number, code: string) {
  expect(answer.statusCode, answer.body).toBe(status);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  const body = answer.json();
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(body.requestId).toBe(answer.headers['x-request-id']);
  expect(body.requestId).toMatch(/^[\w.-]{1,64}$/);
  return body as { errors?: { path: string; message: string }[]; requestId: string; detail: string };
}

/** Sends raw bytes over real HTTP and answers what the server wrote back before closing. */
function rawHttp(address: string, request: string): Promise<string> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(answer) : reject(error)));
  });
}

function parseRawAnswer(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((line) => line.split(/:\s*/, 2).map((part, i) => (i === 0 ? part.toLowerCase() : part))));
  return { status: Number(statusLine.split(' ')[1]), headers: headers as Record<string, string>, body: JSON.parse(body) };
}

describe('hostile input', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let trainer: SignedIn;
  let templateId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    api = apiClient(t.app);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    trainer = await signUpAs(t.app, 'trainer');
    const template = { name: 'Morning Yoga', durationMinutes: 60, capacity: 12 };
    templateId = expectStatus(await api.post('/templates', template, trainer.headers), 201).json().id;
    sessionId = expectStatus(await api.post('/sessions', { templateId, startsAt: inDays(3) }, trainer.headers), 201).json().id;
  });
  afterAll(() => t?.close());

  const countRows = async () => {
    const { db } = t.composition.database;
    const [users, templates, sessions] = await Promise.all(
      (['users', 'class_templates', 'class_sessions'] as const).map((table) =>
        db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ),
    );
    return { users: users.n, templates: templates.n, sessions: sessions.n };
  };

  describe('text PostgreSQL cannot store', () => {
    const NUL = 'Yoga\u0000';
    const LONE_SURROGATE = 'Yoga \uD83D';
    const cases: [string, () => Promise<LightMyRequestResponse>, string][] = [
      ['a registration name', () => api.post('/auth/register', { ...newMember(), name: NUL }), 'name'],
      ['a registration password', () => api.post('/auth/register', { ...newMember(), password: `Quiet-harbour-${LONE_SURROGATE}` }), 'password'],
      ['a registration email', () => api.post('/auth/register', { ...newMember(), email: 'a\u0000@example.test' }), 'email'],
      ['a sign-in email', () => api.post('/auth/login', { email: NUL, password: 'whatever-it-is' }), 'email'],
      ['a refresh token', () => api.post('/auth/refresh', { refreshToken: LONE_SURROGATE }), 'refreshToken'],
      ['a template name', () => api.post('/templates', { name: NUL, durationMinutes: 60, capacity: 5 }, trainer.headers), 'name'],
      [
        'a template description',
        () => api.post('/templates', { name: 'Run', description: LONE_SURROGATE, durationMinutes: 60, capacity: 5 }, trainer.headers),
        'description',
      ],
      [
        'a replaced template name',
        () => api.put(`/templates/${templateId}`, { name: NUL, durationMinutes: 60, capacity: 5, creditCost: 1 }, trainer.headers),
        'name',
      ],
      [
        'a session name',
        () => api.post('/sessions', { name: LONE_SURROGATE, startsAt: inDays(4), endsAt: inDays(4, 11), capacity: 5 }, trainer.headers),
        'name',
      ],
      ['a cancellation reason', () => api.post(`/sessions/${sessionId}/cancel`, { reason: NUL }, trainer.headers), 'reason'],
      ['a schedule search', () => api.get('/sessions?q=Yoga%00'), 'q'],
      ['an account search', () => api.get('/users?q=%00', admin.headers), 'q'],
    ];

    it.each(cases)('in %s is 400 VALIDATION_FAILED naming the field, and changes nothing', async (_case, send, field) => {
      const before = await countRows();
      const body = expectProblem(await send(), 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([{ path: field, message: UNSTORABLE_TEXT_MESSAGE }]);
      expect(await countRows()).toEqual(before);
    });
  });

  describe('errors raised before a route runs', () => {
    it.each([
      ['bad percent-encoding in the path', `/api/v1/sessions/%E0%A4%A`, 400, 'INVALID_URL'],
      ['a lone percent sign in the path', `/api/v1/%`, 400, 'INVALID_URL'],
      ['an over-long path parameter', `/api/v1/sessions/${'a'.repeat(500)}`, 414, 'URI_TOO_LONG'],
    ])('%s is a problem document with the request id and security headers', async (_case, url, status, code) => {
      const answer = await t.app.inject({ url, headers: { authorization: admin.headers.authorization } });
      expectProblem(answer, status, code);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
    });

    it.each([
      ['text/plain', 'hello', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/xml', '<login/>', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['application/json', '', 400, 'INVALID_BODY'],
      ['application/json', '{"email":', 400, 'INVALID_BODY'],
      ['application/json', '{"__proto__":{"admin":true}}', 400, 'INVALID_BODY'],
    ])('a %s body %j is a problem document', async (contentType, payload, status, code) => {
      const answer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': contentType }, payload });
      expectProblem(answer, status, code);
    });

    it('a body that does not match its Content-Length is a problem document', async () => {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': '5' },
        payload: '{"email":"a@b.c","password":"xxxxxxxxxx"}',
      });
      expectProblem(answer, 400, 'INVALID_BODY');
    });

    it('headers larger than Node accepts, and a request that is not HTTP, get problem documents over real HTTP', async () => {
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const huge = parseRawAnswer(
        await rawHttp(address, `GET /api/v1/sessions HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      expect(huge.status).toBe(431);
      expect(huge.headers['content-type']).toContain('application/problem+json');
      expect(huge.body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', requestId: huge.headers['x-request-id'] });

      const garbage = parseRawAnswer(await rawHttp(address, 'HELLO THERE\r\n\r\n'));
      expect(garbage.status).toBe(400);
      expect(garbage.body).toMatchObject({ status: 400, code: 'BAD_REQUEST', requestId: garbage.headers['x-request-id'] });
    });
  });

  describe('the request id', () => {
    it('is the client’s when short and plain, on success and on problems', async () => {
      const ok = await t.app.inject({ url: '/api/v1/sessions', headers: { 'x-request-id': 'trace-42.a_b' } });
      expect(ok.headers['x-request-id']).toBe('trace-42.a_b');
      const refused = await t.app.inject({ url: '/api/v1/me', headers: { 'x-request-id': 'trace-43' } });
      expect(expectProblem(refused, 401, 'UNAUTHENTICATED').requestId).toBe('trace-43');
    });

    it.each([
      ['too long', 'a'.repeat(65)],
      ['with a space', 'trace 42'],
      ['with a header-splitting attempt', 'x\r\nset-cookie: a=b'.replace(/\r\n/g, '%0D%0A')],
      ['with markup', '<script>'],
    ])('is a new one when the client’s is %s', async (_case, given) => {
      const answer = await t.app.inject({ url: '/api/v1/me', headers: { 'x-request-id': given } });
      const { requestId } = expectProblem(answer, 401, 'UNAUTHENTICATED');
      expect(requestId).not.toBe(given);
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('Cache-Control', () => {
    it('is no-store on token answers, on every answer to a bearer, and on their problems', async () => {
      const account = await signUp(t.app);
      const login = await api.post('/auth/login', { email: account.email, password: account.password });
      const refresh = await api.post('/auth/refresh', { refreshToken: login.json().refreshToken });
      const wrongPassword = await api.post('/auth/login', { email: account.email, password: 'Not-the-right-one-42' });
      const me = await api.get('/me', account.headers);
      const schedule = await api.get('/sessions', account.headers);
      const badBearer = await api.get('/me', { authorization: 'Bearer not.a.token' });
      const forbidden = await api.get('/users', account.headers);
      expect([login, refresh, wrongPassword, me, schedule, badBearer, forbidden].map((answer) => [answer.statusCode, answer.headers['cache-control']])).toEqual([
        [200, 'no-store'],
        [200, 'no-store'],
        [401, 'no-store'],
        [200, 'no-store'],
        [200, 'no-store'],
        [401, 'no-store'],
        [403, 'no-store'],
      ]);
    });

    it('is no-store on a token answer reached through a percent-encoded path too', async () => {
      const account = await signUp(t.app);
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/%61uth/login', payload: { email: account.email, password: account.password } });
      expect([login.statusCode, login.headers['cache-control']]).toEqual([200, 'no-store']);
    });

    it('is left to the defaults on an anonymous read of public data', async () => {
      expect((await api.get('/sessions')).headers['cache-control']).toBeUndefined();
    });
  });

  describe('session limits, decided by the scheduling domain', () => {
    it('refuses a session longer than 24 hours', async () => {
      const body = { name: 'Retreat', startsAt: inDays(5), endsAt: inDays(6, 11), capacity: 5 };
      const problem = expectProblem(await api.post('/sessions', body, trainer.headers), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ path: 'endsAt', message: 'A session lasts at most 24 hours; end it earlier' }]);
    });

    it('refuses a start, a move or a series end more than two years ahead', async () => {
      const before = await countRows();
      const far = new Date(Date.now() + 2 * 366 * 24 * HOUR).toISOString();
      const scheduled = await api.post('/sessions', { templateId, startsAt: far }, trainer.headers);
      expect(expectProblem(scheduled, 400, 'VALIDATION_FAILED').errors).toEqual([
        { path: 'startsAt', message: 'A session can be scheduled at most 2 years ahead; choose an earlier date' },
      ]);
      const moved = await api.patch(`/sessions/${sessionId}`, { startsAt: '9999-12-01T00:00:00Z' }, trainer.headers);
      expect(expectProblem(moved, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('startsAt');
      const series = await api.post('/sessions', { templateId, startsAt: inDays(7), repeat: { weekdays: ['mon'], until: '9999-12-31' } }, trainer.headers);
      expect(expectProblem(series, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('repeat.until');
      expect(await countRows()).toEqual(before);
    });
  });

  describe('passwords', () => {
    it.each([
      ['ten spaces', { password: ' '.repeat(10) }, 'Too easy to guess: it repeats the same characters.'],
      ['one repeated character', { password: 'k'.repeat(12) }, 'Too easy to guess: it repeats the same characters.'],
      ['a keyboard row', { password: 'zxcvbnm,./12' }, 'Too easy to guess: it is a row of keys on the keyboard.'],
      ['a sequence', { password: 'abcdefghijklm' }, 'Too easy to guess: it is a sequence like abc or 123.'],
      ['the person’s own name', { name: 'Zoë Quartermaine', password: 'Zoe-Quartermaine-1' }, 'Too easy to guess: it contains your name.'],
      ['the person’s own name, any case', { name: 'Zoë Quartermaine', password: 'zoëquartermaine!!' }, 'Too easy to guess: it contains your name.'],
      ['the person’s e-mail', { email: 'quartermaine@example.test', password: 'Quartermaine-1984' }, 'Too easy to guess: it contains your e-mail address.'],
    ])('refuses %s and says why under the password', async (_case, overrides, message) => {
      const before = await countRows();
      const answer = await api.post('/auth/register', { ...newMember(), ...overrides });
      const problem = expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ path: 'password', message }]);
      expect(await countRows()).toEqual(before);
    });
  });
});

describe('rate-limit keys in Redis', () => {
  const redis = new Redis(REDIS_URL);
  afterAll(() => redis.quit());

  it('carry the configured prefix and the limit’s own name, so deployments sharing a Redis never share limits', async () => {
    const prefixes = [`hostile-a-${randomBytes(4).toString('hex')}:`, `hostile-b-${randomBytes(4).toString('hex')}:`];
    const apps = await Promise.all(
      prefixes.map((prefix) => createTestApp('postgres', { REDIS_URL, REDIS_PREFIX: prefix, RATE_LIMITS: 'login=2/1m' })),
    );
    const [first, second] = apps as [TestApp, TestApp];
    try {
      const email = newMember().email;
      const login = (app: TestApp) => app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'Wrong-password-123' } });
      const statuses = [(await login(first)).statusCode, (await login(first)).statusCode, (await login(first)).statusCode];
      expect(statuses).toEqual([401, 401, 429]);
      expect((await login(second)).statusCode).toBe(401); // another prefix: its own counters

      expect((await redis.keys(`${prefixes[0]}*`)).sort()).toEqual([`${prefixes[0]}rate:login-address:127.0.0.1`, `${prefixes[0]}rate:login:${email}`]);
      expect(await redis.get(`${prefixes[0]}rate:login:${email}`)).toBe('3');
      expect(await redis.get(`${prefixes[1]}rate:login:${email}`)).toBe('1');
      expect(await redis.pttl(`${prefixes[0]}rate:login:${email}`)).toBeGreaterThan(0);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
      const keys = await redis.keys('hostile-[ab]-*');
      if (keys.length > 0) await redis.del(...keys.filter((key) => prefixes.some((prefix) => key.startsWith(prefix))));
    }
  });
});

describe('the SPA’s files, with WEB_ROOT set', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fitflow-web-'));
    const files = ['index.html', 'main-2XK7JNSV.js', 'chunk-ABCD2345.js', 'styles-QWER7654.css', 'favicon.ico', 'robots.txt'];
    for (const file of files) writeFileSync(join(root, file), file === 'index.html' ? '<!doctype html><title>FitFlow</title>' : file);
    t = await createTestApp('pglite', { WEB_ROOT: root });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/schedule/this-week', 'no-cache'],
    ['/main-2XK7JNSV.js', 'public, max-age=31536000, immutable'],
    ['/chunk-ABCD2345.js', 'public, max-age=31536000, immutable'],
    ['/styles-QWER7654.css', 'public, max-age=31536000, immutable'],
    ['/favicon.ico', 'public, max-age=3600'],
  ])('serves %s with Cache-Control %s', async (url, cacheControl) => {
    const answer = await t.app.inject(url);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe(cacheControl);
  });
});
