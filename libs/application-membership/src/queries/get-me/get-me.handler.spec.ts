import { describe, expect, it } from 'vitest';
import { UserNotFoundError } from '../../errors';
import { UserMother, createMembershipFakes } from '../../testing';
import { GetMeHandler } from './get-me.handler';

describe('GetMeHandler', () => {
  it('answers the account’s id, email, name and role, and nothing more', async () => {
    const { users, finder } = createMembershipFakes();
    const trainer = UserMother.trainer({ email: 'ada@example.com', name: 'Ada Lovelace' });
    users.seed(trainer);
    await expect(new GetMeHandler(finder).handle({ userId: trainer.id })).resolves.toStrictEqual({
      id: trainer.id,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'trainer',
    });
  });

  it('answers NOT_FOUND when the account is gone', async () => {
    const { finder } = createMembershipFakes();
    const attempt = new GetMeHandler(finder).handle({ userId: 'gone' });
    await expect(attempt).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
