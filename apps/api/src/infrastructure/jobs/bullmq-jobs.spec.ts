import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { JobData, JobDefinition } from '@fitflow/application-shared';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../system';
import { BullMqJobs, type WorkerTuning } from './bullmq-jobs';
import { describeJobsContract, uniqueName, type JobsTime } from './jobs-contract';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** This file's own keys, so parallel runs never meet; removed at the end. */
const PREFIX = `fitflow-test-${randomBytes(6).toString('hex')}:`;
/** Short enough that a killed worker's job is taken back within about two seconds. */
const QUICK_RECOVERY: Partial<WorkerTuning> = { lockDurationMs: 1_000, stalledIntervalMs: 500 };

const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const opened: BullMqJobs[] = [];
const queues: Queue[] = [];

function bullMqJobs(): BullMqJobs {
  const jobs = new BullMqJobs({ connection, prefix: PREFIX, clock: new SystemClock(), logger: pino({ level: 'silent' }), worker: QUICK_RECOVERY });
  opened.push(jobs);
  return jobs;
}

/** BullMQ's own view of a definition's queue. */
function queueOf(name: string): Queue {
  const queue = new Queue(name, { connection, prefix: `${PREFIX}jobs` });
  queues.push(queue);
  return queue;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((jobs) => jobs.close()));
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
});

afterAll(async () => {
  const keys = await connection.keys(`${PREFIX}*`);
  if (keys.length > 0) await connection.del(...keys);
  await connection.quit();
});

/**
 * Redis waits for a delayed job by the wall clock, so a job an hour ahead waits out any test; its `delay` was measured
 * by the test's standing clock, so it tells when its time comes, and promoting it makes it come.
 */
const redisTime: JobsTime = {
  hold: () => undefined,
  async runTo(name, ms) {
    const delayed = await queueOf(name).getJobs(['delayed']);
    await Promise.all(delayed.filter((job) => job.delay <= ms).map((job) => job.promote()));
  },
  async held(name) {
    const jobs = await queueOf(name).getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs.map((job) => ({ id: String(job.id), data: job.data as JobData }));
  },
};

describeJobsContract(
  'BullMqJobs',
  (setup) => {
    const jobs = new BullMqJobs({ ...setup, connection, prefix: PREFIX, worker: QUICK_RECOVERY });
    opened.push(jobs);
    return jobs;
  },
  redisTime,
);

describe('BullMqJobs across processes', () => {
  it('keeps one schedule for a repeating definition, however many runners start', async () => {
    const name = uniqueName('sweep');
    let runs = 0;
    const sweep: JobDefinition = { name, everyMs: 150, run: async () => void (runs += 1) };
    const runners = [bullMqJobs(), bullMqJobs(), bullMqJobs()];

    await Promise.all(runners.map((runner) => runner.startRunning([sweep])));
    await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

    const queue = queueOf(name);
    expect(await queue.getJobSchedulers()).toEqual([expect.objectContaining({ key: name, every: 150 })]);
    expect(await queue.getJobCountByTypes('delayed', 'waiting', 'prioritized')).toBe(1);
  });

  it('leaves the jobs an API process schedules to the worker process', async () => {
    const name = uniqueName('hold-expiry');
    const api = bullMqJobs();
    for (const key of ['h1', 'h2', 'h3']) await api.schedule(name, `hold-expiry-${key}`, new Date(0), { key });
    expect(await queueOf(name).getJobCountByTypes('waiting')).toBe(3);

    const ran: string[] = [];
    await bullMqJobs().startRunning([{ name, run: async (data) => void ran.push(String(data['key'])) }]);

    await expect.poll(() => ran.length, { timeout: 10_000 }).toBe(3);
    expect(ran.sort()).toEqual(['h1', 'h2', 'h3']);
  });

  it('runs a job again after the process running it was killed, and its effect happens once', async () => {
    const name = uniqueName('hold-expiry');
    const [runs, effects] = [`${PREFIX}runs:h1`, `${PREFIX}effects:h1`];
    await bullMqJobs().schedule(name, 'hold-expiry-h1', new Date(0), { key: 'h1' });

    const worker = fork(fileURLToPath(new URL('./killable-worker.fixture.ts', import.meta.url)), {
      env: { ...process.env, REDIS_URL, REDIS_PREFIX: PREFIX, JOB_NAME: name },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('exit', (code) => reject(new Error(`The worker process stopped (${code}) before its run started`)));
      });
      const killed = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGKILL');
      await killed;
    } finally {
      worker.kill('SIGKILL');
    }

    await bullMqJobs().startRunning([
      {
        name,
        async run(data) {
          await connection.incr(`${PREFIX}runs:${String(data['key'])}`);
          await connection.incr(`${PREFIX}effects:${String(data['key'])}`);
        },
      },
    ]);

    await expect.poll(() => connection.get(effects), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => queueOf(name).getJobCountByTypes('active', 'waiting', 'delayed')).toBe(0);
    expect(await connection.get(runs)).toBe('2');
    expect(await connection.get(effects)).toBe('1');
  });
});
