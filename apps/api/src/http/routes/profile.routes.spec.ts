import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';

type Headers = Record<string, string>;
type Account = Awaited<ReturnType<typeof signUp>>;

let passwords = 0;
/** A new password no other test uses, long and unguessable enough for the registration rules. */
const aNewPassword = () => `Lantern-orchard-${Date.now().toString(36)}${(passwords += 1)}`;

describe.each(TEST_DATABASES)('the signed-in member’s profile on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { RATE_LIMITS: 'login=1000/1m,login-address=1000/1m' });
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'PATCH' | 'POST', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const me = (headers: Headers) => call('GET', '/me', headers);
  const rename = (headers: Headers, name: unknown) => call('PATCH', '/me', headers, { name });
  const changePassword = (account: Account, body: { currentPassword?: string; newPassword?: string }) =>
    call('POST', '/me/password', account.headers, { currentPassword: account.password, newPassword: aNewPassword(), ...body });
  const login = (email: string, password: string) => call('POST', '/auth/login', {}, { email, password });
  const refresh = (refreshToken: string) => call('POST', '/auth/refresh', {}, { refreshToken });
  const bearer = (accessToken: string): Headers => ({ authorization: `Bearer ${accessToken}` });

  describe('PATCH /me', () => {
    it('renames the account, trimmed, and GET /me says so', async () => {
      const account = await signUp(t.app);
      const answer = await rename(account.headers, '  Ada King ');
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual({ id: account.id, email: account.email, name: 'Ada King', role: 'member' });
      expect((await me(account.headers)).json()).toMatchObject({ name: 'Ada King' });
    });

    it.each([
      ['an empty name', ''],
      ['a name of spaces', '   '],
      ['a name over 100 characters', 'A'.repeat(101)],
      ['no name at all', undefined],
    ])('refuses %s with 400 naming the field, and keeps the old name', async (_case, name) => {
      const account = await signUp(t.app);
      const answer = await rename(account.headers, name);
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: 'name' })] });
      expect((await me(account.headers)).json()).toMatchObject({ name: account.name });
    });
  });

  describe('POST /me/password', () => {
    it('refuses a wrong current password with 400 naming the field, and changes nothing', async () => {
      const account = await signUp(t.app);
      const answer = await changePassword(account, { currentPassword: 'Not-my-password-123' });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'currentPassword', message: expect.any(String) }],
      });

      expect((await me(account.headers)).statusCode).toBe(200);
      expect((await refresh(account.refreshToken)).statusCode).toBe(200);
      expect((await login(account.email, account.password)).statusCode).toBe(200);
    });

    it.each([
      ['too short', 'Short-1'],
      ['commonly breached', 'password123'],
      ['built on the member’s name', 'Zanzibar Quokka-2026'],
    ])('refuses a new password that is %s with 400 naming newPassword', async (_case, newPassword) => {
      const account = await signUp(t.app, { name: 'Zanzibar Quokka' });
      const answer = await changePassword(account, { newPassword });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: 'newPassword' })] });
      expect((await login(account.email, account.password)).statusCode).toBe(200);
    });

    it('changes the password: the old one no longer signs in, the new one does', async () => {
      const account = await signUp(t.app);
      const newPassword = aNewPassword();
      expect((await changePassword(account, { newPassword })).statusCode).toBe(200);

      const withOld = await login(account.email, account.password);
      expect(withOld.statusCode).toBe(401);
      expect(withOld.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect((await login(account.email, newPassword)).statusCode).toBe(200);
    });

    it('signs every other session out at once, access tokens included', async () => {
      const account = await signUp(t.app);
      const otherDevice = await signIn(t.app, account.email, account.password);
      expect((await me(otherDevice.headers)).statusCode).toBe(200);

      expect((await changePassword(account, {})).statusCode).toBe(200);

      const staleAccess = await me(otherDevice.headers);
      expect(staleAccess.statusCode).toBe(401);
      expect(staleAccess.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const staleRefresh = await refresh(otherDevice.refreshToken);
      expect(staleRefresh.statusCode).toBe(401);
      expect(staleRefresh.json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    });

    it('keeps the caller signed in with the new pair it answers, and with it only', async () => {
      const account = await signUp(t.app);
      const answer = await changePassword(account, {});
      expect(answer.statusCode).toBe(200);
      const pair = answer.json<{ accessToken: string; refreshToken: string }>();
      expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(answer.headers['cache-control']).toBe('no-store');

      expect((await me(bearer(pair.accessToken))).json()).toMatchObject({ id: account.id });
      expect((await me(account.headers)).statusCode).toBe(401);
      expect((await refresh(account.refreshToken)).statusCode).toBe(401);
      const rotated = await refresh(pair.refreshToken);
      expect(rotated.statusCode).toBe(200);
      expect((await me(bearer(rotated.json().accessToken))).statusCode).toBe(200);
    });

    it('records UserPasswordChanged for the outbox, with no password or hash in it', async () => {
      const account = await signUp(t.app);
      const newPassword = aNewPassword();
      expect((await changePassword(account, { newPassword })).statusCode).toBe(200);
      const events = await t.composition.database.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('aggregate_id', '=', account.id)
        .where('type', '=', 'UserPasswordChanged')
        .execute();
      expect(events).toEqual([{ type: 'UserPasswordChanged', payload: { userId: account.id, email: account.email, name: account.name } }]);
      const { password_hash } = await t.composition.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(events)).not.toContain(password_hash);
      expect(JSON.stringify(events)).not.toContain(newPassword);
    });
  });
});

describe('password change limits', () => {
  it('limit tries per account like sign-in, with Retry-After', async () => {
    const t = await createTestApp('pglite', { RATE_LIMITS: 'login=3/1m,login-address=1000/1m' });
    try {
      const account = await signUp(t.app);
      const wrong = { currentPassword: 'Not-my-password-123', newPassword: 'Lantern-orchard-limits' };
      const change = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload });
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await change(account.headers, wrong)).statusCode);
      const fourth = await change(account.headers, { ...wrong, currentPassword: account.password });
      // Another account is not held back, and signing in keeps its own allowance.
      const other = await signUp(t.app);
      const othersTry = await change(other.headers, wrong);
      const credentials = { email: account.email, password: account.password };
      const signingIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: credentials });

      expect([...statuses, fourth.statusCode]).toEqual([400, 400, 400, 429]);
      expect(fourth.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
      expect(othersTry.statusCode).toBe(400);
      expect(signingIn.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
