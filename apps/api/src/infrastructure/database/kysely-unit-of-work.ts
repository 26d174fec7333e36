import { randomUUID } from 'node:crypto';
import type { OutboxWriter, UnitOfWork } from '@fitflow/application-shared';
import type { Kysely, Transaction } from 'kysely';
import { KyselyOutboxWriter } from './kysely-outbox';
import type { Database } from './schema';

export type RepositoryFactory<TRepos> = (trx: Transaction<Database>, outbox: OutboxWriter) => TRepos;

export interface KyselyUnitOfWorkOptions {
  /** Runs after each successful commit; the in-process outbox relay is woken this way. Must not throw. */
  readonly afterCommit?: () => void;
  /** Ids of stored events (default: random UUIDs). */
  readonly newEventId?: () => string;
}

/** One database transaction per unit of work, with repositories and the outbox bound to it. */
export class KyselyUnitOfWork<TRepos> implements UnitOfWork<TRepos> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly makeRepositories: RepositoryFactory<TRepos>,
    private readonly options: KyselyUnitOfWorkOptions = {},
  ) {}

  async transaction<T>(work: (repos: TRepos) => Promise<T>): Promise<T> {
    const newEventId = this.options.newEventId ?? randomUUID;
    const result = await this.db
      .transaction()
      .execute((trx) => work(this.makeRepositories(trx, new KyselyOutboxWriter(trx, newEventId))));
    this.options.afterCommit?.();
    return result;
  }
}
