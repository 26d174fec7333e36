import type { Booking, Session, Studio } from '@fitflow/api-contract';
import { formatMoment } from '../../core/time/studio-time';

export type RefundTier = Studio['cancellationPolicy'][number];

const HOUR_MS = 3_600_000;

/** What cancelling pays back now, and when and to what that drops next. */
export interface RefundOutlook {
  percentage: number;
  /** When the percentage drops next; null when it will not change any more. */
  changesAt: Date | null;
  /** The percentage from `changesAt` on. */
  nextPercentage: number | null;
}

/**
 * The studio's refund rule as the API applies it (GET /studio lists the tiers): cancelling MORE than a tier's
 * hours before the start refunds its percentage, the tier with the most hours first; no tier applies → 0 %.
 * Exactly 24 h before is already the 12 h tier's.
 */
export function refundOutlook(startsAt: Date | string, tiers: readonly RefundTier[], now: Date): RefundOutlook {
  const start = new Date(startsAt).getTime();
  const sorted = [...tiers].sort((a, b) => b.hoursBefore - a.hoursBefore);
  const index = sorted.findIndex((tier) => start - now.getTime() > tier.hoursBefore * HOUR_MS);
  const current = sorted[index];
  if (!current) return { percentage: 0, changesAt: null, nextPercentage: null };
  return {
    percentage: current.refundPercentage,
    changesAt: new Date(start - current.hoursBefore * HOUR_MS),
    nextPercentage: sorted[index + 1]?.refundPercentage ?? 0,
  };
}

/** Credits a refund of `percentage` gives back, rounded down as the API does. */
export function creditsRefunded(creditsSpent: number, percentage: number): number {
  return Math.floor((creditsSpent * percentage) / 100);
}

/** "100 % until Tue 07:00, then 50 %"; "50 % until Mon 19:00, then no refund"; "no refund from now on". */
export function describeRefundOutlook(outlook: RefundOutlook, timeZone: string, now: Date): string {
  if (outlook.changesAt === null) return outlook.percentage === 0 ? 'no refund from now on' : `${outlook.percentage} %`;
  const until = formatMoment(outlook.changesAt, timeZone, now);
  const then = outlook.nextPercentage ? `${outlook.nextPercentage} %` : 'no refund';
  return `${outlook.percentage} % until ${until}, then ${then}`;
}

/** "Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 %; later, no refund." */
export function describePolicy(tiers: readonly RefundTier[]): string {
  const sorted = [...tiers].filter((tier) => tier.refundPercentage > 0).sort((a, b) => b.hoursBefore - a.hoursBefore);
  if (sorted.length === 0) return 'Cancelling gives no refund.';
  const parts = sorted.map(
    (tier, i) =>
      `more than ${tier.hoursBefore} h before${i === 0 ? ' the start' : ''} for ${tier.refundPercentage} % back`,
  );
  return `Cancel ${parts.join(', ')}; later, no refund.`;
}

/** Whether the viewer can book a session now, and if not, why (shown beside the disabled button). */
export type Bookability =
  | { kind: 'open' }
  | { kind: 'booked'; bookingId: string }
  | { kind: 'closed'; reason: string };

export function bookabilityOf(
  session: Pick<Session, 'status' | 'startsAt' | 'availableSpots' | 'me'>,
  now: Date,
): Bookability {
  const bookingId = session.me?.bookingId;
  if (bookingId) return { kind: 'booked', bookingId };
  switch (session.status) {
    case 'cancelled':
      return { kind: 'closed', reason: 'Class cancelled' };
    case 'completed':
      return { kind: 'closed', reason: 'Class is over' };
    case 'in_progress':
      return { kind: 'closed', reason: 'Already started' };
    case 'draft':
      return { kind: 'closed', reason: 'Not open for booking yet' };
  }
  if (new Date(session.startsAt).getTime() <= now.getTime()) return { kind: 'closed', reason: 'Already started' };
  if (session.availableSpots <= 0) return { kind: 'closed', reason: 'Class is full' };
  return { kind: 'open' };
}

/** A confirmed booking can be cancelled until its class starts (the API refuses it from then on). */
export function canCancel(booking: Pick<Booking, 'status' | 'startsAt'>, now: Date): boolean {
  return booking.status === 'confirmed' && new Date(booking.startsAt).getTime() > now.getTime();
}
