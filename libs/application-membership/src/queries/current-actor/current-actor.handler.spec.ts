import { describe, expect, it } from 'vitest';
import { UserMother, createMembershipFakes } from '../../testing';
import { CurrentActorHandler } from './current-actor.handler';

describe('CurrentActorHandler', () => {
  it('answers the role the account has now, not the one it had when its token was issued', async () => {
    const { users, finder } = createMembershipFakes();
    const admin = UserMother.admin();
    const other = UserMother.admin({ email: 'grace@example.com' });
    users.seed(admin, other);
    const handler = new CurrentActorHandler(finder);
    await expect(handler.handle({ userId: admin.id, credentialsVersion: 0 })).resolves.toStrictEqual({ userId: admin.id, role: 'admin' });

    admin.changeRole('trainer', new Date(), other.id, { admins: 2 });
    users.seed(admin);
    await expect(handler.handle({ userId: admin.id, credentialsVersion: 0 })).resolves.toStrictEqual({ userId: admin.id, role: 'trainer' });
  });

  it('answers null for a token issued before the password changed, and the role for one issued after', async () => {
    const { users, finder } = createMembershipFakes();
    const member = UserMother.member();
    member.changePassword('fake-v2$a-new-password', new Date());
    users.seed(member);
    const handler = new CurrentActorHandler(finder);
    await expect(handler.handle({ userId: member.id, credentialsVersion: 0 })).resolves.toBeNull();
    await expect(handler.handle({ userId: member.id, credentialsVersion: 1 })).resolves.toStrictEqual({
      userId: member.id,
      role: 'member',
    });
  });

  it('answers null for an account that does not exist', async () => {
    const { finder } = createMembershipFakes();
    await expect(new CurrentActorHandler(finder).handle({ userId: 'gone', credentialsVersion: 0 })).resolves.toBeNull();
  });
});
