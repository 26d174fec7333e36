import type { DomainEvent } from '@fitflow/domain-shared';

export const BOOKING_CONFIRMED = 'BookingConfirmed';
export const BOOKING_CANCELLED = 'BookingCancelled';

/** What every booking event carries, so a notification or a calendar entry needs no query back. */
export interface BookingFacts {
  bookingId: string;
  memberId: string;
  memberEmail: string;
  memberName: string;
  sessionId: string;
  sessionName: string;
  /** ISO-8601 UTC instants. */
  startsAt: string;
  endsAt: string;
  trainerName: string;
  creditsSpent: number;
}

/** A member got a spot; `holdId` names the hold it came from, null for a direct booking. */
export type BookingConfirmed = DomainEvent<typeof BOOKING_CONFIRMED, BookingFacts & { holdId: string | null }>;

/**
 * Who cancelled a booking: its `member` (or an admin on the member's behalf), under the refund policy, or the
 * `studio`, by cancelling the session, with a full refund.
 */
export type CancelledBy = 'member' | 'studio';

/**
 * A booking was cancelled; the spot is free and `creditsRefunded` go back. `reason` is the studio's (the
 * session's cancellation reason), null when the member cancelled.
 */
export type BookingCancelled = DomainEvent<
  typeof BOOKING_CANCELLED,
  BookingFacts & {
    cancelledAt: string;
    cancelledBy: CancelledBy;
    reason: string | null;
    refundPercentage: number;
    creditsRefunded: number;
  }
>;

export type BookingEvent = BookingConfirmed | BookingCancelled;
