import type { Booking, RefundOutlook, Studio } from '@fitflow/api-contract';
import { formatMoment } from '../../core/time/studio-time';
import { creditsLabel } from '../sessions/session-labels';

/*
 * Words for refunds: what the API computed (a session's or booking's `refundOutlook`, a cancelled booking's refund)
 * and the studio's configured tiers (GET /studio). Nothing here decides a refund; the API does.
 */

export type RefundTier = Studio['cancellationPolicy'][number];

/** "100 %", or "no credits back" when the share pays back nothing (0 %, or 50 % of 1 credit, rounded down). */
function share(percentage: number, credits: number): string {
  return credits === 0 ? 'no credits back' : `${percentage} %`;
}

/**
 * When what comes back changes next: "100 % until Tue 07:00, then 50 %", "100 % until Tue 07:00, then no credits
 * back"; null when no change is coming, or none in credits.
 */
export function describeRefundChange(outlook: RefundOutlook, timeZone: string, now: Date): string | null {
  const { percentage, credits, changesAt, nextPercentage, nextCredits } = outlook;
  if (changesAt === null || (credits === 0 && !nextCredits)) return null;
  const until = formatMoment(changesAt, timeZone, now);
  return `${share(percentage, credits)} until ${until}, then ${share(nextPercentage ?? 0, nextCredits ?? 0)}`;
}

/** The change to come (see `describeRefundChange`), or what comes back from now on: "100 %", "no credits back". */
export function describeRefundOutlook(outlook: RefundOutlook, timeZone: string, now: Date): string {
  return describeRefundChange(outlook, timeZone, now) ?? share(outlook.percentage, outlook.credits);
}

/** "If you cancel now, you get 100 % back (1 credit)."; "If you cancel now, you get no credits back." */
export function describeRefundNow(outlook: RefundOutlook): string {
  return outlook.credits === 0
    ? 'If you cancel now, you get no credits back.'
    : `If you cancel now, you get ${outlook.percentage} % back (${creditsLabel(outlook.credits)}).`;
}

/** A cancelled booking's refund as the API recorded it: "100 % refunded (1 credit)"; "no credits back". */
export function describeRefunded(booking: Pick<Booking, 'refundPercentage' | 'creditsRefunded'>): string {
  const credits = booking.creditsRefunded ?? 0;
  return credits === 0 ? 'no credits back' : `${booking.refundPercentage ?? 0} % refunded (${creditsLabel(credits)})`;
}

/** "Booking cancelled: Morning Yoga. 100 % refunded (1 credit)."; "… No credits back." */
export function cancelledMessage(booking: Booking): string {
  const refund = describeRefunded(booking);
  return `Booking cancelled: ${booking.sessionName}. ${refund.charAt(0).toUpperCase()}${refund.slice(1)}.`;
}

/** "Cancel more than 24 h before the start for 100 % back, more than 12 h before for 50 % back; later, no refund." */
export function describePolicy(tiers: readonly RefundTier[]): string {
  const sorted = [...tiers].filter((tier) => tier.refundPercentage > 0).sort((a, b) => b.hoursBefore - a.hoursBefore);
  if (sorted.length === 0) return 'Cancelling gives no refund.';
  const parts = sorted.map(
    (tier, i) =>
      `more than ${tier.hoursBefore} h before${i === 0 ? ' the start' : ''} for ${tier.refundPercentage} % back`,
  );
  return `Cancel ${parts.join(', ')}; later, no refund.`;
}
