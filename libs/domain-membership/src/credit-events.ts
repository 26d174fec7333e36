import type { DomainEvent } from '@fitflow/domain-shared';

export const CREDITS_PURCHASED = 'CreditsPurchased';
export const CREDITS_DEDUCTED = 'CreditsDeducted';
export const CREDITS_REFUNDED = 'CreditsRefunded';
export const CREDITS_EXPIRED = 'CreditsExpired';
export const CREDITS_ADJUSTED = 'CreditsAdjusted';
export const CREDITS_EXPIRING_SOON = 'CreditsExpiringSoon';

/** Who the credits belong to, so that a notification needs no query back. */
export interface CreditHolderFacts {
  memberId: string;
  memberEmail: string;
  memberName: string;
}

/** Every credit event says what changed and the balance after it. */
interface CreditChangeFacts extends CreditHolderFacts {
  credits: number;
  balanceAfter: number;
  validUntil: string | null;
}

export type CreditsPurchased = DomainEvent<
  typeof CREDITS_PURCHASED,
  CreditChangeFacts & { purchaseId: string; packageName: string; priceCents: number; currency: string }
>;
export type CreditsDeducted = DomainEvent<typeof CREDITS_DEDUCTED, CreditChangeFacts & { bookingId: string; sessionName: string }>;
export type CreditsRefunded = DomainEvent<
  typeof CREDITS_REFUNDED,
  CreditChangeFacts & { bookingId: string; sessionName: string; refundPercentage: number }
>;
export type CreditsExpired = DomainEvent<typeof CREDITS_EXPIRED, CreditChangeFacts>;
/** `credits` is signed: positive adds, negative takes away. `adjustedBy` is the admin's user id. */
export type CreditsAdjusted = DomainEvent<typeof CREDITS_ADJUSTED, CreditChangeFacts & { reason: string; adjustedBy: string }>;
/** Recorded once per `validUntil`, 7 days or less before it, while credits remain: the member is to be told. */
export type CreditsExpiringSoon = DomainEvent<typeof CREDITS_EXPIRING_SOON, CreditHolderFacts & { credits: number; validUntil: string }>;

export type CreditEvent = CreditsPurchased | CreditsDeducted | CreditsRefunded | CreditsExpired | CreditsAdjusted | CreditsExpiringSoon;
