import { RepeatingDrain } from './events/repeating-drain';
import type { EventBus, OutboxReader } from './ports';

export interface OutboxRelayOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Moves committed events from the outbox to the event bus. `wake()` after a commit delivers at once; the poll
 * catches whatever a crash left behind. An event whose publishing fails stays in the outbox and is tried again.
 */
export class OutboxRelay {
  readonly #drain: RepeatingDrain;

  constructor(
    private readonly outbox: OutboxReader,
    private readonly bus: EventBus,
    options: OutboxRelayOptions = {},
  ) {
    const batchSize = options.batchSize ?? 100;
    this.#drain = new RepeatingDrain(
      async () => {
        while (!this.#drain.isStopped && (await this.outbox.claimBatch(batchSize, (batch) => this.bus.publish(batch))) === batchSize);
      },
      options.pollIntervalMs ?? 1000,
      options.onError ?? (() => undefined),
    );
  }

  start(): void {
    this.#drain.start();
  }

  /** Drains the outbox; calls that arrive while a drain runs fold into one more drain. */
  wake(): Promise<void> {
    return this.#drain.wake();
  }

  stop(): Promise<void> {
    return this.#drain.stop();
  }
}
