import type { JobData, JobDefinition } from '@fitflow/application-shared';
import type { Clock } from '@fitflow/domain-shared';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
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

/** How a runner's workers hold and recover jobs. */
export interface WorkerTuning {
  /** How long a run's lock lasts unless renewed (BullMQ renews it at half time); after a crash, its job waits this long. */
  readonly lockDurationMs: number;
  /** How often a runner looks for runs whose lock ran out; such a run is taken back on the second look. */
  readonly stalledIntervalMs: number;
  /** Times a run may be cut short (its process killed) and started again before its job fails. */
  readonly maxStalledCount: number;
  /** Runs of one definition at once in one process. */
  readonly concurrency: number;
}

/**
 * BullMQ's own lock and stall timings: the lock is renewed every 15 s, so only an event loop blocked that long makes
 * a live run look stalled (it then runs twice, which every job tolerates), and a run cut short by a crash starts
 * again within about a minute, a sweep standing behind it anyway. A deploy may cut the same run short twice; a run
 * that kills its process every time stops after three starts. Five runs at once let a rush of hold expiries through
 * without one slow run holding up the rest.
 */
export const PRODUCTION_WORKER_TUNING: WorkerTuning = { lockDurationMs: 30_000, stalledIntervalMs: 30_000, maxStalledCount: 2, concurrency: 5 };

export interface BullMqJobsOptions {
  /**
   * The process's ioredis client, owned by the caller and closed after `close()`. Runners need it made with
   * `maxRetriesPerRequest: null` (BullMQ refuses it otherwise); workers add one blocking connection each.
   */
  readonly connection: Redis;
  /** The deployment's key prefix (REDIS_PREFIX, `fitflow:`): a definition's queue lives at `<prefix>jobs:<name>:…`. */
  readonly prefix: string;
  /** Where `runAt` is measured from; Redis does the waiting. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retry?: JobRetry;
  readonly worker?: Partial<WorkerTuning>;
}

/**
 * Jobs in Redis through BullMQ, one queue per definition. Every process may schedule (a producer); the worker process
 * also calls `startRunning`, which starts one BullMQ worker per definition and upserts each repeating definition's
 * job scheduler under the definition's name, so any number of runners keep one schedule. A job's id is its BullMQ
 * job id, so a second `schedule` of a waiting (or running) job is ignored by BullMQ itself. A producer cannot tell a
 * name no runner has a definition for: such a job waits in Redis until one does.
 */
export class BullMqJobs implements JobsRunner {
  readonly #options: BullMqJobsOptions;
  /** Known from `startRunning` on. */
  #definitions: ReadonlyMap<string, JobDefinition> | undefined;
  readonly #tuning: WorkerTuning;
  readonly #prefix: string;
  readonly #jobOptions: JobsOptions;
  readonly #queues = new Map<string, Queue>();
  readonly #workers: Worker[] = [];
  readonly #workerRuns: Promise<void>[] = [];
  #closing: Promise<void> | undefined;

  constructor(options: BullMqJobsOptions) {
    this.#options = options;
    this.#tuning = { ...PRODUCTION_WORKER_TUNING, ...options.worker };
    this.#prefix = `${options.prefix}jobs`;
    const retry = options.retry ?? DEFAULT_JOB_RETRY;
    // A finished job is removed, so its id may be scheduled again; a failure's record is the log line.
    this.#jobOptions = {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.firstDelayMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  async schedule(name: string, id: string, runAt: Date, data: JobData): Promise<void> {
    assertJobId(id);
    const delay = Math.max(0, runAt.getTime() - this.#options.clock.now().getTime());
    await this.#queue(name).add(name, data, { jobId: id, delay });
  }

  async unschedule(name: string, id: string): Promise<void> {
    assertJobId(id);
    // BullMQ keeps a running job (it answers 0) and ignores an unknown one.
    await this.#queue(name).remove(id);
  }

  async startRunning(definitions: readonly JobDefinition[]): Promise<void> {
    if (this.#closing) throw new Error('The jobs are closed');
    if (this.#definitions) throw new Error('The jobs are already running');
    this.#definitions = definitionsByName(definitions);
    for (const definition of definitions) this.#workers.push(this.#newWorker(definition));
    await Promise.all(this.#workers.map((worker) => worker.waitUntilReady()));
    for (const worker of this.#workers) {
      this.#workerRuns.push(worker.run().catch((error: unknown) => this.#options.logger.error({ err: error, job: worker.name }, 'job worker stopped')));
    }
    for (const definition of definitions) await this.#upsertSchedule(definition);
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.close()));
    await Promise.all(this.#workerRuns);
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
  }

  /** The same id for the same definition everywhere: runners starting at once upsert one scheduler, not several. */
  async #upsertSchedule(definition: JobDefinition): Promise<void> {
    const queue = this.#queue(definition.name);
    if (definition.everyMs === undefined) {
      // A definition that stopped repeating stops in Redis too.
      await queue.removeJobScheduler(definition.name);
      return;
    }
    const { attempts, backoff, removeOnComplete, removeOnFail } = this.#jobOptions;
    await queue.upsertJobScheduler(
      definition.name,
      { every: definition.everyMs },
      { name: definition.name, data: {}, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
    );
  }

  /** Checks the name against the definitions where this process runs them, and its form everywhere. */
  #queue(name: string): Queue {
    if (this.#definitions) definitionNamed(this.#definitions, name);
    else assertDefinitionName(name);
    if (this.#closing) throw new Error('The jobs are closed');
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = this.#newQueue(name);
      this.#queues.set(name, queue);
    }
    return queue;
  }

  #newQueue(name: string): Queue {
    const queue = new Queue(name, { connection: this.#options.connection, prefix: this.#prefix, defaultJobOptions: this.#jobOptions });
    queue.on('error', (error) => this.#options.logger.error({ err: error, job: name }, 'job queue error'));
    return queue;
  }

  #newWorker(definition: JobDefinition): Worker {
    const { logger } = this.#options;
    const worker = new Worker(definition.name, (job: Job<JobData>) => definition.run(job.data), {
      connection: this.#options.connection,
      prefix: this.#prefix,
      autorun: false,
      concurrency: this.#tuning.concurrency,
      lockDuration: this.#tuning.lockDurationMs,
      stalledInterval: this.#tuning.stalledIntervalMs,
      maxStalledCount: this.#tuning.maxStalledCount,
    });
    worker.on('failed', (job, error) => this.#logFailure(definition.name, job, error));
    worker.on('stalled', (jobId) => logger.warn({ job: definition.name, jobId }, 'job run was cut short; it runs again'));
    worker.on('error', (error) => logger.error({ err: error, job: definition.name }, 'job worker error'));
    return worker;
  }

  #logFailure(name: string, job: Job | undefined, error: Error): void {
    const context = { err: error, job: name, jobId: job?.id, attempt: job?.attemptsMade };
    if (job && job.attemptsMade < (job.opts.attempts ?? 1)) {
      const retryInMs = retryDelayMs(this.#options.retry ?? DEFAULT_JOB_RETRY, job.attemptsMade);
      this.#options.logger.warn({ ...context, retryInMs }, 'job run failed; it runs again later');
    } else {
      this.#options.logger.error(context, 'job run failed; it is not retried');
    }
  }
}
