import { AsyncLocalStorage } from 'node:async_hooks';
import {
  EventDispatcher,
  EventFanOut,
  OutboxRelay,
  RetryPolicy,
  SubscriberRegistry,
  type Delivery,
  type Subscriber,
} from '@fitflow/application-shared';
import type { Core } from '../../core';
import { KyselyOutboxReader } from '../database/kysely-outbox';
import { KyselyInbox } from './kysely-inbox';
import { LoggingEventBus } from './logging-event-bus';

const POLL_INTERVAL_MS = 500;
/** Deliveries run at once per process; PGlite has one connection, so one there. */
const POSTGRES_CONCURRENCY = 4;
const MAX_RETRY_DELAY_MS = 3_600_000;
/**
 * The relay fans an event out to the subscribers of its own build. During a rolling deploy an older worker may relay
 * an event that a newer subscriber must see: at start, an engine gives its subscribers the events published this
 * recently that they have not had.
 */
const RECENTLY_PUBLISHED_MS = 15 * 60_000;

/**
 * The outbox relay and the inbox dispatcher of one process: committed events go from the outbox to one inbox row
 * per subscriber, and each row to its subscriber, once, through crashes. Runs in the worker (with Redis) or in the
 * only process (the embedded default); any number of engines may run on one database.
 */
export class EventEngine {
  readonly #relay: OutboxRelay;
  readonly #dispatcher: EventDispatcher;
  readonly #inbox: KyselyInbox;
  /**
   * Wakes come from commits anywhere in this process, an HTTP request's included. Subscribers must not run in that
   * request's asynchronous context (its idempotency claim, a transaction it joined): every wake runs in the context
   * the engine was built in, at start-up.
   */
  readonly #detached = AsyncLocalStorage.snapshot();
  #stopListening: (() => void) | undefined;

  constructor(
    private readonly core: Core,
    private readonly subscribers: readonly Subscriber[],
  ) {
    const { config, logger, database, clock } = core;
    const registry = new SubscriberRegistry(subscribers);
    this.#inbox = new KyselyInbox(database.db);
    this.#dispatcher = new EventDispatcher(this.#inbox, registry, clock, {
      retry: new RetryPolicy({ maxAttempts: config.events.maxAttempts, firstDelayMs: config.events.firstRetryDelayMs, maxDelayMs: MAX_RETRY_DELAY_MS }),
      leaseMs: config.events.leaseMs,
      concurrency: database.kind === 'pglite' ? 1 : POSTGRES_CONCURRENCY,
      pollIntervalMs: POLL_INTERVAL_MS,
      reports: {
        // A subscriber's commit may have written events of its own.
        handled: () => void this.#wakeRelay(),
        retrying: (delivery, error, at) => logger.warn({ ...fieldsOf(delivery), err: error, retryAt: at }, 'event subscriber failed; retrying later'),
        parked: (delivery, error) => logger.error({ ...fieldsOf(delivery), err: error }, 'event subscriber failed for the last time; delivery parked (npm run events:failed)'),
        failed: (error) => logger.error({ err: error }, 'event dispatch failed; the deliveries stay due'),
      },
    });
    const fanOut = new EventFanOut(this.#inbox, registry, () => void this.#detached(() => this.#dispatcher.wake()));
    this.#relay = new OutboxRelay(new KyselyOutboxReader(database.db, database.kind), new LoggingEventBus(fanOut, logger), {
      pollIntervalMs: POLL_INTERVAL_MS,
      onError: (error) => logger.error({ err: error }, 'outbox relay failed; the events stay pending'),
    });
  }

  async start(): Promise<void> {
    await this.#inbox.catchUp(this.subscribers, RECENTLY_PUBLISHED_MS);
    this.#stopListening = await this.core.outboxSignal.listen(() => void this.#wakeRelay());
    this.#relay.start();
    this.#dispatcher.start();
    void this.#wakeRelay();
    void this.#detached(() => this.#dispatcher.wake());
  }

  /** Resolves once the outbox is drained and every due delivery ran: tests await it instead of sleeping. */
  async settle(): Promise<void> {
    await this.#wakeRelay();
    await this.#detached(() => this.#dispatcher.wake());
  }

  /** Lets the deliveries under way finish; starts none after (the dispatcher first: its deliveries wake the relay). */
  async stop(): Promise<void> {
    this.#stopListening?.();
    await this.#dispatcher.stop();
    await this.#relay.stop();
  }

  #wakeRelay(): Promise<void> {
    return this.#detached(() => this.#relay.wake());
  }
}

function fieldsOf({ envelope, subscriber, attempt }: Delivery) {
  return { eventId: envelope.id, eventType: envelope.event.type, subscriber, attempt };
}
