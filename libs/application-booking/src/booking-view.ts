import { type BookingSnapshot, cancelledByOf } from '@fitflow/domain-booking';
import type { BookingView } from './ports';

/** API.md `Booking` from a stored booking: `checkedInAt` as stored, `isLate` false. */
export function toBookingView(row: BookingSnapshot): BookingView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    sessionName: row.sessionName,
    trainerName: row.trainerName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    refundPercentage: row.refundPercentage,
    creditsSpent: row.creditsSpent,
    creditsRefunded: row.creditsRefunded,
    cancelledBy: cancelledByOf(row),
    cancellationReason: row.cancellationReason,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    isLate: false,
  };
}
