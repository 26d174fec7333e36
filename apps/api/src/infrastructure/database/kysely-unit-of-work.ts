import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { LastWrites, type OutboxWriter, settle, type UnitOfWork } from '@fitflow/application-shared';
import { isAbortedTransactionError, type Kysely, type Transaction } from 'kysely';
import { KyselyOutboxWriter } from './kysely-outbox';
import { pipelined } from './pipelining';
import type { Database } from './schema';

export type RepositoryFactory<TRepos> = (trx: Transaction<Database>, outbox: OutboxWriter) => TRepos;

export interface KyselyUnitOfWorkOptions {
  /** Runs after each commit that wrote events: the outbox signal wakes the relay this way. Must not throw. */
  readonly afterCommit?: () => void;
  /** Ids of stored events (default: random UUIDs). */
  readonly newEventId?: () => string;
}

const enclosingTransaction = new AsyncLocalStorage<Transaction<Database>>();

/**
 * Runs `work` so that every unit of work it opens joins `trx` instead of beginning its own: an event subscriber's
 * change then commits (or rolls back) with the inbox's record that it handled the event.
 */
export function joiningTransaction<T>(trx: Transaction<Database>, work: () => Promise<T>): Promise<T> {
  return enclosingTransaction.run(trx, work);
}

/**
 * One database transaction per unit of work, with repositories and the outbox bound to it (statements a use case
 * issues together share a round trip: `pipelined`); inside
 * `joiningTransaction`, the enclosing one (whose owner runs `afterCommit`'s work itself once it commits).
 */
export class KyselyUnitOfWork<TRepos> implements UnitOfWork<TRepos> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly makeRepositories: RepositoryFactory<TRepos>,
    private readonly options: KyselyUnitOfWorkOptions = {},
  ) {}

  async transaction<T>(work: (repos: TRepos) => Promise<T | LastWrites<T>>): Promise<T> {
    const newEventId = this.options.newEventId ?? randomUUID;
    const enclosing = enclosingTransaction.getStore();
    if (enclosing) return settle(await work(this.makeRepositories(enclosing, new KyselyOutboxWriter(enclosing, newEventId))));
    let outbox: KyselyOutboxWriter | undefined;
    let outcome: T | LastWrites<T> | undefined;
    try {
      // Kysely commits as soon as `work` returns: with `LastWrites`, while they are still on their way, in the same
      // round trip.
      await this.db.transaction().execute((trx) =>
        pipelined(trx, async (piped) => {
          outbox = new KyselyOutboxWriter(piped, newEventId);
          outcome = await work(this.makeRepositories(piped, outbox));
        }),
      );
    } catch (error) {
      // A failed write aborted the transaction, and PostgreSQL answered the COMMIT behind it with a rollback: the
      // write's own error says why.
      if (outcome instanceof LastWrites && isAbortedTransactionError(error)) await outcome.writes;
      throw error;
    }
    const result = await settle(outcome as T | LastWrites<T>);
    if (outbox?.appended) this.options.afterCommit?.();
    return result;
  }
}
