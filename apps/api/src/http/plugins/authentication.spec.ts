import { randomUUID } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';

type Headers = Record<string, string>;
type Account = Awaited<ReturnType<typeof signUp>>;

const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

describe.each(TEST_DATABASES)('authentication on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let member: Account;
  let adminId: string;
  /** Signs claims with the API's own secret, exactly as given: no `exp` unless the claims carry one. */
  let sign: (claims: object) => string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
    member = await signUp(t.app);
    adminId = (await me(admin.headers)).json().id;
    sign = createSigner({ key: t.config.jwtSecret, algorithm: 'HS256' });
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const me = (headers: Headers) => call('GET', '/me', headers);
  const changeRole = (id: string, role: string, headers: Headers) => call('PATCH', `/users/${id}/role`, headers, { role });
  const roleInDatabase = async (id: string) =>
    (await t.composition.database.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
  const adminCount = async () =>
    (await t.composition.database.db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).length;

  /** A fresh account with `role`, signed in before anything else happens to it. */
  async function accountWith(role: 'member' | 'trainer' | 'admin'): Promise<Account> {
    const account = await signUp(t.app);
    if (role !== 'member') expect((await changeRole(account.id, role, admin.headers)).statusCode).toBe(200);
    return { ...account, ...(await signIn(t.app, account.email, account.password)) };
  }

  function expectUnauthenticated(answer: Awaited<ReturnType<typeof me>>): void {
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  }

  describe('access tokens', () => {
    it('accepts the token sign-in issued', async () => {
      expect((await me(member.headers)).json()).toMatchObject({ id: member.id, role: 'member' });
    });

    it('refuses a token whose payload was changed after signing', async () => {
      const [header, , signature] = member.accessToken.split('.');
      const forged = `${header}.${base64url({ sub: adminId, typ: 'access', exp: inAMinute() })}.${signature}`;
      expectUnauthenticated(await me(bearer(forged)));
    });

    it('refuses an unsigned token (alg: none)', async () => {
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: adminId, typ: 'access', exp: inAMinute() })}.`;
      expectUnauthenticated(await me(bearer(unsigned)));
    });

    it('refuses a token signed with another secret', async () => {
      const otherSign = createSigner({ key: 'another-secret-that-is-long-enough-9876543210', algorithm: 'HS256' });
      expectUnauthenticated(await me(bearer(otherSign({ sub: member.id, typ: 'access', exp: inAMinute() }))));
    });

    it('refuses a token without exp, and an expired one', async () => {
      expectUnauthenticated(await me(bearer(sign({ sub: member.id, typ: 'access' }))));
      const expired = sign({ sub: member.id, typ: 'access', exp: Math.floor(Date.now() / 1000) - 1 });
      expectUnauthenticated(await me(bearer(expired)));
    });

    it('refuses a sub that is no UUID, and the UUID of no account', async () => {
      for (const sub of ['not-a-uuid', "1' or '1'='1", '', 42]) {
        expectUnauthenticated(await me(bearer(sign({ sub, typ: 'access', exp: inAMinute() }))));
      }
      expectUnauthenticated(await me(bearer(sign({ sub: randomUUID(), typ: 'access', exp: inAMinute() }))));
    });

    it('refuses the token of an account deleted since it was issued', async () => {
      const gone = await signUp(t.app, { credits: 0 }); // no balance, whose history would keep the account
      await t.composition.database.db.deleteFrom('users').where('id', '=', gone.id).execute();
      expectUnauthenticated(await me(gone.headers));
    });

    it('takes a token without a credentials version for one issued before versions existed, while it is 0', async () => {
      const fresh = await signUp(t.app);
      expect((await me(bearer(sign({ sub: fresh.id, typ: 'access', exp: inAMinute() })))).statusCode).toBe(200);
      await t.composition.database.db.updateTable('users').set({ credentials_version: 1 }).where('id', '=', fresh.id).execute();
      expectUnauthenticated(await me(bearer(sign({ sub: fresh.id, typ: 'access', exp: inAMinute() }))));
    });

    it('refuses a credentials version that is not the account’s now, or no whole number', async () => {
      for (const ver of [1, -1, 0.5, '0', null]) {
        expectUnauthenticated(await me(bearer(sign({ sub: member.id, ver, typ: 'access', exp: inAMinute() }))));
      }
      expect((await me(bearer(sign({ sub: member.id, ver: 0, typ: 'access', exp: inAMinute() })))).statusCode).toBe(200);
    });

    it('refuses a token of another type, a token without a type and a refresh token as access token', async () => {
      expectUnauthenticated(await me(bearer(sign({ sub: member.id, typ: 'refresh', exp: inAMinute() }))));
      expectUnauthenticated(await me(bearer(sign({ sub: member.id, exp: inAMinute() }))));
      expectUnauthenticated(await me(bearer(member.refreshToken)));
    });

    it('refuses a malformed Authorization header', async () => {
      for (const authorization of ['', 'Bearer', `Basic ${member.accessToken}`, `Bearer ${member.accessToken} extra`, 'Bearer a.b.c']) {
        expectUnauthenticated(await me({ authorization }));
      }
    });

    it('answers a bad token on a public route that reads it with 401 too, not as anonymous', async () => {
      expectUnauthenticated(await call('GET', '/sessions', bearer('a.b.c')));
      expect((await call('GET', '/sessions', {})).statusCode).toBe(200);
    });
  });

  describe('refresh tokens', () => {
    it('a rotated refresh token replayed revokes its family: the newest one stops working too', async () => {
      const account = await signUp(t.app);
      const refresh = (refreshToken: string) => call('POST', '/auth/refresh', {}, { refreshToken });
      const rotated = await refresh(account.refreshToken);
      expect(rotated.statusCode).toBe(200);
      const newest = rotated.json().refreshToken as string;

      const replayed = await refresh(account.refreshToken);
      expect(replayed.statusCode).toBe(401);
      expect(replayed.json()).toMatchObject({ status: 401, code: 'INVALID_REFRESH_TOKEN' });
      expect((await refresh(newest)).json()).toMatchObject({ status: 401, code: 'INVALID_REFRESH_TOKEN' });
    });
  });

  describe('the role is the account’s now, not the token’s', () => {
    it('refuses a demoted admin’s old token on admin routes at once, and it cannot promote itself back', async () => {
      const deputy = await accountWith('admin');
      expect((await call('GET', '/users', deputy.headers)).statusCode).toBe(200);

      expect((await changeRole(deputy.id, 'trainer', admin.headers)).statusCode).toBe(200);
      expect((await call('GET', '/users', deputy.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await changeRole(deputy.id, 'admin', deputy.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(await roleInDatabase(deputy.id)).toBe('trainer');
      expect((await me(deputy.headers)).json()).toMatchObject({ role: 'trainer' });
    });

    it('refuses a demoted trainer’s old token editing or deleting their templates', async () => {
      const trainer = await accountWith('trainer');
      const yoga = { name: 'Morning Yoga', durationMinutes: 60, capacity: 12, creditCost: 1 };
      const created = await call('POST', '/templates', trainer.headers, yoga);
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;

      expect((await changeRole(trainer.id, 'member', admin.headers)).statusCode).toBe(200);
      expect((await call('PUT', `/templates/${id}`, trainer.headers, { ...yoga, name: 'Hijacked' })).json()).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
      expect((await call('DELETE', `/templates/${id}`, trainer.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect((await call('GET', `/templates/${id}`, admin.headers)).json()).toMatchObject({ id, name: 'Morning Yoga' });
    });

    it('lets a promoted member’s old token use trainer routes at once', async () => {
      const promoted = await accountWith('member');
      expect((await call('GET', '/templates', promoted.headers)).statusCode).toBe(403);

      expect((await changeRole(promoted.id, 'trainer', admin.headers)).statusCode).toBe(200);
      expect((await call('GET', '/templates', promoted.headers)).statusCode).toBe(200);
      const created = await call('POST', '/templates', promoted.headers, { name: 'Spin', durationMinutes: 45, capacity: 20 });
      expect(created.json()).toMatchObject({ id: expect.any(String) });
      expect(created.statusCode).toBe(201);
    });
  });

  describe('the last admin', () => {
    it('cannot remove their own admin role (409 LAST_ADMIN), and nothing changes', async () => {
      expect(await adminCount()).toBe(1);
      for (const role of ['trainer', 'member']) {
        const answer = await changeRole(adminId, role, admin.headers);
        expect(answer.statusCode).toBe(409);
        expect(answer.headers['content-type']).toContain('application/problem+json');
        expect(answer.json()).toMatchObject({ status: 409, code: 'LAST_ADMIN' });
      }
      expect(await roleInDatabase(adminId)).toBe('admin');
      expect((await call('GET', '/users', admin.headers)).statusCode).toBe(200);
    });

    it('may step down while another admin remains; then the other is the last', async () => {
      const deputy = await accountWith('admin');
      expect((await changeRole(deputy.id, 'trainer', deputy.headers)).json()).toMatchObject({ role: 'trainer' });
      expect(await adminCount()).toBe(1);
      expect((await changeRole(adminId, 'member', admin.headers)).json()).toMatchObject({ code: 'LAST_ADMIN' });
    });

    it('two admins demoting each other at once leave exactly one admin', async () => {
      const deputy = await accountWith('admin');
      const answers = await Promise.all([changeRole(deputy.id, 'member', admin.headers), changeRole(adminId, 'member', deputy.headers)]);
      expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
      expect(answers.every((answer) => [200, 403, 409].includes(answer.statusCode))).toBe(true);
      expect(await adminCount()).toBe(1);
      // Whoever lost gets the role back, so the studio's admin stays the test admin for any test after this one.
      if ((await roleInDatabase(adminId)) !== 'admin') {
        expect((await changeRole(adminId, 'admin', deputy.headers)).statusCode).toBe(200);
        expect((await changeRole(deputy.id, 'member', admin.headers)).statusCode).toBe(200);
      }
    });
  });
});
