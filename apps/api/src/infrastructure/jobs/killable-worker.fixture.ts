/**
 * A worker process of its own for bullmq-jobs.spec.ts, which kills it with SIGKILL in the middle of a run. Its run
 * counts itself, tells the test it started, and would record its effect only a minute later.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { SystemClock } from '../system';
import { BullMqJobs } from './bullmq-jobs';

const { REDIS_URL, REDIS_PREFIX, JOB_NAME } = process.env as Record<string, string>;
const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });

const jobs = new BullMqJobs({
  connection,
  prefix: REDIS_PREFIX,
  clock: new SystemClock(),
  logger: pino({ level: 'silent' }),
  worker: { lockDurationMs: 1_000, stalledIntervalMs: 500 },
});
await jobs.startRunning([
  {
    name: JOB_NAME,
    async run(data) {
      await connection.incr(`${REDIS_PREFIX}runs:${String(data['key'])}`);
      process.send?.('started');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      await connection.incr(`${REDIS_PREFIX}effects:${String(data['key'])}`);
    },
  },
]);
