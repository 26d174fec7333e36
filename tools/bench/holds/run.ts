/**
 * Holds benchmark (issue: holds). Spot holds (POST /sessions/{id}/hold) against bookings (POST /sessions/{id}/book)
 * through two real API processes (`apps/api/src/main.ts`) on one PostgreSQL database and one Redis, at 50
 * concurrent connections (25 on each process), in the same run. Prints holds/s and bookings/s with their p50/p99,
 * and the ratio holds/s ÷ bookings/s (target >= 0.9; printed, never enforced).
 *
 * The two paths get the same work: 500 members each take a spot in two 500-spot sessions (500 is `Capacity`'s
 * maximum), booked one after the other, so every attempt succeeds and both are "lock the session row, count the
 * taken spots, insert, commit" on one hot row at a time. Each round has a hold half and a booking half on sessions of
 * their own, in alternating order so neither always runs on the warmer machine. A round must end with exactly
 * 1,000 × 201 in each half, and 1,000 pending holds or 1,000 confirmed bookings counted in SQL, or the run fails
 * (exit status 1). RATE_LIMITS lifts the per-member hold limit (5 a minute by default), which every member passes
 * within the first rounds; the limiter's Redis counter still runs on every hold, as it does in production.
 *
 *   node_modules/.bin/tsx tools/bench/holds/run.ts [--rounds 10]
 *
 * BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' passes Node options to both API processes (profiles).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it migrates
   and seeds with the API's own adapters, mints tokens with its own issuer and sizes sessions by the domain's own
   maximum; nothing imports the benchmark. */
import { MAX_CAPACITY } from '@fitflow/domain-scheduling';
import { connectPostgres } from '../../../apps/api/src/infrastructure/database/connect';
import { migrateToLatest } from '../../../apps/api/src/infrastructure/database/migrate';
import { type ApiProcesses, seedMembersWithTokens, startApiProcesses } from '../../../apps/api/src/testing/api-processes';
import { scratchDatabase } from '../../../apps/api/src/testing/databases';
/* eslint-enable @nx/enforce-module-boundaries */

/** As many members as a session has spots at most, so each member takes one spot in every session. */
const MEMBERS = MAX_CAPACITY;
const SESSIONS = 2; // per half of a round: MEMBERS × SESSIONS attempts, all of them taking a spot
const ATTEMPTS = MEMBERS * SESSIONS;
const CONNECTIONS = 50; // split evenly over the API processes
const API_PROCESSES = 2;
const TARGET_RATIO = 0.9;
/** Verified, not timed: until V8 has optimised the request paths, the first rounds measure the compiler. */
const WARM_UP_ROUNDS = 3;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 10;
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

type Kind = 'hold' | 'book';
const KINDS: readonly Kind[] = ['hold', 'book'];

interface Member {
  authorization: string;
}

/** Per round (warm-up rounds first), the published 500-spot sessions of each half, three days ahead. */
type Sessions = Record<Kind, string[]>[];

/** A trainer, the members (with tokens from the API's own issuer) and every round's sessions, straight in SQL. */
async function seed(url: string, jwtSecret: string, roundCount: number): Promise<{ members: Member[]; sessions: Sessions }> {
  const { db, close } = connectPostgres(url);
  try {
    await migrateToLatest(db);
    const trainer = { id: randomUUID(), email: 'tess@bench.test', name: 'Tess', role: 'trainer' as const, password_hash: 'x' };
    await db.insertInto('users').values(trainer).execute();
    const members = await seedMembersWithTokens(db, jwtSecret, MEMBERS);
    const sessions: Sessions = Array.from({ length: roundCount }, () => ({
      hold: Array.from({ length: SESSIONS }, () => randomUUID()),
      book: Array.from({ length: SESSIONS }, () => randomUUID()),
    }));
    const startsAt = Date.now() + 3 * 86_400_000;
    const rows = sessions.flatMap((round, r) => KINDS.flatMap((kind) => round[kind].map((id, s) => ({ id, name: `${kind} ${r}.${s}` }))));
    await db
      .insertInto('class_sessions')
      .values(
        rows.map(({ id, name }, i) => ({
          id,
          trainer_id: trainer.id,
          name,
          starts_at: new Date(startsAt + i * 3_600_000),
          ends_at: new Date(startsAt + (i + 1) * 3_600_000),
          capacity: MAX_CAPACITY,
          credit_cost: 1,
          status: 'published' as const,
        })),
      )
      .execute();
    await sql`analyze`.execute(db);
    return { members, sessions };
  } finally {
    await close();
  }
}

interface Attempt {
  status: number;
  code: string | undefined;
  ms: number;
}

/**
 * Plain `node:http` with one keep-alive agent per API process, as booking-rush does: every answer's status and
 * problem code is checked and every latency kept, so the percentiles over both processes are exact.
 */
function post(port: number, agent: http.Agent, path: string, authorization: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = http.request(
      { host: '127.0.0.1', port, agent, method: 'POST', path, headers: { authorization, 'content-length': '0' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const ms = performance.now() - start;
          const status = response.statusCode ?? 0;
          resolve({ status, code: status === 201 ? undefined : problemCode(Buffer.concat(chunks)), ms });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function problemCode(body: Buffer): string | undefined {
  try {
    return (JSON.parse(body.toString('utf8')) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

interface Target {
  port: number;
  agent: http.Agent;
}

interface Round {
  attempts: Attempt[];
  seconds: number;
  /** Pending holds or confirmed bookings of the half's sessions, counted in SQL after it. */
  taken: number;
}

/**
 * Every member takes a spot in every session: 50 workers (25 on each process) take the next attempt from one queue,
 * the first session's 500 first, so all workers queue on one session row at a time. The clock runs from the first
 * request sent to the last answer received.
 */
async function rush(kind: Kind, sessionIds: string[], members: Member[], targets: Target[], countTaken: (kind: Kind, sessionId: string) => Promise<number>): Promise<Round> {
  const attempts: Attempt[] = [];
  let next = 0;
  const worker = async (w: number) => {
    const { port, agent } = targets[w % targets.length];
    for (let i = next++; i < ATTEMPTS; i = next++) {
      const path = `/api/v1/sessions/${sessionIds[Math.floor(i / MEMBERS)]}/${kind}`;
      attempts.push(await post(port, agent, path, members[i % MEMBERS].authorization));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  const seconds = (performance.now() - start) / 1000;
  const taken = (await Promise.all(sessionIds.map((id) => countTaken(kind, id)))).reduce((sum, n) => sum + n, 0);
  return { attempts, seconds, taken };
}

/** Exactly 1,000 × 201 (a 200, a hold already held, counts as a failure too) and 1,000 rows in SQL, or the run fails. */
function verify(round: Round, label: string): void {
  const other = new Map<string, number>();
  for (const a of round.attempts) {
    if (a.status === 201) continue;
    const key = `${a.status} ${a.code ?? ''}`.trim();
    other.set(key, (other.get(key) ?? 0) + 1);
  }
  const problems = [
    round.attempts.length !== ATTEMPTS && `${round.attempts.length} answers instead of ${ATTEMPTS}`,
    other.size > 0 && `answers other than 201: ${[...other].map(([key, n]) => `${n} × ${key}`).join(', ')}`,
    round.taken !== ATTEMPTS && `${round.taken} spots taken in the database instead of ${ATTEMPTS}`,
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length > 0) throw new Error(`${label}: ${problems.join('; ')}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Summary {
  rate: number;
  p50: number;
  p99: number;
  count: number;
  seconds: number;
}

function summarise(measured: Round[]): Summary {
  const latencies = measured.flatMap((round) => round.attempts.map((a) => a.ms)).sort((a, b) => a - b);
  const seconds = measured.reduce((sum, round) => sum + round.seconds, 0);
  return { rate: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, seconds };
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const database = await scratchDatabase('fitflow_holds_bench');
  const { url } = database;
  const jwtSecret = randomBytes(32).toString('hex');
  let apis: ApiProcesses | undefined;
  const targets: Target[] = [];
  const counter = new pg.Client({ connectionString: url });
  let cleaning: Promise<void> | undefined;
  // The API processes always stop and the database always goes, whether the run ends, fails or is interrupted.
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await counter.end().catch(() => undefined);
      for (const { agent } of targets) agent.destroy();
      await apis?.stop();
      await database.drop();
    })());
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const { members, sessions } = await seed(url, jwtSecret, WARM_UP_ROUNDS + rounds);
    // Two real API processes (`main.ts`, as deployed) on the same PostgreSQL and Redis, on free ports. Its own Redis
    // prefix keeps the rate limiter's counters apart from anyone else's; they expire within the minute.
    apis = await startApiProcesses(
      API_PROCESSES,
      {
        NODE_ENV: 'production',
        DATABASE_URL: url,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: `fitflow-bench-holds-${randomBytes(4).toString('hex')}:`,
        JWT_SECRET: jwtSecret,
        RATE_LIMITS: 'hold=1000000/1m',
      },
      { nodeArgs: process.env['BENCH_API_NODE_ARGS']?.split(' ').filter(Boolean) ?? [] },
    );
    for (const api of apis.urls) {
      targets.push({ port: Number(new URL(api).port), agent: new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS / API_PROCESSES }) });
    }
    await counter.connect();
    const countTaken = async (kind: Kind, sessionId: string) => {
      const query =
        kind === 'hold'
          ? `select count(*)::int as n from holds where session_id = $1 and status = 'pending'`
          : `select count(*)::int as n from bookings where session_id = $1 and status = 'confirmed'`;
      return (await counter.query<{ n: number }>(query, [sessionId])).rows[0].n;
    };
    // Holds first in every other round: the machine's load drifts, and one half may warm the other's caches.
    const holdsFirst = (r: number) => r % 2 === 0;
    const runRound = async (r: number, label: string) => {
      const result = {} as Record<Kind, Round>;
      for (const kind of holdsFirst(r) ? KINDS : [...KINDS].reverse()) {
        result[kind] = await rush(kind, sessions[r][kind], members, targets, countTaken);
        verify(result[kind], `${label}, ${kind === 'hold' ? 'holds' : 'bookings'}`);
      }
      return result;
    };

    // Warm-up: V8's optimised code, pooled connections, prepared statements, the keep-alive sockets, cached tokens.
    for (let w = 0; w < WARM_UP_ROUNDS; w++) await runRound(w, `warm-up round ${w + 1}`);
    const measured: Record<Kind, Round>[] = [];
    for (let r = 1; r <= rounds; r++) {
      const round = await runRound(WARM_UP_ROUNDS + r - 1, `round ${r}`);
      measured.push(round);
      const [holds, bookings] = [summarise([round.hold]), summarise([round.book])];
      console.log(
        `round ${String(r).padStart(2)}: ${holds.rate.toFixed(0).padStart(5)} holds/s (p99 ${ms(holds.p99)}), ` +
          `${bookings.rate.toFixed(0).padStart(5)} bookings/s (p99 ${ms(bookings.p99)}), ` +
          `ratio ${(holds.rate / bookings.rate).toFixed(2)}, ${holdsFirst(WARM_UP_ROUNDS + r - 1) ? 'holds' : 'bookings'} first, load ${loadavg()[0].toFixed(2)}`,
      );
    }
    const loadAfter = loadavg()[0];

    const holds = summarise(measured.map((round) => round.hold));
    const bookings = summarise(measured.map((round) => round.book));
    const ratio = holds.rate / bookings.rate;
    const roundRatios = measured.map((round) => summarise([round.hold]).rate / summarise([round.book]).rate).sort((a, b) => a - b);
    const line = ({ rate, p50, p99, count, seconds }: Summary, unit: string) =>
      `${rate.toFixed(0).padStart(5)} ${unit}/s   p50 ${ms(p50)}   p99 ${ms(p99)}   (${count} in ${seconds.toFixed(2)} s, every one 201, checked)`;
    const figures = [
      ['POST /sessions/{id}/hold', line(holds, 'holds')],
      ['POST /sessions/{id}/book', line(bookings, 'bookings')],
      ['', `each half: ${MEMBERS} members × ${SESSIONS} sessions of ${MAX_CAPACITY} (Capacity's maximum), one after the other`],
      ['ratio holds/s / bookings/s', `${ratio.toFixed(2)} (target >= ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}   (per round: ${roundRatios[0].toFixed(2)}-${roundRatios[roundRatios.length - 1].toFixed(2)})`],
      ['load average (1 min)', `${loadAtStart.toFixed(2)} when the run started, ${loadAfter.toFixed(2)} after the rounds, with this run's own processes (${cpus().length} cores: repeat when the first is low)`],
    ];
    console.log(
      `\nholds: ${MEMBERS} members, ${ATTEMPTS} holds and ${ATTEMPTS} bookings a round, ${rounds} rounds (after ${WARM_UP_ROUNDS} warm-up rounds), ` +
        `${CONNECTIONS} connections over ${API_PROCESSES} API processes (ports ${targets.map((t) => t.port).join(', ')}), ${new Date().toISOString()}`,
    );
    for (const [label, text] of figures) console.log(`  ${label.padEnd(28)} ${text}`);
  } finally {
    await cleanUp();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

await main();
