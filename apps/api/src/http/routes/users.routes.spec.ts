import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../testing/databases';
import { TEST_ADMIN, createTestApp, signIn, signUp, type TestApp } from '../../testing/test-app';

describe.each(TEST_DATABASES)('user routes on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const changeRole = (id: string, role: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}/role`, payload: { role }, headers });

  it('refuses the user list to a member with 403 and to an anonymous caller with 401', async () => {
    const member = await signUp(t.app);
    expect((await get('/users', member.headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await get('/users', {})).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('lets an admin search by name or email, filter by role and page through', async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const people = [];
    for (let i = 0; i < 3; i += 1) people.push(await signUp(t.app, { name: `Searchable ${tag} ${i}` }));

    const page1 = (await get(`/users?q=${tag}&pageSize=2`, admin.headers)).json();
    expect(page1).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page1.items).toHaveLength(2);
    const page2 = (await get(`/users?q=${tag}&pageSize=2&page=2`, admin.headers)).json();
    expect(page2.items).toHaveLength(1);
    const seen = [...page1.items, ...page2.items].map((user: { id: string }) => user.id).sort();
    expect(seen).toEqual(people.map((person) => person.id).sort());

    const byEmail = (await get(`/users?q=${encodeURIComponent(people[0].email.toUpperCase())}`, admin.headers)).json();
    expect(byEmail.items.map((user: { id: string }) => user.id)).toEqual([people[0].id]);

    const admins = (await get('/users?role=admin', admin.headers)).json();
    expect(admins.items.every((user: { role: string }) => user.role === 'admin')).toBe(true);
    expect(admins.items[0]).toMatchObject({ email: TEST_ADMIN.email, createdAt: expect.stringMatching(/Z$/) });
  });

  it('treats % and _ in a search as plain characters', async () => {
    const answer = (await get('/users?q=%25', admin.headers)).json();
    expect(answer.total).toBe(0);
  });

  it('refuses a page size above 100', async () => {
    const answer = await get('/users?pageSize=101', admin.headers);
    expect(answer.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: 'pageSize' }] });
  });

  it('lets an admin promote a member to trainer, who then appears among the trainers', async () => {
    const member = await signUp(t.app);
    const answer = await changeRole(member.id, 'trainer', admin.headers);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ id: member.id, email: member.email, name: member.name, role: 'trainer' });

    const trainers = (await get('/trainers', {})).json();
    expect(trainers).toContainEqual({ id: member.id, name: member.name });
    const relogged = await signIn(t.app, member.email, member.password);
    expect((await get('/me', relogged.headers)).json().role).toBe('trainer');
  });

  it('refuses a role change by a member, an unknown user and an unknown role', async () => {
    const member = await signUp(t.app);
    expect((await changeRole(member.id, 'admin', member.headers)).statusCode).toBe(403);
    expect((await changeRole('00000000-0000-4000-8000-000000000000', 'trainer', admin.headers)).json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect((await changeRole(member.id, 'owner', admin.headers)).json()).toMatchObject({ status: 400, errors: [{ path: 'role' }] });
    expect((await changeRole('not-a-uuid', 'trainer', admin.headers)).statusCode).toBe(400);
  });
});
