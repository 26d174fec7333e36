import type { MembershipRepository } from '@fitflow/application-membership';
import type { Booking } from '@fitflow/domain-booking';
import type { Membership } from '@fitflow/domain-membership';
import { MemberNotFoundError } from './errors';

/**
 * A booking's credits move in the booking's own transaction, after its session row (and a hold's row) is locked:
 * the member's balance is the last lock of ARCHITECTURE.md's order. A refusal (INSUFFICIENT_CREDITS,
 * CREDITS_EXPIRED) throws before anything is written, so the whole booking rolls back with it.
 */
export const BookingCredits = {
  /**
   * The balance a booking at `creditCost` spends from, locked; a free class locks nothing. Start it together with
   * the other reads under the session's lock: they share one round trip.
   */
  async balanceFor(memberships: MembershipRepository, memberId: string, creditCost: number): Promise<Membership | null> {
    return creditCost === 0 ? null : BookingCredits.lockBalance(memberships, memberId);
  },

  /**
   * The member's balance, locked (and opened empty if they have none), whatever the class costs: a booking starts
   * it with the session's lock, before it knows the cost, so that all it reads shares that lock's round trip.
   */
  async lockBalance(memberships: MembershipRepository, memberId: string): Promise<Membership> {
    const membership = await memberships.getForUpdate(memberId);
    if (!membership) throw new MemberNotFoundError(memberId);
    return membership;
  },

  /**
   * Spends the booking's `creditsSpent` from the balance `balanceFor` or `lockBalance` locked. Save the answer
   * together with the booking (its ledger line names the booking; the foreign key is checked at commit).
   */
  charge(balance: Membership | null, booking: Booking, now: Date): ChargedCredits {
    if (booking.creditsSpent === 0) return { save: async () => undefined };
    if (!balance) throw new Error('A paid booking is charged from the balance it locked');
    balance.deductCredits(booking.creditsSpent, chargeOf(booking), now);
    return { save: async (memberships) => void (await memberships.save(balance)) };
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

/** A deduction decided and waiting to be saved. */
export interface ChargedCredits {
  save(memberships: MembershipRepository): Promise<void>;
}

function chargeOf(booking: Booking) {
  return { bookingId: booking.id, sessionName: booking.snapshot().sessionName };
}
