import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobData, JobDefinition } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import type { Logger } from 'pino';
import {
  assertDefinitionName,
  assertJobId,
  DEFAULT_JOB_RETRY,
  definitionNamed,
  definitionsByName,
  retryDelayMs,
  type JobRetry,
  type JobsRunner,
} from './job-definitions';

export interface InProcessJobsOptions {
  /** Where `runAt` is measured from; the waiting itself is done by this process's timers. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retry?: JobRetry;
}

interface PendingJob {
  readonly key: string;
  readonly name: string;
  readonly id: string;
  readonly data: JobData;
  attempt: number;
  running: boolean;
  /** Unset while it runs, and once it is due but this process does not run jobs yet. */
  timer?: NodeJS.Timeout;
}

/** setTimeout holds at most 2^31 - 1 ms (about 24.8 days); a longer wait is taken in steps. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Jobs on this process's timers, for the embedded default (no Redis): they live as long as the process, which the
 * port allows, since a sweep stands behind every job. The timers are unref'd, so they never keep a process alive.
 */
export class InProcessJobs implements JobsRunner {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #retry: JobRetry;
  /** Known from `startRunning` on. */
  #definitions: ReadonlyMap<string, JobDefinition> | undefined;
  /** Jobs waiting, running or waiting to retry, by `<name>:<id>`: while a key is here, that job is taken. */
  readonly #pending = new Map<string, PendingJob>();
  readonly #repeats: NodeJS.Timeout[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  /**
   * Timers run jobs in the context this adapter was built in (start-up), never in that of whoever scheduled them:
   * a job scheduled inside a request or an event subscriber's transaction must not run inside it later.
   */
  readonly #detached = AsyncLocalStorage.snapshot();
  #closed = false;

  constructor(options: InProcessJobsOptions) {
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#retry = options.retry ?? DEFAULT_JOB_RETRY;
  }

  async schedule(name: string, id: string, runAt: Date, data: JobData): Promise<void> {
    this.#assertKnown(name);
    assertJobId(id);
    this.#assertOpen();
    this.#enqueue(name, `${name}:${id}`, id, data, runAt.getTime() - this.#clock.now().getTime());
  }

  async unschedule(name: string, id: string): Promise<void> {
    this.#assertKnown(name);
    assertJobId(id);
    const job = this.#pending.get(`${name}:${id}`);
    if (!job || job.running) return;
    clearTimeout(job.timer);
    this.#pending.delete(job.key);
  }

  async startRunning(definitions: readonly JobDefinition[]): Promise<void> {
    this.#assertOpen();
    if (this.#definitions) throw new Error('The jobs are already running');
    this.#definitions = definitionsByName(definitions);
    for (const job of this.#pending.values()) if (!job.timer && !job.running) this.#start(job);
    for (const definition of this.#definitions.values()) {
      if (definition.everyMs === undefined) continue;
      // Ids have no `:`, so no scheduled job's key is `<name>::every`. A run still going skips the next tick.
      const repeat = () => this.#detached(() => this.#enqueue(definition.name, `${definition.name}::every`, 'every', {}, 0));
      repeat();
      const timer = setInterval(repeat, definition.everyMs);
      timer.unref();
      this.#repeats.push(timer);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#repeats) clearInterval(timer);
    for (const job of this.#pending.values()) clearTimeout(job.timer);
    this.#pending.clear();
    await Promise.allSettled([...this.#inFlight]);
  }

  #enqueue(name: string, key: string, id: string, data: JobData, delayMs: number): void {
    if (this.#pending.has(key)) return;
    const job: PendingJob = { key, name, id, data, attempt: 0, running: false };
    this.#pending.set(key, job);
    this.#wait(job, delayMs);
  }

  #wait(job: PendingJob, delayMs: number): void {
    const step = Math.min(Math.max(delayMs, 0), LONGEST_TIMEOUT_MS);
    job.timer = setTimeout(() => this.#detached(() => (step < delayMs ? this.#wait(job, delayMs - step) : this.#start(job))), step);
    job.timer.unref();
  }

  #start(job: PendingJob): void {
    job.timer = undefined;
    if (this.#closed || !this.#definitions) return;
    const definition = this.#definitions.get(job.name);
    if (!definition) {
      this.#logger.error({ job: job.name, jobId: job.id }, 'job has no definition; it is dropped');
      this.#pending.delete(job.key);
      return;
    }
    job.running = true;
    job.attempt += 1;
    const run = this.#run(job, definition).finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  async #run(job: PendingJob, definition: JobDefinition): Promise<void> {
    const context = { job: job.name, jobId: job.id, attempt: job.attempt };
    try {
      await definition.run(job.data);
      this.#pending.delete(job.key);
    } catch (error) {
      job.running = false;
      if (job.attempt < this.#retry.attempts && !this.#closed) {
        const retryInMs = retryDelayMs(this.#retry, job.attempt);
        this.#logger.warn({ ...context, err: error, retryInMs }, 'job run failed; it runs again later');
        this.#wait(job, retryInMs);
      } else {
        this.#logger.error({ ...context, err: error }, 'job run failed; it is not retried');
        this.#pending.delete(job.key);
      }
    }
  }

  /** Before `startRunning`, only the name's form can be checked; from then on, it must name a definition. */
  #assertKnown(name: string): void {
    if (this.#definitions) definitionNamed(this.#definitions, name);
    else assertDefinitionName(name);
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The jobs are closed');
  }
}
