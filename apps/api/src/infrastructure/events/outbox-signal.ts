import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * "A commit wrote events": wakes the outbox relay at once instead of at its next poll. In one process it is a
 * plain callback; with Redis, API processes publish on a channel that every worker listens to. Losing a signal
 * costs one poll interval, never an event.
 */
export class OutboxSignal {
  readonly #listeners = new Set<() => void>();
  #subscription: Redis | undefined;

  constructor(
    private readonly redis: Redis | undefined,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  notify(): void {
    for (const listener of this.#listeners) listener();
    this.redis?.publish(this.channel, '1').catch((error: unknown) => this.logger.debug({ err: error }, 'outbox signal not sent'));
  }

  /**
   * Calls `listener` after every commit with events, in this process and (with Redis) in every other; answers the
   * function that stops it.
   */
  async listen(listener: () => void): Promise<() => void> {
    this.#listeners.add(listener);
    const stop = () => void this.#listeners.delete(listener);
    if (!this.redis || this.#subscription) return stop;
    this.#subscription = this.redis.duplicate();
    // ioredis reconnects by itself; without a listener an outage would also print "Unhandled error event".
    this.#subscription.on('error', (error: unknown) => this.logger.debug({ err: error }, 'outbox signal subscription interrupted'));
    this.#subscription.on('message', () => {
      for (const each of this.#listeners) each();
    });
    await this.#subscription.subscribe(this.channel);
    return stop;
  }

  close(): void {
    this.#listeners.clear();
    this.#subscription?.disconnect();
    this.#subscription = undefined;
  }
}
