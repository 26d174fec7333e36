import type { DomainEvent } from '@fitflow/domain-shared';
import type { StakeFacts } from './stake';
import type { HoldSource } from './hold-status';

export const HOLD_CREATED = 'HoldCreated';
export const HOLD_CONFIRMED = 'HoldConfirmed';
export const HOLD_RELEASED = 'HoldReleased';
export const HOLD_EXPIRED = 'HoldExpired';

/** What every hold event carries, so a notification or an expiry timer needs no query back. */
export interface HoldFacts extends StakeFacts {
  holdId: string;
  source: HoldSource;
  expiresAt: string;
}

/** A spot is kept for the member until `expiresAt`. */
export type HoldCreated = DomainEvent<typeof HOLD_CREATED, HoldFacts>;

/** The hold became the booking `bookingId`. */
export type HoldConfirmed = DomainEvent<typeof HOLD_CONFIRMED, HoldFacts & { bookingId: string }>;

/** The member gave the spot back before `expiresAt`. */
export type HoldReleased = DomainEvent<typeof HOLD_RELEASED, HoldFacts>;

/** `expiresAt` came and the hold was not confirmed; its spot is free again. */
export type HoldExpired = DomainEvent<typeof HOLD_EXPIRED, HoldFacts>;

export type HoldEvent = HoldCreated | HoldConfirmed | HoldReleased | HoldExpired;
