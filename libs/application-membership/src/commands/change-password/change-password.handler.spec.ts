import { describe, expect, it } from 'vitest';
import { USER_PASSWORD_CHANGED } from '@fitflow/domain-membership';
import { UserNotFoundError, WrongCurrentPasswordError } from '../../errors';
import {
  FAKE_NOW,
  FakeAccessTokenIssuer,
  FakePasswordHasher,
  FakeSecrets,
  KNOWN_PASSWORD,
  LONG_AGO,
  RefreshTokenMother,
  UserMother,
  createMembershipFakes,
} from '../../testing';
import { FakePasswordStrength } from '../../testing/fake-password-strength';
import { ChangePasswordHandler } from './change-password.handler';

const now = new Date(FAKE_NOW);
const NEW_PASSWORD = 'lantern-orchard-77';
const lastWeek = { issuedAt: new Date('2026-11-24T07:00:00.000Z') };

function setUp() {
  const fakes = createMembershipFakes();
  const member = UserMother.member({ name: 'Ada Lovelace', email: 'ada@example.com' });
  const other = UserMother.member({ email: 'grace@example.com' });
  fakes.users.seed(member, other);
  const thisDevice = RefreshTokenMother.issuedTo(member, lastWeek);
  const otherDevice = RefreshTokenMother.issuedTo(member, lastWeek);
  const someoneElse = RefreshTokenMother.issuedTo(other, lastWeek);
  fakes.refreshTokens.seed(thisDevice.token, otherDevice.token, someoneElse.token);
  const handler = new ChangePasswordHandler(
    fakes.uow,
    fakes.hasher,
    fakes.commonPasswords,
    new FakePasswordStrength(),
    fakes.accessTokens,
    fakes.secrets,
    fakes.ids,
    fakes.clock,
  );
  const change = (overrides: { currentPassword?: string; newPassword?: string } = {}) =>
    handler.handle({ userId: member.id, currentPassword: KNOWN_PASSWORD, newPassword: NEW_PASSWORD, ...overrides });
  return { ...fakes, handler, change, member, other, thisDevice, otherDevice, someoneElse };
}

describe('ChangePasswordHandler', () => {
  it('stores the new password and moves the credentials version on', async () => {
    const { change, users, member } = setUp();
    await change();
    expect(users.row(member.id)).toMatchObject({
      passwordHash: FakePasswordHasher.hashOf(NEW_PASSWORD),
      credentialsVersion: 1,
      updatedAt: now,
    });
  });

  it('announces the change through the outbox, with no password or hash in it', async () => {
    const { change, users, member } = setUp();
    await change();
    expect(users.outbox).toEqual([
      expect.objectContaining({
        type: USER_PASSWORD_CHANGED,
        payload: { userId: member.id, email: 'ada@example.com', name: 'Ada Lovelace' },
      }),
    ]);
    expect(JSON.stringify(users.outbox)).not.toMatch(new RegExp(`${NEW_PASSWORD}|${KNOWN_PASSWORD}`));
  });

  it('signs every session of the account out and leaves other accounts alone', async () => {
    const { change, refreshTokens, thisDevice, otherDevice, someoneElse } = setUp();
    await change();
    expect(refreshTokens.byHash(thisDevice.token.tokenHash)?.revokedAt).toEqual(now);
    expect(refreshTokens.byHash(otherDevice.token.tokenHash)?.revokedAt).toEqual(now);
    expect(refreshTokens.byHash(someoneElse.token.tokenHash)?.revokedAt).toBeNull();
  });

  it('keeps the caller signed in: a new pair, in a new family, bound to the new credentials', async () => {
    const { change, refreshTokens, member, thisDevice, otherDevice } = setUp();
    const pair = await change();
    expect(pair.accessToken).toBe(FakeAccessTokenIssuer.tokenFor({ userId: member.id, credentialsVersion: 1 }));
    const stored = refreshTokens.byHash(FakeSecrets.hashOf(pair.refreshToken));
    expect(stored).toMatchObject({ userId: member.id, credentialsVersion: 1, issuedAt: now, revokedAt: null });
    expect([thisDevice.token.familyId, otherDevice.token.familyId]).not.toContain(stored?.familyId);
  });

  it('refuses a wrong current password, naming that field, and changes nothing', async () => {
    const { change, users, refreshTokens, member, thisDevice } = setUp();
    const refusal = change({ currentPassword: 'not-my-password-1' });
    await expect(refusal).rejects.toBeInstanceOf(WrongCurrentPasswordError);
    await expect(refusal).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'currentPassword' });
    expect(users.row(member.id)).toMatchObject({
      passwordHash: FakePasswordHasher.hashOf(KNOWN_PASSWORD),
      credentialsVersion: 0,
      updatedAt: LONG_AGO,
    });
    expect(refreshTokens.byHash(thisDevice.token.tokenHash)?.revokedAt).toBeNull();
    expect(users.outbox).toEqual([]);
  });

  it.each([
    ['too short', 'short-1', /at least 10/],
    ['commonly breached', 'password123', /too common/],
    ['easy to guess', 'x'.repeat(12), /Too easy to guess/],
    ['built on the person’s name', 'AdaLovelace-2026', /contains your name/],
  ])('refuses a new password that is %s, naming that field, before checking the current one', async (_case, newPassword, message) => {
    const { change, users, hasher, member } = setUp();
    await expect(change({ newPassword })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'newPassword',
      message: expect.stringMatching(message),
    });
    expect(hasher.verified).toEqual([]);
    expect(users.row(member.id)?.credentialsVersion).toBe(0);
  });

  it('refuses the current password as the new one', async () => {
    const { change, users, member } = setUp();
    await expect(change({ newPassword: KNOWN_PASSWORD })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'newPassword' });
    expect(users.row(member.id)?.credentialsVersion).toBe(0);
  });

  it('refuses when the password changed while the current one was being checked', async () => {
    const { change, users, hasher, member } = setUp();
    const verify = hasher.verify.bind(hasher);
    hasher.verify = async (hash, plain) => {
      const result = await verify(hash, plain);
      const meanwhile = await users.get(member.id);
      meanwhile?.changePassword(FakePasswordHasher.hashOf('changed-elsewhere-9'), now);
      if (meanwhile) await users.save(meanwhile);
      return result;
    };
    await expect(change()).rejects.toBeInstanceOf(WrongCurrentPasswordError);
    expect(users.row(member.id)).toMatchObject({ passwordHash: FakePasswordHasher.hashOf('changed-elsewhere-9'), credentialsVersion: 1 });
  });

  it('answers NOT_FOUND for an account that no longer exists', async () => {
    const { handler } = setUp();
    await expect(handler.handle({ userId: 'gone', currentPassword: KNOWN_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toBeInstanceOf(
      UserNotFoundError,
    );
  });
});
