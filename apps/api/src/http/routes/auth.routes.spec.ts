import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { createTestApp, newMember, signIn, signUp, type TestApp } from '../../testing/test-app';

describe.each(TEST_DATABASES)('auth routes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { RATE_LIMITS: 'login=10/1m,login-address=1000/1m' });
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const countUsers = async () => (await t.composition.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

  describe('POST /auth/register', () => {
    it('creates a member who can sign in and read their profile', async () => {
      const account = newMember();
      const registered = await post('/auth/register', account);
      expect(registered.statusCode).toBe(201);
      const { id } = registered.json();

      const tokens = await signIn(t.app, account.email.toUpperCase(), account.password);
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: tokens.headers });
      expect(me.json()).toEqual({ id, email: account.email, name: account.name, role: 'member' });
    });

    it('refuses an email already taken, whatever its case', async () => {
      const account = newMember();
      await post('/auth/register', account);
      const again = await post('/auth/register', { ...account, email: account.email.toUpperCase() });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json()).toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });
    });

    it('gives exactly one account to ten simultaneous registrations of one email', async () => {
      const account = newMember();
      const before = Number(await countUsers());
      const answers = await Promise.all(Array.from({ length: 10 }, () => post('/auth/register', account)));
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([201, ...Array(9).fill(409)]);
      expect(Number(await countUsers())).toBe(before + 1);
    });

    it.each([
      ['a malformed email', { email: 'not-an-email' }, 'email'],
      ['a short password', { password: 'short' }, 'password'],
      ['a commonly breached password', { password: 'password123' }, 'password'],
      ['an empty name', { name: '   ' }, 'name'],
    ])('refuses %s with the field named and creates nothing', async (_case, override, path) => {
      const before = await countUsers();
      const answer = await post('/auth/register', { ...newMember(), ...override });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path })] });
      expect(await countUsers()).toBe(before);
    });
  });

  describe('POST /auth/login', () => {
    it('answers an unknown email and a wrong password identically', async () => {
      const account = await signUp(t.app);
      const wrongPassword = await post('/auth/login', { email: account.email, password: 'Wrong-password-123' });
      const unknownEmail = await post('/auth/login', { email: `nobody-${account.email}`, password: account.password });
      expect(wrongPassword.statusCode).toBe(401);
      const withoutRequestId = ({ requestId: _, ...problem }: Record<string, unknown>) => problem;
      expect(withoutRequestId(wrongPassword.json())).toEqual(withoutRequestId(unknownEmail.json()));
      expect(wrongPassword.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    });

    it('answers TokenPair with a 15-minute access token', async () => {
      const account = newMember();
      await post('/auth/register', account);
      const answer = await post('/auth/login', { email: account.email, password: account.password });
      expect(answer.json()).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, accessToken: expect.any(String), refreshToken: expect.any(String) });
    });

    it('limits sign-in to 10 tries a minute per email, with Retry-After', async () => {
      const account = newMember();
      await post('/auth/register', account);
      const tries = [];
      for (let i = 0; i < 10; i += 1) tries.push(await post('/auth/login', { email: account.email, password: 'Wrong-password-123' }));
      expect(tries.map((answer) => answer.statusCode)).not.toContain(429);
      const eleventh = await post('/auth/login', { email: account.email.toUpperCase(), password: account.password });
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('refresh tokens', () => {
    it('rotate: the new one works, the old one stops working', async () => {
      const account = await signUp(t.app);
      const rotated = await post('/auth/refresh', { refreshToken: account.refreshToken });
      expect(rotated.statusCode).toBe(200);
      expect(rotated.json().refreshToken).not.toBe(account.refreshToken);

      const reused = await post('/auth/refresh', { refreshToken: account.refreshToken });
      expect(reused.statusCode).toBe(401);
      expect(reused.json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    });

    it('re-use of a rotated token revokes the whole family', async () => {
      const account = await signUp(t.app);
      const { refreshToken: newest } = (await post('/auth/refresh', { refreshToken: account.refreshToken })).json();
      await post('/auth/refresh', { refreshToken: account.refreshToken });
      const afterTheft = await post('/auth/refresh', { refreshToken: newest });
      expect(afterTheft.statusCode).toBe(401);
    });

    it('lets only one of two simultaneous refreshes with one token succeed', async () => {
      const account = await signUp(t.app);
      const answers = await Promise.all([1, 2].map(() => post('/auth/refresh', { refreshToken: account.refreshToken })));
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
    });

    it('stop working after logout', async () => {
      const account = await signUp(t.app);
      const logout = await post('/auth/logout', { refreshToken: account.refreshToken });
      expect(logout.statusCode).toBe(204);
      expect((await post('/auth/refresh', { refreshToken: account.refreshToken })).statusCode).toBe(401);
    });

    it('refuses an unknown token', async () => {
      const answer = await post('/auth/refresh', { refreshToken: 'made-up' });
      expect(answer.json()).toMatchObject({ status: 401, code: 'INVALID_REFRESH_TOKEN' });
    });
  });

  describe('GET /me', () => {
    it.each([
      ['no token', {}],
      ['a malformed token', { authorization: 'Bearer nope' }],
      ['a token signed with another secret', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.ZmFrZQ' }],
    ])('answers 401 UNAUTHENTICATED for %s', async (_case, headers) => {
      const answer = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});

describe('sign-in limits', () => {
  const login = (t: TestApp, email: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'Wrong-password-123' } });

  it('limit tries per client address, whatever the email', async () => {
    const t = await createTestApp('pglite', { RATE_LIMITS: 'login-address=3/1m' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await login(t, `someone-${i}@example.test`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });

  it('are shared by every API process through Redis when REDIS_URL is set', async () => {
    const env = { RATE_LIMITS: 'login=2/1m', REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379' };
    const [first, second] = await Promise.all([createTestApp('pglite', env), createTestApp('pglite', env)]);
    try {
      const email = newMember().email;
      const statuses = [(await login(first, email)).statusCode, (await login(second, email)).statusCode, (await login(first, email)).statusCode];
      expect(statuses).toEqual([401, 401, 429]);
      expect((await second.app.inject('/readyz')).json()).toMatchObject({ checks: { database: 'ok', redis: 'ok' } });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
