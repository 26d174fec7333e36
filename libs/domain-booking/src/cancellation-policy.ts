import { InvalidValueError } from '@fitflow/domain-shared';

const HOUR_MS = 3_600_000;

/** Cancelling MORE than `hoursBefore` hours before the start refunds `refundPercentage` % of the credits spent. */
export interface RefundTier {
  readonly hoursBefore: number;
  readonly refundPercentage: number;
}

/** When the refund drops next, and to what. */
export interface RefundChange {
  readonly at: Date;
  readonly refundPercentage: number;
}

/** What cancelling would refund at an instant, and when and to what that changes next. */
export interface RefundOutlook {
  readonly percentage: number;
  readonly credits: number;
  /** Null when the refund will not change any more. */
  readonly changesAt: Date | null;
  readonly nextPercentage: number | null;
  readonly nextCredits: number | null;
}

/** Credits a refund of `percentage` gives back, rounded down: a refund never pays back more than was spent. */
export function refundedCredits(creditsSpent: number, percentage: number): number {
  return Math.floor((creditsSpent * percentage) / 100);
}

export const DEFAULT_REFUND_TIERS: readonly RefundTier[] = [
  { hoursBefore: 24, refundPercentage: 100 },
  { hoursBefore: 12, refundPercentage: 50 },
];

/**
 * The studio's refund rule, a pure domain service built from configured tiers. The first tier (by hours, largest
 * first) whose `hoursBefore` the cancellation is strictly earlier than applies; none applies → 0 %. With the
 * default tiers: more than 24 h before → 100, more than 12 h → 50, else 0 (exactly 24 h → 50, exactly 12 h → 0).
 */
export class CancellationPolicy {
  readonly #tiers: readonly RefundTier[];

  private constructor(tiers: readonly RefundTier[]) {
    this.#tiers = tiers;
  }

  /** Validates the tiers (hours ≥ 0 and distinct, percentages integers 0..100) and sorts them largest hours first. */
  static create(tiers: readonly RefundTier[]): CancellationPolicy {
    for (const { hoursBefore, refundPercentage } of tiers) {
      if (!Number.isFinite(hoursBefore) || hoursBefore < 0) {
        throw new InvalidValueError('hoursBefore', 'A refund tier’s hours must be a number of at least 0');
      }
      if (!Number.isInteger(refundPercentage) || refundPercentage < 0 || refundPercentage > 100) {
        throw new InvalidValueError('refundPercentage', 'A refund percentage must be a whole number from 0 to 100');
      }
    }
    const sorted = [...tiers]
      .map(({ hoursBefore, refundPercentage }) => Object.freeze({ hoursBefore, refundPercentage }))
      .sort((a, b) => b.hoursBefore - a.hoursBefore);
    if (sorted.some((tier, i) => i > 0 && tier.hoursBefore === sorted[i - 1]?.hoursBefore)) {
      throw new InvalidValueError('hoursBefore', 'Two refund tiers cannot have the same hours');
    }
    return new CancellationPolicy(Object.freeze(sorted));
  }

  /** 24 h → 100 %, 12 h → 50 %. */
  static default(): CancellationPolicy {
    return CancellationPolicy.create(DEFAULT_REFUND_TIERS);
  }

  /** Largest hours first. */
  get tiers(): readonly RefundTier[] {
    return this.#tiers;
  }

  /** The percentage refunded for cancelling at `cancelledAt` a session that starts at `startsAt`. */
  refundFor(startsAt: Date, cancelledAt: Date): number {
    const msBefore = startsAt.getTime() - cancelledAt.getTime();
    const tier = this.#tiers.find(({ hoursBefore }) => msBefore > hoursBefore * HOUR_MS);
    return tier?.refundPercentage ?? 0;
  }

  /**
   * The next instant after `now` at which the refund changes, and the percentage from then on ("100 % until
   * Tue 07:00, then 50 %"); null when it will not change any more. The refund of a tier ends at
   * `startsAt - hoursBefore` exactly.
   */
  whenChanges(startsAt: Date, now: Date): RefundChange | null {
    const current = this.refundFor(startsAt, now);
    // Boundaries come in time order because the tiers are sorted largest hours first.
    for (const { hoursBefore } of this.#tiers) {
      const at = new Date(startsAt.getTime() - hoursBefore * HOUR_MS);
      if (at.getTime() <= now.getTime()) continue;
      const next = this.refundFor(startsAt, at);
      if (next !== current) return { at, refundPercentage: next };
    }
    return null;
  }

  /** What cancelling a booking of `creditsSpent` credits on a session starting at `startsAt` refunds at `now`, and next. */
  outlook(startsAt: Date, creditsSpent: number, now: Date): RefundOutlook {
    const percentage = this.refundFor(startsAt, now);
    const change = this.whenChanges(startsAt, now);
    return {
      percentage,
      credits: refundedCredits(creditsSpent, percentage),
      changesAt: change?.at ?? null,
      nextPercentage: change?.refundPercentage ?? null,
      nextCredits: change ? refundedCredits(creditsSpent, change.refundPercentage) : null,
    };
  }
}
