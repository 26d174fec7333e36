import { describe, expect, it } from 'vitest';
import { USER_AUTHENTICATED } from '@fitflow/domain-membership';
import { InvalidCredentialsError } from '../../errors';
import {
  FAKE_ACCESS_TOKEN_TTL_SECONDS,
  FAKE_NOW,
  FakeAccessTokenIssuer,
  FakePasswordHasher,
  FakeSecrets,
  KNOWN_PASSWORD,
  LONG_AGO,
  UserMother,
  createMembershipFakes,
} from '../../testing';
import { AuthenticateUserHandler } from './authenticate-user.handler';

function setUp() {
  const fakes = createMembershipFakes();
  const trainer = UserMother.trainer({ email: 'ada@example.com' });
  fakes.users.seed(trainer);
  const handler = new AuthenticateUserHandler(
    fakes.uow,
    fakes.hasher,
    fakes.accessTokens,
    fakes.secrets,
    fakes.ids,
    fakes.clock,
  );
  return { ...fakes, handler, trainer };
}

describe('AuthenticateUserHandler', () => {
  it('answers an access token for the account and role, and a refresh token', async () => {
    const { handler, trainer } = setUp();
    const pair = await handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD });
    expect(pair).toEqual({
      accessToken: FakeAccessTokenIssuer.tokenFor({ userId: trainer.id }),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: FAKE_ACCESS_TOKEN_TTL_SECONDS,
    });
  });

  it('stores the refresh token only as a hash, living 30 days', async () => {
    const { handler, refreshTokens, trainer } = setUp();
    const { refreshToken } = await handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD });
    expect(refreshTokens.rows()).toEqual([
      expect.objectContaining({
        userId: trainer.id,
        tokenHash: FakeSecrets.hashOf(refreshToken),
        issuedAt: new Date(FAKE_NOW),
        expiresAt: new Date('2026-12-31T07:00:00.000Z'),
        rotatedAt: null,
        revokedAt: null,
      }),
    ]);
    expect(JSON.stringify(refreshTokens.rows())).not.toContain(`"${refreshToken}"`);
  });

  it('starts a new token family at every sign-in', async () => {
    const { handler, refreshTokens } = setUp();
    await handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD });
    await handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD });
    expect(new Set(refreshTokens.rows().map((row) => row.familyId)).size).toBe(2);
  });

  it('finds the account whatever the case of the email', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ email: ' ADA@Example.com ', password: KNOWN_PASSWORD })).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('records UserAuthenticated', async () => {
    const { handler, users, trainer } = setUp();
    await handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD });
    expect(users.outbox).toMatchObject([
      { type: USER_AUTHENTICATED, payload: { userId: trainer.id, email: 'ada@example.com' } },
    ]);
  });

  it('refuses a wrong password and issues nothing', async () => {
    const { handler, users, refreshTokens } = setUp();
    await expect(handler.handle({ email: 'ada@example.com', password: 'wrong-password' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(refreshTokens.rows()).toEqual([]);
    expect(users.outbox).toEqual([]);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const { handler } = setUp();
    const wrongPassword = await handler.handle({ email: 'ada@example.com', password: 'wrong-password' }).catch((e) => e);
    const unknownEmail = await handler.handle({ email: 'bob@example.com', password: KNOWN_PASSWORD }).catch((e) => e);
    expect(unknownEmail).toBeInstanceOf(InvalidCredentialsError);
    expect({ code: unknownEmail.code, message: unknownEmail.message }).toEqual({
      code: wrongPassword.code,
      message: wrongPassword.message,
    });
    expect(unknownEmail.code).toBe('INVALID_CREDENTIALS');
  });

  it('spends a hash verification on an unknown email, so timing does not tell it apart', async () => {
    const { handler, hasher } = setUp();
    await expect(handler.handle({ email: 'bob@example.com', password: KNOWN_PASSWORD })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(hasher.verified).toHaveLength(1);
  });

  it('treats a malformed email as an unknown one, verification spent', async () => {
    const { handler, hasher } = setUp();
    await expect(handler.handle({ email: 'not an email', password: KNOWN_PASSWORD })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(hasher.verified).toHaveLength(1);
  });

  it('upgrades a hash made with weaker parameters', async () => {
    const { handler, users } = setUp();
    const old = UserMother.member({ email: 'old@example.com', passwordHash: FakePasswordHasher.legacyHashOf('kettle-bell-42') });
    users.seed(old);
    await handler.handle({ email: 'old@example.com', password: 'kettle-bell-42' });
    expect(users.row(old.id)).toMatchObject({
      passwordHash: FakePasswordHasher.hashOf('kettle-bell-42'),
      updatedAt: new Date(FAKE_NOW),
    });
  });

  it('leaves a current hash as it is', async () => {
    const { handler, users, trainer } = setUp();
    await handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD });
    expect(users.row(trainer.id)).toMatchObject({
      passwordHash: FakePasswordHasher.hashOf(KNOWN_PASSWORD),
      updatedAt: LONG_AGO,
    });
  });

  it('refuses when the password changed while it was being checked', async () => {
    const { handler, users, hasher, trainer } = setUp();
    const verify = hasher.verify.bind(hasher);
    hasher.verify = async (hash, plain) => {
      const result = await verify(hash, plain);
      const changed = await users.get(trainer.id);
      changed?.changePasswordHash(FakePasswordHasher.hashOf('a-new-password'), new Date(FAKE_NOW));
      if (changed) await users.save(changed);
      return result;
    };
    await expect(handler.handle({ email: 'ada@example.com', password: KNOWN_PASSWORD })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
  });
});
