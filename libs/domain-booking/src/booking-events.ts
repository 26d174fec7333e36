import type { DomainEvent } from '@fitflow/domain-shared';
import type { StakeFacts } from './stake';
import type { CheckInMethod } from './check-in';

export const BOOKING_CONFIRMED = 'BookingConfirmed';
export const BOOKING_CANCELLED = 'BookingCancelled';
export const CHECK_IN_RECORDED = 'CheckInRecorded';
export const BOOKING_MARKED_NO_SHOW = 'BookingMarkedNoShow';

/** What every booking event carries, so a notification or a calendar entry needs no query back. */
export interface BookingFacts extends StakeFacts {
  bookingId: string;
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

/** The member arrived: checked in by `recordedBy` (a trainer or an admin), `isLate` after the start plus the grace. */
export type CheckInRecorded = DomainEvent<
  typeof CHECK_IN_RECORDED,
  BookingFacts & { checkedInAt: string; isLate: boolean; method: CheckInMethod; recordedBy: string }
>;

/** The session ended without the member checking in: the booking is a no-show. */
export type BookingMarkedNoShow = DomainEvent<typeof BOOKING_MARKED_NO_SHOW, BookingFacts & { markedAt: string }>;

export type BookingEvent = BookingConfirmed | BookingCancelled | CheckInRecorded | BookingMarkedNoShow;
