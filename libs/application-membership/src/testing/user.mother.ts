import { RefreshToken, type RefreshTokenSnapshot, type Role, User, type UserSnapshot } from '@fitflow/domain-membership';
import { FakePasswordHasher } from './fake-password-hasher';
import { FakeSecrets } from './fake-secrets';
import { SequentialIds } from '@fitflow/application-shared/testing';

/** The password every mothered user has, hashed the way FakePasswordHasher does. */
export const KNOWN_PASSWORD = 'correct-horse-battery';
export const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');

// A prefix of their own, so mothered ids never collide with the ids a handler draws from SequentialIds.
const ids = new SequentialIds('aaaaaaaa-0000-4000-8000-');

export const UserMother = {
  snapshot(overrides: Partial<UserSnapshot> = {}): UserSnapshot {
    const id = overrides.id ?? ids.next();
    return {
      id,
      email: `user-${id.slice(-4)}@example.com`,
      name: 'Ada Lovelace',
      role: 'member',
      passwordHash: FakePasswordHasher.hashOf(KNOWN_PASSWORD),
      credentialsVersion: 0,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
      ...overrides,
    };
  },

  withRole(role: Role, overrides: Partial<UserSnapshot> = {}): User {
    return User.restore(UserMother.snapshot({ ...overrides, role }));
  },

  member(overrides: Partial<UserSnapshot> = {}): User {
    return UserMother.withRole('member', overrides);
  },

  trainer(overrides: Partial<UserSnapshot> = {}): User {
    return UserMother.withRole('trainer', overrides);
  },

  admin(overrides: Partial<UserSnapshot> = {}): User {
    return UserMother.withRole('admin', overrides);
  },
};

export const RefreshTokenMother = {
  /** A stored token and the secret its holder presents (hashed the way FakeSecrets does). */
  issuedTo(
    user: { id: string },
    overrides: Partial<RefreshTokenSnapshot> & { secret?: string } = {},
  ): { token: RefreshToken; secret: string } {
    const { secret = `presented-${ids.next()}`, ...fields } = overrides;
    const issued = RefreshToken.issue({
      id: ids.next(),
      familyId: ids.next(),
      userId: user.id,
      tokenHash: FakeSecrets.hashOf(secret),
      credentialsVersion: fields.credentialsVersion ?? 0,
      issuedAt: fields.issuedAt ?? LONG_AGO,
      ttlDays: 30,
    });
    return { token: RefreshToken.restore({ ...issued.snapshot(), ...fields }), secret };
  },
};
