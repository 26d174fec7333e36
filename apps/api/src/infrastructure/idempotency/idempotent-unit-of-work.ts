import { AsyncLocalStorage } from 'node:async_hooks';
import { type LastWrites, settle, type UnitOfWork } from '@fitflow/application-shared';
import type { Kysely, Transaction } from 'kysely';
import { KyselyUnitOfWork, type KyselyUnitOfWorkOptions, type RepositoryFactory } from '../database/kysely-unit-of-work';
import type { Database } from '../database/schema';
import type { IdempotencyClaim, KyselyIdempotencyStore } from './kysely-idempotency-store';

const claimOfThisRequest = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs `work` (a route's handler) on behalf of `claim`: its unit of work records its result under the key. */
export function workingUnder<T>(claim: IdempotencyClaim, work: () => T): T {
  return claimOfThisRequest.run(claim, work);
}

/**
 * A unit of work for commands that idempotent routes run. Under a claimed key, the command's result is written to
 * the key's row inside the command's own transaction, so the change and the proof of it commit together: if the
 * process dies before the answer is stored, the next request with the key gets this result back instead of
 * running the command again (the change is neither lost nor made twice). Without a key it is the plain unit of
 * work. At most one unit of work commits per idempotent request (a booking whose claim was lost runs a second).
 */
export class IdempotentUnitOfWork<TRepos> implements UnitOfWork<TRepos> {
  readonly #plain: KyselyUnitOfWork<TRepos>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly makeRepositories: RepositoryFactory<TRepos>,
    private readonly options: KyselyUnitOfWorkOptions,
    private readonly store: KyselyIdempotencyStore,
  ) {
    this.#plain = new KyselyUnitOfWork(db, makeRepositories, options);
  }

  async transaction<T>(work: (repos: TRepos) => Promise<T | LastWrites<T>>): Promise<T> {
    const claim = claimOfThisRequest.getStore();
    if (!claim) return this.#plain.transaction(work);
    if (claim.committedEffect) return claim.committedEffect.value as T;
    let trx: Transaction<Database> | undefined;
    const recording = new KyselyUnitOfWork<TRepos>(
      this.db,
      (transaction, outbox) => {
        trx = transaction;
        return this.makeRepositories(transaction, outbox);
      },
      this.options,
    );
    return recording.transaction(async (repos) => {
      // The effect is recorded once the writes have answered (its check of the claim needs an answer): under a key,
      // `LastWrites` commit after their answers and the effect's, as they did before `commitBehind`.
      const result = await settle(await work(repos));
      await this.store.recordEffect(trx as Transaction<Database>, claim, result);
      return result;
    });
  }
}
