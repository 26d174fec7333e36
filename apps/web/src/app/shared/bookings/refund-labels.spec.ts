import type { RefundOutlook } from '@fitflow/api-contract';
import { aBooking, defaultRefundTiers } from '../../../testing/sessions';
import {
  cancelledMessage,
  describePolicy,
  describeRefundChange,
  describeRefunded,
  describeRefundNow,
  describeRefundOutlook,
} from './refund-labels';

const BERLIN = 'Europe/Berlin';
/** Monday 30 November 2026, 01:00 in Berlin. */
const NOW = new Date('2026-11-30T00:00:00.000Z');
/** Tuesday 1 December 2026, 07:00 in Berlin: 24 h before a class at 07:00 on Wednesday. */
const TUESDAY_7 = '2026-12-01T06:00:00.000Z';

/** An outlook as the API sends it; by default 2 credits now, 1 from Tuesday 07:00. */
function outlook(overrides: Partial<RefundOutlook> = {}): RefundOutlook {
  return { percentage: 100, credits: 2, changesAt: TUESDAY_7, nextPercentage: 50, nextCredits: 1, ...overrides };
}

describe('describeRefundOutlook', () => {
  it('says what comes back now and when that changes, in the studio’s time', () => {
    expect(describeRefundOutlook(outlook(), BERLIN, NOW)).toBe('100 % until Tue 07:00, then 50 %');
    expect(describeRefundOutlook(outlook({ percentage: 50, credits: 1, nextPercentage: 0, nextCredits: 0 }), BERLIN, NOW)).toBe(
      '50 % until Tue 07:00, then no credits back',
    );
  });

  it('says "no credits back" where a share of the credits rounds down to none', () => {
    // 1 credit: 100 % is 1 credit, 50 % of it is none.
    expect(describeRefundOutlook(outlook({ credits: 1, nextCredits: 0 }), BERLIN, NOW)).toBe(
      '100 % until Tue 07:00, then no credits back',
    );
    expect(describeRefundOutlook(outlook({ percentage: 50, credits: 0, nextPercentage: 0, nextCredits: 0 }), BERLIN, NOW)).toBe(
      'no credits back',
    );
  });

  it('says what comes back from now on once it does not change any more', () => {
    const steady = { changesAt: null, nextPercentage: null, nextCredits: null };
    expect(describeRefundOutlook(outlook({ ...steady, percentage: 0, credits: 0 }), BERLIN, NOW)).toBe('no credits back');
    expect(describeRefundOutlook(outlook({ ...steady }), BERLIN, NOW)).toBe('100 %');
  });

  it('names the date when the change is a week or more away', () => {
    expect(describeRefundOutlook(outlook({ changesAt: '2026-12-08T06:00:00.000Z' }), BERLIN, NOW)).toBe(
      '100 % until Tue 8 Dec 07:00, then 50 %',
    );
  });
});

describe('describeRefundChange', () => {
  it('is nothing when no change is coming, or none in credits', () => {
    expect(describeRefundChange(outlook(), BERLIN, NOW)).toBe('100 % until Tue 07:00, then 50 %');
    expect(describeRefundChange(outlook({ changesAt: null, nextPercentage: null, nextCredits: null }), BERLIN, NOW)).toBeNull();
    expect(describeRefundChange(outlook({ percentage: 50, credits: 0, nextPercentage: 0, nextCredits: 0 }), BERLIN, NOW)).toBeNull();
  });
});

describe('describeRefundNow', () => {
  it('says what cancelling now gives back, in credits', () => {
    expect(describeRefundNow(outlook())).toBe('If you cancel now, you get 100 % back (2 credits).');
    expect(describeRefundNow(outlook({ percentage: 50, credits: 1 }))).toBe('If you cancel now, you get 50 % back (1 credit).');
  });

  it('says plainly when no credits come back, not "50 % back (0 credits)"', () => {
    expect(describeRefundNow(outlook({ percentage: 50, credits: 0 }))).toBe('If you cancel now, you get no credits back.');
    expect(describeRefundNow(outlook({ percentage: 0, credits: 0 }))).toBe('If you cancel now, you get no credits back.');
  });
});

describe('describeRefunded', () => {
  it('says what a cancellation gave back, as the API recorded it', () => {
    expect(describeRefunded({ refundPercentage: 100, creditsRefunded: 3 })).toBe('100 % refunded (3 credits)');
    expect(describeRefunded({ refundPercentage: 50, creditsRefunded: 0 })).toBe('no credits back');
    expect(describeRefunded({ refundPercentage: 0, creditsRefunded: 0 })).toBe('no credits back');
  });
});

describe('describePolicy', () => {
  it('spells out the studio’s tiers largest first', () => {
    expect(describePolicy(defaultRefundTiers)).toBe(
      'Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 % back; later, no refund.',
    );
    expect(describePolicy([...defaultRefundTiers].reverse())).toBe(describePolicy(defaultRefundTiers));
    expect(describePolicy([])).toBe('Cancelling gives no refund.');
  });
});

describe('cancelledMessage', () => {
  it('says plainly that no credits came back, also when a share of one credit rounded down to none', () => {
    expect(cancelledMessage(aBooking({ status: 'cancelled', refundPercentage: 0, creditsRefunded: 0 }))).toBe(
      'Booking cancelled: Morning Yoga. No credits back.',
    );
    expect(cancelledMessage(aBooking({ status: 'cancelled', creditsSpent: 1, refundPercentage: 50, creditsRefunded: 0 }))).toBe(
      'Booking cancelled: Morning Yoga. No credits back.',
    );
  });
});
