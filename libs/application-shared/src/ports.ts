import type { DomainEvent } from '@fitflow/domain-shared';
import type { LastWrites } from './last-writes';

/**
 * Runs `work` in one database transaction with the repositories `TRepos` bound to it. Events that repositories
 * pull from saved aggregates are written to the outbox inside the same transaction; they are published only
 * after the commit. `work` may answer `commitBehind(result, ...writes)` to commit in its last writes' round trip.
 */
export interface UnitOfWork<TRepos> {
  transaction<T>(work: (repos: TRepos) => Promise<T | LastWrites<T>>): Promise<T>;
}

/** A stored event: the outbox gives it the id that idempotent handlers key their work on. */
export interface EventEnvelope<TEvent extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly event: TEvent;
}

/** Where the outbox relay hands committed events: the fan-out to the inbox, wrapped by the log. */
export interface EventBus {
  publish(envelopes: readonly EventEnvelope[]): Promise<void>;
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

/**
 * Reacts to one type of event, registered by its bounded context's module. The engine runs `handle` inside the
 * database transaction that records "`name` handled this event id", and every unit of work opened inside `handle`
 * joins that transaction: the subscriber's change and that record commit together, so a redelivered event changes
 * nothing. Throwing rolls both back, and the engine retries this subscriber alone, with backoff, later. The
 * joined transaction has no savepoint: a subscriber must not catch a database error and carry on (PostgreSQL
 * refuses every later statement of the transaction); it throws, and the next attempt starts afresh. It uses only
 * its unit of work's repositories (PGlite has one connection, held by that transaction).
 */
export interface Subscriber<TEvent extends DomainEvent = DomainEvent> {
  /** Unique and stable (`booking.cancel-session-bookings`): the inbox keys each delivery on (event id, name). */
  readonly name: string;
  readonly eventType: TEvent['type'];
  handle(envelope: EventEnvelope<TEvent>): Promise<void>;
}

/**
 * Work for later, run by whichever process runs jobs (the worker; the API process itself in the embedded
 * default). A job may be lost (Redis is not the source of truth): whoever schedules one also registers a
 * repeating sweep that does what a lost job would have done.
 */
export interface Jobs {
  /**
   * Runs the job definition `name` with `data` at `runAt` (at once when `runAt` is past). `id` names what the job
   * is for (`hold-expiry-<holdId>`; letters, digits, `-` and `_` only, not digits alone): while a job with that id
   * waits or runs, scheduling it again changes nothing; once it has run, it may be scheduled again.
   */
  schedule(name: string, id: string, runAt: Date, data: JobData): Promise<void>;
  /** Drops a waiting job (a hold confirmed before it expired); an unknown id is ignored, a running job finishes. */
  unschedule(name: string, id: string): Promise<void>;
}

export type JobData = Record<string, string | number | boolean | null>;

/** What a module contributes: the handler of a delayed job, and optionally a schedule that repeats it. */
export interface JobDefinition {
  /** One queue per concern: `hold-expiry`, `idempotency-keys-purge`. Letters, digits and `-`. */
  readonly name: string;
  /** Also runs every `everyMs` (with `{}` as data), in whichever process runs jobs. */
  readonly everyMs?: number;
  /** Must be safe to run twice for the same data: a job is delivered at least once. */
  run(data: JobData): Promise<void>;
}

/** One (event, subscriber) pair as the inbox hands it out; `attempt` counts this run (1 for the first). */
export interface Delivery {
  readonly subscriber: string;
  readonly attempt: number;
  readonly envelope: EventEnvelope;
}

/** The events each subscriber must still see; durable, shared by every process. */
export interface Inbox {
  /** Records that each of `subscribers` must see `envelope`; recording a pair twice keeps one. */
  enqueue(entries: readonly { envelope: EventEnvelope; subscribers: readonly string[] }[]): Promise<void>;
  /**
   * Takes up to `limit` deliveries due at `now`, oldest event first, counting an attempt for each; none of them is
   * due again before `leaseUntil`, so a run cut short by a crash is retried then.
   */
  claimDue(limit: number, now: Date, leaseUntil: Date): Promise<Delivery[]>;
  /**
   * Runs `work` in one transaction with the record that the delivery was handled; any unit of work opened inside
   * `work` joins it. Answers false (and runs nothing) when the delivery was already handled or parked.
   */
  handleOnce(delivery: Delivery, work: () => Promise<void>, now: Date): Promise<boolean>;
  /** The delivery failed; it is due again at `at`. False when it is no longer pending (handled elsewhere). */
  retryAt(delivery: Delivery, error: string, at: Date): Promise<boolean>;
  /** The delivery failed for the last time: kept for an operator, tried no more. False when no longer pending. */
  park(delivery: Delivery, error: string, now: Date): Promise<boolean>;
}
