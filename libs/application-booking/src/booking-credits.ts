import type { MembershipRepository } from '@fitflow/application-membership';
import type { Booking } from '@fitflow/domain-booking';
import { MemberNotFoundError } from './errors';

/**
 * A booking's credits move in the booking's own transaction, after its session row and its booking row are locked:
 * the member's balance is the last lock of ARCHITECTURE.md's order. A refusal (INSUFFICIENT_CREDITS,
 * CREDITS_EXPIRED) throws before anything is written, so the whole booking rolls back with it.
 */
export const BookingCredits = {
  /** Spends the booking's `creditsSpent` (a free class locks and writes nothing); call before saving the booking. */
  async charge(memberships: MembershipRepository, booking: Booking, now: Date): Promise<ChargedCredits> {
    if (booking.creditsSpent === 0) return { save: async () => undefined };
    const membership = await memberships.getForUpdate(booking.memberId);
    if (!membership) throw new MemberNotFoundError(booking.memberId);
    membership.deductCredits(booking.creditsSpent, chargeOf(booking), now);
    // The ledger line names the booking, so it is written once the booking row exists.
    return { save: async () => void (await memberships.save(membership)) };
  },

  /** Gives back the cancelled booking's `creditsRefunded`; nothing back locks and writes nothing. Save the booking first. */
  async refund(memberships: MembershipRepository, booking: Booking, now: Date): Promise<void> {
    const credits = booking.creditsRefunded ?? 0;
    if (credits === 0) return;
    const membership = await memberships.getForUpdate(booking.memberId);
    if (!membership) throw new MemberNotFoundError(booking.memberId);
    membership.refundCredits(credits, { ...chargeOf(booking), refundPercentage: booking.refundPercentage ?? 100 }, now);
    await memberships.save(membership);
  },
};

/** A deduction decided and waiting for its booking's row. */
export interface ChargedCredits {
  save(): Promise<void>;
}

function chargeOf(booking: Booking) {
  return { bookingId: booking.id, sessionName: booking.snapshot().sessionName };
}
