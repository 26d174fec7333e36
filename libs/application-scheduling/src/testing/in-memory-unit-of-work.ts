import type { UnitOfWork } from '@fitflow/application-shared';
import type { SchedulingRepositories } from '../ports';
import type { InMemoryClassSessionRepository } from './in-memory-class-session-repository';
import type { InMemoryClassTemplateRepository } from './in-memory-class-template-repository';
import type { InMemorySessionOccupancy } from './in-memory-session-occupancy';
import type { InMemoryTrainerDirectory } from './in-memory-trainer-directory';

export interface InMemorySchedulingRepositories extends SchedulingRepositories {
  templates: InMemoryClassTemplateRepository;
  sessions: InMemoryClassSessionRepository;
  occupancy: InMemorySessionOccupancy;
  trainers: InMemoryTrainerDirectory;
}

/**
 * Runs transactions one at a time, as row locks would for the rows these handlers touch, and puts every store
 * back as it was when `work` throws. Do not nest transactions: the inner one would wait for the outer forever.
 */
export class InMemorySchedulingUnitOfWork implements UnitOfWork<SchedulingRepositories> {
  #queue: Promise<unknown> = Promise.resolve();
  #commits = 0;
  #rollbacks = 0;

  constructor(private readonly repos: InMemorySchedulingRepositories) {}

  transaction<T>(work: (repos: SchedulingRepositories) => Promise<T>): Promise<T> {
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

  async #run<T>(work: (repos: SchedulingRepositories) => Promise<T>): Promise<T> {
    const rollbacks = [this.repos.templates.checkpoint(), this.repos.sessions.checkpoint()];
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
