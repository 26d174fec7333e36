import { describe, expect, it } from 'vitest';
import { LastAdminError, USER_ROLE_CHANGED } from '@fitflow/domain-membership';
import { ForbiddenError, UserNotFoundError } from '../../errors';
import { FAKE_NOW, UserMother, createMembershipFakes } from '../../testing';
import { ChangeUserRoleHandler } from './change-user-role.handler';

function setUp() {
  const fakes = createMembershipFakes();
  const admin = UserMother.admin();
  const member = UserMother.member({ email: 'ada@example.com', name: 'Ada Lovelace' });
  fakes.users.seed(admin, member);
  const handler = new ChangeUserRoleHandler(fakes.uow, fakes.clock);
  return { ...fakes, handler, admin, member, adminActor: { userId: admin.id, role: 'admin' as const } };
}

describe('ChangeUserRoleHandler', () => {
  it('lets an admin make a member a trainer, and answers the account', async () => {
    const { handler, users, member, adminActor } = setUp();
    const result = await handler.handle({ actor: adminActor, userId: member.id, role: 'trainer' });
    expect(result).toEqual({ id: member.id, email: 'ada@example.com', name: 'Ada Lovelace', role: 'trainer' });
    expect(users.row(member.id)).toMatchObject({ role: 'trainer', updatedAt: new Date(FAKE_NOW) });
  });

  it('records who changed the role from what to what', async () => {
    const { handler, users, member, adminActor } = setUp();
    await handler.handle({ actor: adminActor, userId: member.id, role: 'trainer' });
    expect(users.outbox).toMatchObject([
      { type: USER_ROLE_CHANGED, payload: { userId: member.id, from: 'member', to: 'trainer', changedBy: adminActor.userId } },
    ]);
  });

  it.each(['member', 'trainer'] as const)('refuses a %s with FORBIDDEN and changes nothing', async (role) => {
    const { handler, users, member } = setUp();
    const actor = { userId: member.id, role };
    await expect(handler.handle({ actor, userId: member.id, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(handler.handle({ actor, userId: member.id, role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(users.row(member.id)?.role).toBe('member');
  });

  it('refuses an admin demoted after their role was read (FORBIDDEN, nothing changes): the admins are read again under lock', async () => {
    const { handler, users, member } = setUp();
    const demoted = UserMother.member({ email: 'former-admin@example.com' });
    users.seed(demoted);
    // The request was authorised while this account was an admin; it is a member by the time the change runs.
    const staleActor = { userId: demoted.id, role: 'admin' as const };
    await expect(handler.handle({ actor: staleActor, userId: demoted.id, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(handler.handle({ actor: staleActor, userId: member.id, role: 'trainer' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(users.row(demoted.id)?.role).toBe('member');
    expect(users.row(member.id)?.role).toBe('member');
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const { handler, adminActor } = setUp();
    const attempt = handler.handle({ actor: adminActor, userId: 'no-such-user', role: 'trainer' });
    await expect(attempt).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each(['trainer', 'member'] as const)(
    'refuses the studio’s only admin giving up the role (LAST_ADMIN, nothing changes)',
    async (role) => {
      const { handler, users, admin, adminActor } = setUp();
      const attempt = handler.handle({ actor: adminActor, userId: admin.id, role });
      await expect(attempt).rejects.toBeInstanceOf(LastAdminError);
      await expect(attempt).rejects.toMatchObject({ code: 'LAST_ADMIN' });
      expect(users.row(admin.id)?.role).toBe('admin');
      expect(users.outbox).toEqual([]);
    },
  );

  it('lets an admin give up the role while another admin remains', async () => {
    const { handler, users, admin, adminActor } = setUp();
    users.seed(UserMother.admin({ email: 'grace@example.com' }));
    await handler.handle({ actor: adminActor, userId: admin.id, role: 'trainer' });
    expect(users.row(admin.id)?.role).toBe('trainer');
  });

  it('setting the role the account already has answers it and records nothing', async () => {
    const { handler, users, member, adminActor } = setUp();
    await expect(handler.handle({ actor: adminActor, userId: member.id, role: 'member' })).resolves.toMatchObject({
      role: 'member',
    });
    expect(users.outbox).toEqual([]);
  });
});
