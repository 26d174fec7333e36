import type { UnitOfWork } from '@fitflow/application-shared';
import type { MembershipRepositories } from '../ports';
import type { InMemoryRefreshTokens } from './in-memory-refresh-tokens';
import type { InMemoryUserRepository } from './in-memory-user-repository';

export interface InMemoryMembershipRepositories extends MembershipRepositories {
  users: InMemoryUserRepository;
  refreshTokens: InMemoryRefreshTokens;
}

/**
 * Runs transactions one at a time, as row locks would for the rows these handlers touch, and puts every store
 * back as it was when `work` throws. Do not nest transactions: the inner one would wait for the outer forever.
 */
export class InMemoryUnitOfWork implements UnitOfWork<MembershipRepositories> {
  #queue: Promise<unknown> = Promise.resolve();
  #commits = 0;
  #rollbacks = 0;

  constructor(private readonly repos: InMemoryMembershipRepositories) {}

  transaction<T>(work: (repos: MembershipRepositories) => Promise<T>): Promise<T> {
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

  async #run<T>(work: (repos: MembershipRepositories) => Promise<T>): Promise<T> {
    const rollbacks = [this.repos.users.checkpoint(), this.repos.refreshTokens.checkpoint()];
    try {
      const result = await work(this.repos);
      this.#commits += 1;
      return result;
    } catch (error) {
      rollbacks.forEach((rollback) => rollback());
      this.#rollbacks += 1;
      throw error;
    }
  }
}
