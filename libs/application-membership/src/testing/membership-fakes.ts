import { FixedClock } from '@fitflow/domain-shared';
import { FakeAccessTokenIssuer } from './fake-access-token-issuer';
import { FakeCommonPasswords } from './fake-common-passwords';
import { FakePasswordHasher } from './fake-password-hasher';
import { FakeSecrets } from './fake-secrets';
import { InMemoryRefreshTokens } from './in-memory-refresh-tokens';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work';
import { InMemoryUserRepository } from './in-memory-user-repository';
import { InMemoryUsersFinder } from './in-memory-users-finder';
import { SequentialIds } from '@fitflow/application-shared/testing';

export const FAKE_NOW = '2026-12-01T07:00:00.000Z';

/** Every port of the membership context, faked and wired to one in-memory store. */
export function createMembershipFakes(now: Date | string = FAKE_NOW) {
  const users = new InMemoryUserRepository();
  const refreshTokens = new InMemoryRefreshTokens();
  return {
    users,
    refreshTokens,
    uow: new InMemoryUnitOfWork({ users, refreshTokens }),
    finder: new InMemoryUsersFinder(users),
    hasher: new FakePasswordHasher(),
    accessTokens: new FakeAccessTokenIssuer(),
    secrets: new FakeSecrets(),
    ids: new SequentialIds(),
    clock: new FixedClock(now),
    commonPasswords: new FakeCommonPasswords(),
  };
}

export type MembershipFakes = ReturnType<typeof createMembershipFakes>;
