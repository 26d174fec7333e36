import { Booking, type BookingSnapshot } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';
import { CAST, type CastMember } from './cast';
import { LONG_AGO } from './session.mother';
import { SequentialIds } from '@fitflow/application-shared/testing';

const ids = new SequentialIds('99999999-0000-4000-8000-');

/** Stored bookings: confirmed by default, of `who` on `session`. */
export const BookingMother = {
  snapshot(session: ClassSession, who: CastMember = 'member', overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
    const { userId, email, name } = CAST[who];
    return {
      id: overrides.id ?? ids.next(),
      memberId: userId,
      memberEmail: email,
      memberName: name,
      sessionId: session.id,
      sessionName: session.name,
      trainerName: CAST.trainer.name,
      startsAt: session.slot.startsAt,
      endsAt: session.slot.endsAt,
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
