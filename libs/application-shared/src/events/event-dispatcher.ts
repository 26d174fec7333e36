import type { Clock } from '@fitflow/domain-shared';
import type { Delivery, Inbox } from '../ports';
import { RepeatingDrain } from './repeating-drain';
import type { RetryPolicy } from './retry-policy';
import type { SubscriberRegistry } from './subscriber-registry';

/** What the dispatcher reports, for the logs. */
export interface DeliveryReports {
  handled?(delivery: Delivery): void;
  retrying?(delivery: Delivery, error: unknown, at: Date): void;
  parked(delivery: Delivery, error: unknown): void;
  /** The inbox itself failed (the database is away): the deliveries stay due and are claimed again. */
  failed(error: unknown): void;
}

export interface EventDispatcherOptions {
  readonly retry: RetryPolicy;
  /** How long a claimed delivery is left to its runner before it is due again (it died mid-run). */
  readonly leaseMs: number;
  /** Deliveries run at once (1 on PGlite, which has one connection). */
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly reports: DeliveryReports;
}

/**
 * Runs due deliveries from the inbox, each subscriber on its own: one that fails is retried with backoff without
 * replaying the event to the others, and parked after its last attempt. Exactly one effect per delivery comes from
 * `Inbox.handleOnce`, which commits the subscriber's change with the record that it ran.
 */
export class EventDispatcher {
  readonly #drain: RepeatingDrain;

  constructor(
    private readonly inbox: Inbox,
    private readonly subscribers: SubscriberRegistry,
    private readonly clock: Clock,
    private readonly options: EventDispatcherOptions,
  ) {
    this.#drain = new RepeatingDrain(
      async () => {
        while (!this.#drain.isStopped && (await this.#runOneBatch()) === options.concurrency);
      },
      options.pollIntervalMs,
      (error) => options.reports.failed(error),
    );
  }

  start(): void {
    this.#drain.start();
  }

  /** Runs every due delivery; calls that arrive while a round runs fold into one more round. */
  wake(): Promise<void> {
    return this.#drain.wake();
  }

  stop(): Promise<void> {
    return this.#drain.stop();
  }

  async #runOneBatch(): Promise<number> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs);
    const claimed = await this.inbox.claimDue(this.options.concurrency, now, leaseUntil);
    // Settled, not all: one delivery whose bookkeeping failed must not end the round while the others still run.
    const outcomes = await Promise.allSettled(claimed.map((delivery) => this.#deliver(delivery)));
    for (const outcome of outcomes) if (outcome.status === 'rejected') this.options.reports.failed(outcome.reason);
    return claimed.length;
  }

  async #deliver(delivery: Delivery): Promise<void> {
    const { retry, reports } = this.options;
    if (retry.isExhausted(delivery.attempt)) {
      const why = `No attempt left: the last of ${retry.options.maxAttempts} ended without an answer (its process died or ran past its lease)`;
      await this.#park(delivery, new Error(why));
      return;
    }
    const subscriber = this.subscribers.named(delivery.subscriber);
    try {
      if (!subscriber) throw new Error(`No subscriber named "${delivery.subscriber}" runs in this process`);
      const ran = await this.inbox.handleOnce(delivery, () => subscriber.handle(delivery.envelope), this.clock.now());
      if (ran) reports.handled?.(delivery);
    } catch (error) {
      const next = retry.afterFailure(delivery.attempt, this.clock.now());
      if (next.kind === 'park') return this.#park(delivery, error);
      if (await this.inbox.retryAt(delivery, describe(error), next.at)) reports.retrying?.(delivery, error, next.at);
    }
  }

  async #park(delivery: Delivery, error: unknown): Promise<void> {
    // Parked only if still pending: a run elsewhere (its lease ran out while it worked) may have handled it.
    if (await this.inbox.park(delivery, describe(error), this.clock.now())) this.options.reports.parked(delivery, error);
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
