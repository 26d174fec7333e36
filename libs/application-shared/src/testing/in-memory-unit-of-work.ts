import { type LastWrites, settle } from '../last-writes';
import type { UnitOfWork } from '../ports';

/** An in-memory store that can note its state and later put it back. */
export interface Checkpointable {
  /** Returns a function that restores the state of this moment. */
  checkpoint(): () => void;
}

/**
 * A unit of work over in-memory fakes: runs transactions one at a time, as row locks would for the rows a
 * handler touches, and puts every store back as it was when `work` throws. Do not nest transactions: the inner
 * one would wait for the outer forever.
 */
export class InMemoryUnitOfWork<TRepos> implements UnitOfWork<TRepos> {
  #queue: Promise<unknown> = Promise.resolve();
  #commits = 0;
  #rollbacks = 0;

  constructor(
    private readonly repos: TRepos,
    private readonly stores: readonly Checkpointable[],
  ) {}

  transaction<T>(work: (repos: TRepos) => Promise<T | LastWrites<T>>): Promise<T> {
    const run = this.#queue.then(() => this.#run(work));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  get commits(): number {
    return this.#commits;
  }

  get rollbacks(): number {
    return this.#rollbacks;
  }

  async #run<T>(work: (repos: TRepos) => Promise<T | LastWrites<T>>): Promise<T> {
    const rollbacks = this.stores.map((store) => store.checkpoint());
    try {
      const result = await settle(await work(this.repos));
      this.#commits += 1;
      return result;
    } catch (error) {
      rollbacks.forEach((rollback) => rollback());
      this.#rollbacks += 1;
      throw error;
    }
  }
}
