import type { Session } from '@fitflow/api-contract';

/** The API's codes for a member who cannot pay for a class: the way out is buying credits. */
const NEEDS_CREDITS: readonly string[] = ['INSUFFICIENT_CREDITS', 'CREDITS_EXPIRED'];

/** True when the API refused (or would refuse) for want of credits, so the page offers "Buy credits". */
export function needsCredits(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && NEEDS_CREDITS.includes(code);
}

/** "Buy credits" from a class: the Buy credits page's query, which leads back to the class once paid. */
export function buyCreditsParams(session: Pick<Session, 'id' | 'name'>): { returnUrl: string; returnLabel: string } {
  return { returnUrl: `/sessions/${session.id}`, returnLabel: session.name };
}
