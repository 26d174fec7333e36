import { type BookingSnapshot, bookingStatusAt, cancelledByOf } from '@fitflow/domain-booking';
import type { BookingView } from './ports';

/**
 * What a read knows beyond the stored booking: the instant it reads at (the no-show rule applies from the
 * session's end, whether or not the no-show job has run) and whether its check-in was late (kept with the check-in).
 */
export interface BookingReading {
  now: Date;
  checkInLate: boolean;
}

/**
 * API.md `Booking` from a stored booking. Finders pass a `reading`: the status follows the no-show rule at its `now`
 * and `isLate` is the check-in's. Without one (the answer of a write, made before the session starts), the status is
 * as stored and `isLate` false, which before the start they are.
 */
export function toBookingView(row: BookingSnapshot, reading?: BookingReading): BookingView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    sessionName: row.sessionName,
    trainerName: row.trainerName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: reading ? bookingStatusAt(row, reading.now) : row.status,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    refundPercentage: row.refundPercentage,
    creditsSpent: row.creditsSpent,
    creditsRefunded: row.creditsRefunded,
    cancelledBy: cancelledByOf(row),
    cancellationReason: row.cancellationReason,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    isLate: reading?.checkInLate ?? false,
  };
}
