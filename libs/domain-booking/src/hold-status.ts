/**
 * A hold is pending while it keeps a spot for its member, until `expiresAt`; then confirmed (it became a booking),
 * released (its member gave it back) or expired.
 */
export const HOLD_STATUSES = ['pending', 'confirmed', 'expired', 'released'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

export function isHoldStatus(value: string): value is HoldStatus {
  return (HOLD_STATUSES as readonly string[]).includes(value);
}

/** Who asked for the hold: the `member` themself, or the `waitlist`, offering a freed spot to its next member. */
export const HOLD_SOURCES = ['member', 'waitlist'] as const;
export type HoldSource = (typeof HOLD_SOURCES)[number];

export function isHoldSource(value: string): value is HoldSource {
  return (HOLD_SOURCES as readonly string[]).includes(value);
}
