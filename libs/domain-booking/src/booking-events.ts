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

/** A member got a spot. */
export type BookingConfirmed = DomainEvent<typeof BOOKING_CONFIRMED, BookingFacts>;

/** A booking was cancelled before the session started; the spot is free and `creditsRefunded` go back. */
export type BookingCancelled = DomainEvent<
  typeof BOOKING_CANCELLED,
  BookingFacts & { cancelledAt: string; refundPercentage: number; creditsRefunded: number }
>;

export type BookingEvent = BookingConfirmed | BookingCancelled;
