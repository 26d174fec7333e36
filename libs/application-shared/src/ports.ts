import type { DomainEvent } from '@fitflow/domain-shared';

/**
 * Runs `work` in one database transaction with the repositories `TRepos` bound to it. Events that repositories
 * pull from saved aggregates are written to the outbox inside the same transaction; they are published only
 * after the commit.
 */
export interface UnitOfWork<TRepos> {
  transaction<T>(work: (repos: TRepos) => Promise<T>): Promise<T>;
}

/** A stored event: the outbox gives it the id that idempotent handlers key their work on. */
export interface EventEnvelope<TEvent extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly event: TEvent;
}

export type EventHandler = (envelope: EventEnvelope) => Promise<void>;

export interface EventBus {
  publish(envelopes: readonly EventEnvelope[]): Promise<void>;
  subscribe(type: string, handler: EventHandler): void;
}

/** Written inside a transaction by repositories, read by the relay after the commit. */
export interface OutboxWriter {
  append(events: readonly DomainEvent[]): Promise<void>;
}

export interface OutboxReader {
  /** Claims up to `limit` unpublished events, oldest first, skipping any another relay holds. */
  claimBatch(limit: number, publish: (envelopes: EventEnvelope[]) => Promise<void>): Promise<number>;
}

export interface IdGenerator {
  next(): string;
}
