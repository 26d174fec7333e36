import { describe, expect, it } from 'vitest';
import { FAKE_NOW, RefreshTokenMother, UserMother, createMembershipFakes } from '../../testing';
import { LogoutHandler } from './logout.handler';

const now = new Date(FAKE_NOW);
const earlier = new Date('2026-11-30T07:00:00.000Z');

function setUp() {
  const fakes = createMembershipFakes();
  const member = UserMother.member();
  const rotated = RefreshTokenMother.issuedTo(member, { issuedAt: earlier, rotatedAt: earlier });
  const current = RefreshTokenMother.issuedTo(member, { familyId: rotated.token.familyId, issuedAt: earlier });
  const otherDevice = RefreshTokenMother.issuedTo(member, { issuedAt: earlier });
  fakes.users.seed(member);
  fakes.refreshTokens.seed(rotated.token, current.token, otherDevice.token);
  const handler = new LogoutHandler(fakes.uow, fakes.secrets, fakes.clock);
  return { ...fakes, handler, current, otherDevice };
}

describe('LogoutHandler', () => {
  it('revokes every token of the presented token’s family', async () => {
    const { handler, refreshTokens, current } = setUp();
    await handler.handle({ refreshToken: current.secret });
    expect(refreshTokens.family(current.token.familyId).map((row) => row.revokedAt)).toEqual([now, now]);
  });

  it('keeps the account signed in on its other devices', async () => {
    const { handler, refreshTokens, current, otherDevice } = setUp();
    await handler.handle({ refreshToken: current.secret });
    expect(refreshTokens.byHash(otherDevice.token.tokenHash)?.revokedAt).toBeNull();
  });

  it('accepts a token it does not know, changing nothing', async () => {
    const { handler, refreshTokens } = setUp();
    const before = refreshTokens.rows();
    await expect(handler.handle({ refreshToken: 'never-issued' })).resolves.toBeUndefined();
    expect(refreshTokens.rows()).toEqual(before);
  });

  it('logging out twice is the same as once', async () => {
    const { handler, refreshTokens, clock, current } = setUp();
    await handler.handle({ refreshToken: current.secret });
    clock.advanceMinutes(5);
    await expect(handler.handle({ refreshToken: current.secret })).resolves.toBeUndefined();
    expect(refreshTokens.byHash(current.token.tokenHash)?.revokedAt).toEqual(now);
  });
});
