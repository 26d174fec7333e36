import type { BookingSnapshot } from '@fitflow/domain-booking';
import type { BookingView } from './ports';

/**
 * API.md `Booking` from a stored booking. Check-in does not exist yet: `checkedInAt` is as stored (null) and
 * `isLate` false.
 */
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
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    isLate: false,
  };
}
