import { Booking, type BookingSnapshot } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';
import { type CastMember, stakeOf } from './cast';
import { LONG_AGO } from './session.mother';
import { SequentialIds } from '@fitflow/application-shared/testing';

const ids = new SequentialIds('99999999-0000-4000-8000-');

/** Stored bookings: confirmed by default, of `who` on `session`. */
export const BookingMother = {
  snapshot(session: ClassSession, who: CastMember = 'member', overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
    return {
      id: overrides.id ?? ids.next(),
      ...stakeOf(session, who),
      status: 'confirmed',
      creditsSpent: session.creditCost.value,
      createdAt: LONG_AGO,
      cancelledAt: null,
      refundPercentage: null,
      creditsRefunded: null,
      cancellationReason: null,
      checkedInAt: null,
      holdId: null,
      ...overrides,
    };
  },

  confirmed(session: ClassSession, who: CastMember = 'member', overrides: Partial<BookingSnapshot> = {}): Booking {
    return Booking.restore(BookingMother.snapshot(session, who, { ...overrides, status: 'confirmed' }));
  },

  cancelled(session: ClassSession, who: CastMember = 'member', overrides: Partial<BookingSnapshot> = {}): Booking {
    return Booking.restore(
      BookingMother.snapshot(session, who, {
        cancelledAt: LONG_AGO,
        refundPercentage: 100,
        creditsRefunded: session.creditCost.value,
        ...overrides,
        status: 'cancelled',
      }),
    );
  },
};
