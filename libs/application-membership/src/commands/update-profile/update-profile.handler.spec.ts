import { describe, expect, it } from 'vitest';
import { USER_RENAMED } from '@fitflow/domain-membership';
import { FAKE_NOW, LONG_AGO, UserMother, createMembershipFakes } from '../../testing';
import { UpdateProfileHandler } from './update-profile.handler';

function setUp() {
  const fakes = createMembershipFakes();
  const member = UserMother.member({ name: 'Ada Lovelace', email: 'ada@example.com' });
  fakes.users.seed(member);
  return { ...fakes, member, handler: new UpdateProfileHandler(fakes.uow, fakes.clock) };
}

describe('UpdateProfileHandler', () => {
  it('renames the account and answers it as GET /me would', async () => {
    const { handler, users, member } = setUp();
    await expect(handler.handle({ userId: member.id, name: '  Ada King ' })).resolves.toEqual({
      id: member.id,
      email: 'ada@example.com',
      name: 'Ada King',
      role: 'member',
    });
    expect(users.row(member.id)).toMatchObject({ name: 'Ada King', updatedAt: new Date(FAKE_NOW) });
  });

  it('announces the new name through the outbox', async () => {
    const { handler, users, member } = setUp();
    await handler.handle({ userId: member.id, name: 'Ada King' });
    expect(users.outbox).toMatchObject([
      { type: USER_RENAMED, payload: { userId: member.id, email: 'ada@example.com', from: 'Ada Lovelace', to: 'Ada King' } },
    ]);
  });

  it.each([
    ['an empty name', '   '],
    ['a name over 100 characters', 'A'.repeat(101)],
  ])('refuses %s, naming the field, and changes nothing', async (_case, name) => {
    const { handler, users, member } = setUp();
    await expect(handler.handle({ userId: member.id, name })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    expect(users.row(member.id)).toMatchObject({ name: 'Ada Lovelace', updatedAt: LONG_AGO });
    expect(users.outbox).toEqual([]);
  });

  it('answers NOT_FOUND for an account that no longer exists', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ userId: 'gone', name: 'Ada King' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
