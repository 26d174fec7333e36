import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacCheckInCodes } from './hmac-check-in-codes';
import { TEST_JWT_SECRET } from '../../testing/test-env';

const SECRET = TEST_JWT_SECRET;

describe('HmacCheckInCodes', () => {
  const codes = new HmacCheckInCodes(SECRET);
  const bookingId = randomUUID();

  it('makes a 64-character upper-case hex code that names its booking, read back in any case and with whitespace', () => {
    const code = codes.codeFor(bookingId);
    expect(code).toMatch(/^[0-9A-F]{64}$/);
    expect(codes.bookingIdIn(code)).toBe(bookingId);
    expect(codes.bookingIdIn(` ${code.toLowerCase()}\n`)).toBe(bookingId);
    expect(new HmacCheckInCodes(SECRET).codeFor(bookingId)).toBe(code);
  });

  it('refuses a code forged from a booking id, a changed one, one of another secret, and text that is no code', () => {
    const code = codes.codeFor(bookingId);
    const flipped = `${code.slice(0, 63)}${code.endsWith('0') ? '1' : '0'}`;
    const otherBooking = `${randomUUID().replaceAll('-', '').toUpperCase()}${code.slice(32)}`;
    expect(codes.bookingIdIn(flipped)).toBeNull();
    expect(codes.bookingIdIn(otherBooking)).toBeNull();
    expect(codes.bookingIdIn(bookingId.replaceAll('-', '').toUpperCase().repeat(2))).toBeNull();
    expect(codes.bookingIdIn(new HmacCheckInCodes(`${SECRET}-other`).codeFor(bookingId))).toBeNull();
    expect(codes.bookingIdIn(bookingId)).toBeNull();
    expect(codes.bookingIdIn('')).toBeNull();
  });
});
