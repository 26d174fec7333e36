import { describe, expect, it } from 'vitest';
import { createMembershipFakes } from './membership-fakes';
import { UserMother } from './user.mother';

describe('InMemoryUnitOfWork', () => {
  it('keeps what a transaction saved once it completes', async () => {
    const { uow, users } = createMembershipFakes();
    const user = UserMother.member();
    user.changeRole('trainer', new Date(), 'admin-1', { admins: 1 });
    await uow.transaction(({ users: tx }) => tx.save(user));
    expect(users.row(user.id)?.role).toBe('trainer');
    expect(users.outbox).toHaveLength(1);
  });

  it('puts rows and outbox back as they were when the work throws', async () => {
    const { uow, users } = createMembershipFakes();
    const user = UserMother.member();
    users.seed(user);
    user.changeRole('trainer', new Date(), 'admin-1', { admins: 1 });
    const failing = uow.transaction(async ({ users: tx }) => {
      await tx.save(user);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(users.row(user.id)?.role).toBe('member');
    expect(users.outbox).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });
});
