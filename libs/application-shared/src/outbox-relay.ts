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
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  #wakeAgain = false;

  constructor(
    private readonly outbox: OutboxReader,
    private readonly bus: EventBus,
    options: OutboxRelayOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 100;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#onError = options.onError ?? (() => undefined);
  }

  start(): void {
    this.#timer ??= setInterval(() => this.wake(), this.#pollIntervalMs);
    this.#timer.unref?.();
  }

  /** Drains the outbox; calls that arrive while a drain runs fold into one more drain. */
  wake(): Promise<void> {
    if (this.#running) {
      this.#wakeAgain = true;
      return this.#running;
    }
    this.#running = this.#drainRepeatedly().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #drainRepeatedly(): Promise<void> {
    do {
      this.#wakeAgain = false;
      try {
        while ((await this.outbox.claimBatch(this.#batchSize, (batch) => this.bus.publish(batch))) === this.#batchSize);
      } catch (error) {
        this.#onError(error);
      }
    } while (this.#wakeAgain);
  }
}
