/**
 * What every bench run needs around its measurements: its options, a scratch database, real API processes, a
 * connection for counting rows, and an end that always stops what was started and drops the database.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it starts
   the API as deployed and uses the test suites' scratch databases; nothing imports the benchmark. */
import { startApiProcesses } from '../../../apps/api/src/testing/api-processes';
import { scratchDatabase } from '../../../apps/api/src/testing/databases';
/* eslint-enable @nx/enforce-module-boundaries */
import { keepAliveTargets, type Target } from './load';

/** `--rounds 3` as 3; the fallback when the option is missing, zero or not a number. */
export function numberArg(option: string, fallback: number): number {
  return Number(process.argv[process.argv.indexOf(option) + 1]) || fallback;
}

export interface BenchRun {
  /** A fresh database of this run's own, dropped at its end. */
  readonly url: string;
  /** The 1-minute load average before anything was started. */
  readonly loadAtStart: number;
  /** Adds a step to the run's end; the steps run last added first. */
  atEnd(step: () => unknown): void;
}

/**
 * Runs `body` on a scratch database named after the bench. The end steps always run and the database always goes,
 * whether the run ends, fails or is interrupted (SIGINT or SIGTERM, exit status 130).
 */
export async function benchRun(databasePrefix: string, body: (run: BenchRun) => Promise<void>): Promise<void> {
  const loadAtStart = loadavg()[0];
  const database = await scratchDatabase(databasePrefix);
  const steps: (() => unknown)[] = [() => database.drop()];
  let ending: Promise<void> | undefined;
  const end = () =>
    (ending ??= (async () => {
      for (const step of [...steps].reverse()) await step();
    })());
  const interrupted = () => void end().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await body({ url: database.url, loadAtStart, atEnd: (step) => steps.push(step) });
  } finally {
    await end();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

export interface ApiTargetOptions {
  processes: number;
  /** Split evenly over the processes. */
  connections: number;
  /** The secret the benchmark's tokens are signed with. */
  jwtSecret: string;
  /** Beside NODE_ENV=production (with the test-mode payment gateway), the run's DATABASE_URL, the test REDIS_URL and JWT_SECRET. */
  env?: Record<string, string>;
  /** Fixed ports, one a process; free ones otherwise. */
  ports?: readonly number[];
}

/**
 * Real API processes (`main.ts`, as deployed) on the run's database and one Redis, each with a keep-alive agent;
 * they stop at the run's end. BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' passes Node options to
 * every one (profiles).
 */
export async function startApiTargets(run: BenchRun, options: ApiTargetOptions): Promise<Target[]> {
  const apis = await startApiProcesses(
    options.processes,
    {
      NODE_ENV: 'production',
      // Benches buy nothing by card: production's refusal of the test-mode gateway is lifted, as docker-compose does.
      PAYMENTS_TEST_MODE: 'true',
      DATABASE_URL: run.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      JWT_SECRET: options.jwtSecret,
      ...options.env,
    },
    { ports: options.ports, nodeArgs: process.env['BENCH_API_NODE_ARGS']?.split(' ').filter(Boolean) ?? [] },
  );
  const targets = keepAliveTargets(apis.urls, options.connections);
  run.atEnd(async () => {
    for (const { agent } of targets) agent.destroy();
    await apis.stop();
  });
  return targets;
}

/** Runs `select count(*)::int as n …` and answers n. */
export type CountRows = (query: string, params: readonly unknown[]) => Promise<number>;

/** Counts rows after a round on a connection of its own, outside the API's pools; it closes at the run's end. */
export async function rowCounter(run: BenchRun): Promise<CountRows> {
  const client = new pg.Client({ connectionString: run.url });
  run.atEnd(() => client.end().catch(() => undefined));
  await client.connect();
  return async (query, params) => (await client.query<{ n: number }>(query, [...params])).rows[0].n;
}
