import { describe, expect, it } from 'vitest';
import { InvalidStateError, InvalidValueError } from '@fitflow/domain-shared';
import { RefreshToken, type RefreshTokenSnapshot } from './refresh-token';

const issuedAt = new Date('2026-12-01T07:00:00.000Z');
const anHourLater = new Date('2026-12-01T08:00:00.000Z');
const expiry = new Date('2026-12-31T07:00:00.000Z');

const newToken = { id: 'rt-1', familyId: 'fam-1', userId: 'user-1', tokenHash: 'h-1', credentialsVersion: 2, issuedAt, ttlDays: 30 };

function issued(): RefreshToken {
  return RefreshToken.issue(newToken);
}

function stored(overrides: Partial<RefreshTokenSnapshot>): RefreshToken {
  return RefreshToken.restore({ ...issued().snapshot(), ...overrides });
}

describe('RefreshToken.issue', () => {
  it('expires ttlDays after it was issued', () => {
    expect(issued().snapshot()).toEqual({
      id: 'rt-1',
      familyId: 'fam-1',
      userId: 'user-1',
      tokenHash: 'h-1',
      credentialsVersion: 2,
      issuedAt,
      expiresAt: expiry,
      rotatedAt: null,
      revokedAt: null,
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a lifetime of %s days', (ttlDays) => {
    expect(() => RefreshToken.issue({ ...newToken, ttlDays })).toThrow(InvalidValueError);
  });

  it.each([-1, 0.5, Number.NaN])('refuses a credentials version of %s', (credentialsVersion) => {
    expect(() => RefreshToken.issue({ ...newToken, credentialsVersion })).toThrow(InvalidValueError);
  });
});

describe('RefreshToken.predatesCredentials', () => {
  it('is false while the account keeps the credentials its family began with', () => {
    expect(issued().predatesCredentials(2)).toBe(false);
  });

  it('is true once the account’s password has changed since', () => {
    expect(issued().predatesCredentials(3)).toBe(true);
  });
});

describe('RefreshToken.fateAt', () => {
  it('is usable until the moment it expires', () => {
    expect(issued().fateAt(new Date(expiry.getTime() - 1))).toBe('usable');
    expect(issued().fateAt(expiry)).toBe('dead');
  });

  it('is reused once rotated, so the caller revokes the family', () => {
    expect(stored({ rotatedAt: anHourLater }).fateAt(anHourLater)).toBe('reused');
  });

  it('still counts as reused after expiry, because a copy is in someone else’s hands', () => {
    expect(stored({ rotatedAt: anHourLater }).fateAt(new Date('2027-06-01T00:00:00Z'))).toBe('reused');
  });

  it('is dead once revoked, rotated or not', () => {
    expect(stored({ revokedAt: anHourLater }).fateAt(anHourLater)).toBe('dead');
    expect(stored({ rotatedAt: issuedAt, revokedAt: anHourLater }).fateAt(anHourLater)).toBe('dead');
  });
});

describe('RefreshToken.rotate', () => {
  it('spends a usable token: presenting it again is reuse', () => {
    const token = issued();
    token.rotate(anHourLater);
    expect(token.snapshot().rotatedAt).toEqual(anHourLater);
    expect(token.fateAt(anHourLater)).toBe('reused');
  });

  it.each<[string, Partial<RefreshTokenSnapshot>, Date]>([
    ['already rotated', { rotatedAt: issuedAt }, anHourLater],
    ['revoked', { revokedAt: issuedAt }, anHourLater],
    ['expired', {}, expiry],
  ])('refuses to rotate a token that is %s', (_state, overrides, now) => {
    const token = stored(overrides);
    expect(() => token.rotate(now)).toThrow(InvalidStateError);
    expect(token.snapshot().rotatedAt).toEqual(overrides.rotatedAt ?? null);
  });
});

describe('RefreshToken.revoke', () => {
  it('kills the token', () => {
    const token = issued();
    token.revoke(anHourLater);
    expect(token.snapshot().revokedAt).toEqual(anHourLater);
    expect(token.fateAt(anHourLater)).toBe('dead');
  });

  it('keeps the first revocation moment when revoked again', () => {
    const token = issued();
    token.revoke(anHourLater);
    token.revoke(expiry);
    expect(token.snapshot().revokedAt).toEqual(anHourLater);
  });
});
