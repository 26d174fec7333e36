import { describe, expect, it } from 'vitest';
import { InvalidRefreshTokenError } from '../../errors';
import {
  FAKE_NOW,
  FakeAccessTokenIssuer,
  FakeSecrets,
  RefreshTokenMother,
  UserMother,
  createMembershipFakes,
} from '../../testing';
import { RefreshTokenHandler } from './refresh-token.handler';

const now = new Date(FAKE_NOW);

function setUp() {
  const fakes = createMembershipFakes();
  const member = UserMother.member();
  const { token, secret } = RefreshTokenMother.issuedTo(member, { issuedAt: new Date('2026-11-20T07:00:00Z') });
  fakes.users.seed(member);
  fakes.refreshTokens.seed(token);
  const handler = new RefreshTokenHandler(fakes.uow, fakes.accessTokens, fakes.secrets, fakes.ids, fakes.clock);
  return { ...fakes, handler, member, token, secret };
}

describe('RefreshTokenHandler', () => {
  it('trades a usable token for a new pair in the same family', async () => {
    const { handler, refreshTokens, member, token, secret } = setUp();
    const pair = await handler.handle({ refreshToken: secret });
    expect(pair).toMatchObject({
      accessToken: FakeAccessTokenIssuer.tokenFor({ userId: member.id }),
      tokenType: 'Bearer',
    });
    expect(pair.refreshToken).not.toBe(secret);
    expect(refreshTokens.byHash(FakeSecrets.hashOf(pair.refreshToken))).toMatchObject({
      familyId: token.familyId,
      userId: member.id,
      issuedAt: now,
      expiresAt: new Date('2026-12-31T07:00:00.000Z'),
      rotatedAt: null,
    });
  });

  it('spends the presented token: it stops working once rotated', async () => {
    const { handler, refreshTokens, token, secret } = setUp();
    await handler.handle({ refreshToken: secret });
    expect(refreshTokens.byHash(token.tokenHash)?.rotatedAt).toEqual(now);
    await expect(handler.handle({ refreshToken: secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('re-using a rotated refresh token revokes the whole family', async () => {
    const { handler, refreshTokens, token, secret } = setUp();
    const successor = await handler.handle({ refreshToken: secret });
    await expect(handler.handle({ refreshToken: secret })).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    expect(refreshTokens.family(token.familyId).map((row) => row.revokedAt)).toEqual([now, now]);
    await expect(handler.handle({ refreshToken: successor.refreshToken })).rejects.toBeInstanceOf(
      InvalidRefreshTokenError,
    );
  });

  it('commits the revocation of the family even though the call fails', async () => {
    const { handler, uow, secret } = setUp();
    await handler.handle({ refreshToken: secret });
    await expect(handler.handle({ refreshToken: secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    expect(uow.rollbacks).toBe(0);
  });

  it('leaves the other sign-ins of the same account alone when a family is revoked', async () => {
    const { handler, refreshTokens, member, secret } = setUp();
    const otherDevice = RefreshTokenMother.issuedTo(member, { issuedAt: new Date('2026-11-25T07:00:00Z') });
    refreshTokens.seed(otherDevice.token);
    await handler.handle({ refreshToken: secret });
    await expect(handler.handle({ refreshToken: secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    await expect(handler.handle({ refreshToken: otherDevice.secret })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('refuses a token it never issued', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ refreshToken: 'made-up' })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('refuses an expired token without revoking its family', async () => {
    const { handler, refreshTokens, clock, token, secret } = setUp();
    clock.set('2026-12-20T07:00:00.000Z');
    await expect(handler.handle({ refreshToken: secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    expect(refreshTokens.byHash(token.tokenHash)).toMatchObject({ rotatedAt: null, revokedAt: null });
  });

  it('refuses a revoked token', async () => {
    const { handler, refreshTokens, member } = setUp();
    const revoked = RefreshTokenMother.issuedTo(member, { revokedAt: new Date('2026-11-30T07:00:00Z') });
    refreshTokens.seed(revoked.token);
    await expect(handler.handle({ refreshToken: revoked.secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('refuses the token of an account that no longer exists', async () => {
    const { handler, refreshTokens } = setUp();
    const orphan = RefreshTokenMother.issuedTo({ id: 'gone-user' }, { issuedAt: new Date('2026-11-30T07:00:00Z') });
    refreshTokens.seed(orphan.token);
    await expect(handler.handle({ refreshToken: orphan.secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('refuses, and revokes, a token whose family began before the password changed', async () => {
    // What a refresh racing with a password change can leave behind: a token the revocation did not see.
    const { handler, users, refreshTokens, member, token, secret } = setUp();
    member.changePassword('fake-v2$a-new-password', new Date('2026-11-30T07:00:00Z'));
    users.seed(member);
    await expect(handler.handle({ refreshToken: secret })).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    expect(refreshTokens.byHash(token.tokenHash)).toMatchObject({ rotatedAt: null, revokedAt: now });
  });

  it('binds the new pair to the account’s credentials version', async () => {
    const { handler, users, refreshTokens, member } = setUp();
    member.changePassword('fake-v2$a-new-password', new Date('2026-11-30T07:00:00Z'));
    users.seed(member);
    const since = RefreshTokenMother.issuedTo(member, { credentialsVersion: 1, issuedAt: new Date('2026-11-30T08:00:00Z') });
    refreshTokens.seed(since.token);
    const pair = await handler.handle({ refreshToken: since.secret });
    expect(pair.accessToken).toBe(FakeAccessTokenIssuer.tokenFor({ userId: member.id, credentialsVersion: 1 }));
    expect(refreshTokens.byHash(FakeSecrets.hashOf(pair.refreshToken))).toMatchObject({ credentialsVersion: 1 });
  });

  it('does not let two refreshes racing with one token both succeed', async () => {
    const { handler, secret } = setUp();
    const results = await Promise.allSettled([handler.handle({ refreshToken: secret }), handler.handle({ refreshToken: secret })]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});
