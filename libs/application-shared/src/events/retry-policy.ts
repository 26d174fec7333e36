export interface RetryPolicyOptions {
  /** Runs of one delivery before it is parked, counting runs that a crash cut short. */
  readonly maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  readonly firstDelayMs: number;
  /** The longest wait between two attempts. */
  readonly maxDelayMs: number;
}

export type AfterFailure = { readonly kind: 'retry'; readonly at: Date } | { readonly kind: 'park' };

/** When a failed delivery runs again (exponential backoff, capped), and when it stops being tried. */
export class RetryPolicy {
  constructor(readonly options: RetryPolicyOptions) {
    if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) throw new RangeError('maxAttempts must be at least 1');
    if (options.firstDelayMs < 0 || options.maxDelayMs < options.firstDelayMs) throw new RangeError('delays must satisfy 0 <= first <= max');
  }

  /** After attempt number `attempt` (1-based) failed at `now`. */
  afterFailure(attempt: number, now: Date): AfterFailure {
    if (attempt >= this.options.maxAttempts) return { kind: 'park' };
    const delay = Math.min(this.options.firstDelayMs * 2 ** (attempt - 1), this.options.maxDelayMs);
    return { kind: 'retry', at: new Date(now.getTime() + delay) };
  }

  /** A claim past the last attempt: the earlier runs all stopped without an answer (the process died each time). */
  isExhausted(attempt: number): boolean {
    return attempt > this.options.maxAttempts;
  }
}
