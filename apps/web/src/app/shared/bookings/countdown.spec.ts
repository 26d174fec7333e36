import { describeCountdown, formatCountdown, percentLeft, remainingMs } from './countdown';

const hold = { createdAt: '2026-11-30T09:00:00.000Z', expiresAt: '2026-11-30T09:10:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('a hold countdown', () => {
  it('counts down to the API’s expiresAt, never below zero', () => {
    expect(remainingMs(hold, at('2026-11-30T09:00:00.000Z'))).toBe(600_000);
    expect(remainingMs(hold, at('2026-11-30T09:09:59.500Z'))).toBe(500);
    expect(remainingMs(hold, at('2026-11-30T09:10:00.000Z'))).toBe(0);
    expect(remainingMs(hold, at('2026-11-30T09:12:00.000Z'))).toBe(0);
  });

  it('reads mm:ss, rounding up so 00:00 shows only once the time is over', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(599_001)).toBe('10:00');
    expect(formatCountdown(599_000)).toBe('09:59');
    expect(formatCountdown(61_000)).toBe('01:01');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5)).toBe('00:00');
  });

  it('says the time left in words for screen readers', () => {
    expect(describeCountdown(599_000)).toBe('9 minutes 59 seconds');
    expect(describeCountdown(60_000)).toBe('1 minute');
    expect(describeCountdown(1_000)).toBe('1 second');
    expect(describeCountdown(0)).toBe('0 seconds');
  });

  it('fills the progress bar with the share of the hold still left', () => {
    expect(percentLeft(hold, at('2026-11-30T09:00:00.000Z'))).toBe(100);
    expect(percentLeft(hold, at('2026-11-30T09:05:00.000Z'))).toBe(50);
    expect(percentLeft(hold, at('2026-11-30T09:11:00.000Z'))).toBe(0);
    // A browser clock behind the API's does not overfill it.
    expect(percentLeft(hold, at('2026-11-30T08:59:00.000Z'))).toBe(100);
  });
});
