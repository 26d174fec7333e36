import { aBooking, aSession, defaultRefundTiers } from '../../../testing/sessions';
import {
  bookabilityOf,
  canCancel,
  creditsRefunded,
  describePolicy,
  describeRefundOutlook,
  refundOutlook,
} from './booking-rules';

const BERLIN = 'Europe/Berlin';
/** Tuesday 1 December 2026, 07:00 in Berlin. */
const START = new Date('2026-12-01T06:00:00.000Z');
const HOUR = 3_600_000;
const before = (hours: number, ms = 0) => new Date(START.getTime() - hours * HOUR - ms);

describe('refundOutlook', () => {
  it('gives 100 % more than 24 h before, until exactly 24 h before, then 50 %', () => {
    expect(refundOutlook(START, defaultRefundTiers, before(30))).toEqual({
      percentage: 100,
      changesAt: before(24),
      nextPercentage: 50,
    });
    expect(refundOutlook(START, defaultRefundTiers, before(24, 1)).percentage).toBe(100);
  });

  it('is 50 % at exactly 24 h before (the API refunds more than 24 h only) and until 12 h before', () => {
    expect(refundOutlook(START, defaultRefundTiers, before(24))).toEqual({
      percentage: 50,
      changesAt: before(12),
      nextPercentage: 0,
    });
  });

  it('is nothing from exactly 12 h before, and does not change any more', () => {
    expect(refundOutlook(START, defaultRefundTiers, before(12))).toEqual({ percentage: 0, changesAt: null, nextPercentage: null });
    expect(refundOutlook(START, defaultRefundTiers, before(-1))).toEqual({ percentage: 0, changesAt: null, nextPercentage: null });
  });

  it('reads the tiers in any order, as GET /studio may list them', () => {
    expect(refundOutlook(START, [...defaultRefundTiers].reverse(), before(30)).percentage).toBe(100);
  });
});

describe('describeRefundOutlook', () => {
  it('says what comes back now and when that changes, in the studio’s time', () => {
    const now = before(30); // Monday 30 November, 01:00 in Berlin
    expect(describeRefundOutlook(refundOutlook(START, defaultRefundTiers, now), BERLIN, now)).toBe(
      '100 % until Mon 07:00, then 50 %',
    );
    const later = before(20);
    expect(describeRefundOutlook(refundOutlook(START, defaultRefundTiers, later), BERLIN, later)).toBe(
      '50 % until Mon 19:00, then no refund',
    );
    expect(describeRefundOutlook(refundOutlook(START, defaultRefundTiers, before(2)), BERLIN, before(2))).toBe(
      'no refund from now on',
    );
  });

  it('names the date when the change is a week or more away', () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    expect(describeRefundOutlook(refundOutlook(START, defaultRefundTiers, now), BERLIN, now)).toBe(
      '100 % until Mon 30 Nov 07:00, then 50 %',
    );
  });
});

describe('describePolicy', () => {
  it('spells out the tiers largest first', () => {
    expect(describePolicy(defaultRefundTiers)).toBe(
      'Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 % back; later, no refund.',
    );
    expect(describePolicy([])).toBe('Cancelling gives no refund.');
  });
});

describe('creditsRefunded', () => {
  it('rounds down as the API does', () => {
    expect(creditsRefunded(3, 50)).toBe(1);
    expect(creditsRefunded(2, 100)).toBe(2);
    expect(creditsRefunded(1, 50)).toBe(0);
  });
});

describe('bookabilityOf', () => {
  const now = new Date('2026-11-25T10:00:00.000Z');

  it('is open for a published future session with a free spot', () => {
    expect(bookabilityOf(aSession({ availableSpots: 1 }), now)).toEqual({ kind: 'open' });
  });

  it('says why it cannot be booked: full, started, cancelled, already booked', () => {
    expect(bookabilityOf(aSession({ availableSpots: 0 }), now)).toEqual({ kind: 'closed', reason: 'Class is full' });
    expect(bookabilityOf(aSession({ startsAt: '2026-11-25T09:00:00.000Z' }), now)).toEqual({
      kind: 'closed',
      reason: 'Already started',
    });
    expect(bookabilityOf(aSession({ status: 'in_progress' }), now)).toEqual({ kind: 'closed', reason: 'Already started' });
    expect(bookabilityOf(aSession({ status: 'cancelled' }), now)).toEqual({ kind: 'closed', reason: 'Class cancelled' });
    const bookingId = '9a8b7c6d-5e4f-4a3b-8c2d-000000000001';
    expect(bookabilityOf(aSession({ availableSpots: 0, me: { bookingId, holdId: null, waitlistPosition: null } }), now)).toEqual({
      kind: 'booked',
      bookingId,
    });
  });
});

describe('canCancel', () => {
  it('allows a confirmed booking until its class starts', () => {
    const booking = aBooking({ startsAt: '2026-11-25T10:00:00.000Z' });
    expect(canCancel(booking, new Date('2026-11-25T09:59:59.999Z'))).toBe(true);
    expect(canCancel(booking, new Date('2026-11-25T10:00:00.000Z'))).toBe(false);
    expect(canCancel(aBooking({ status: 'cancelled' }), new Date('2026-11-25T09:00:00.000Z'))).toBe(false);
  });
});
