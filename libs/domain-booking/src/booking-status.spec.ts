import { describe, expect, it } from 'vitest';
import { BOOKING_STATUSES, describeBookingStatus, isBookingStatus } from './booking-status';

describe('BookingStatus', () => {
  it('is confirmed, cancelled or no_show, as API.md says', () => {
    expect(BOOKING_STATUSES).toEqual(['confirmed', 'cancelled', 'no_show']);
    expect(isBookingStatus('no_show')).toBe(true);
    expect(isBookingStatus('pending')).toBe(false);
  });

  it('is described in sentences with a hyphen, never an underscore', () => {
    expect(BOOKING_STATUSES.map(describeBookingStatus)).toEqual(['confirmed', 'cancelled', 'no-show']);
  });
});
