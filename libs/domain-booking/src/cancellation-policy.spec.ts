import { describe, expect, it } from 'vitest';
import { CancellationPolicy, refundedCredits } from './cancellation-policy';

const startsAt = new Date('2026-12-03T07:00:00.000Z');
const hoursBefore = (hours: number, extraMs = 0) => new Date(startsAt.getTime() - hours * 3_600_000 - extraMs);

describe('CancellationPolicy (default 24 h → 100 %, 12 h → 50 %)', () => {
  const policy = CancellationPolicy.default();

  it.each([
    ['48 h before', hoursBefore(48), 100],
    ['a millisecond more than 24 h before', hoursBefore(24, 1), 100],
    ['exactly 24 h before', hoursBefore(24), 50],
    ['a millisecond more than 12 h before', hoursBefore(12, 1), 50],
    ['exactly 12 h before', hoursBefore(12), 0],
    ['an hour before', hoursBefore(1), 0],
  ])('refunds for a cancellation %s: %i %%', (_, cancelledAt, percentage) => {
    expect(policy.refundFor(startsAt, cancelledAt)).toBe(percentage);
  });

  it('tells when 100 % drops to 50 %: at 24 h before the start', () => {
    expect(policy.whenChanges(startsAt, hoursBefore(30))).toEqual({ at: hoursBefore(24), refundPercentage: 50 });
  });

  it('tells when 50 % drops to 0 %, from exactly 24 h before on', () => {
    expect(policy.whenChanges(startsAt, hoursBefore(24))).toEqual({ at: hoursBefore(12), refundPercentage: 0 });
  });

  it('tells nothing once no refund is left', () => {
    expect(policy.whenChanges(startsAt, hoursBefore(12))).toBeNull();
  });
});

describe('CancellationPolicy.outlook', () => {
  const policy = CancellationPolicy.default();

  it('tells the refund now, in percent and credits, and when and to what it drops next', () => {
    expect(policy.outlook(startsAt, 3, hoursBefore(30))).toEqual({
      percentage: 100,
      credits: 3,
      changesAt: hoursBefore(24),
      nextPercentage: 50,
      nextCredits: 1,
    });
  });

  it('rounds credits down, as a cancel does: 50 % of 1 credit is nothing', () => {
    expect(policy.outlook(startsAt, 1, hoursBefore(20))).toMatchObject({ percentage: 50, credits: 0, nextPercentage: 0, nextCredits: 0 });
    expect(refundedCredits(5, 50)).toBe(2);
  });

  it('tells no change once nothing is left to refund, and nothing from the start on', () => {
    expect(policy.outlook(startsAt, 3, hoursBefore(12))).toEqual({ percentage: 0, credits: 0, changesAt: null, nextPercentage: null, nextCredits: null });
    expect(policy.outlook(startsAt, 3, startsAt)).toMatchObject({ percentage: 0, changesAt: null });
  });
});

describe('CancellationPolicy from configured tiers', () => {
  it('sorts the tiers largest hours first, whatever order they come in', () => {
    const policy = CancellationPolicy.create([
      { hoursBefore: 2, refundPercentage: 25 },
      { hoursBefore: 48, refundPercentage: 100 },
    ]);
    expect(policy.tiers).toEqual([
      { hoursBefore: 48, refundPercentage: 100 },
      { hoursBefore: 2, refundPercentage: 25 },
    ]);
    expect(policy.refundFor(startsAt, hoursBefore(30))).toBe(25);
    expect(policy.refundFor(startsAt, hoursBefore(49))).toBe(100);
  });

  it('refunds nothing without tiers', () => {
    expect(CancellationPolicy.create([]).refundFor(startsAt, hoursBefore(100))).toBe(0);
  });

  it.each([
    [{ hoursBefore: -1, refundPercentage: 50 }, 'hoursBefore'],
    [{ hoursBefore: 12, refundPercentage: 101 }, 'refundPercentage'],
    [{ hoursBefore: 12, refundPercentage: 12.5 }, 'refundPercentage'],
  ])('refuses the tier %o with VALIDATION_FAILED', (tier, field) => {
    expect(() => CancellationPolicy.create([tier])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });

  it('refuses two tiers with the same hours', () => {
    expect(() =>
      CancellationPolicy.create([
        { hoursBefore: 12, refundPercentage: 50 },
        { hoursBefore: 12, refundPercentage: 25 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
