/**
 * Browse benchmark (issue: scheduling). Seeds a fresh PostgreSQL database with 5,000 published sessions (and
 * 100,000 bookings once the bookings table exists), then
 * measures at 50 connections, in one run on this machine: a bare Fastify JSON route, a reference route (one indexed
 * 20-row SELECT through Kysely and pg) and `GET /api/v1/sessions` (one week, 20 a page, signed in), the last also on
 * an API whose per-request account read (the caller's current role) is answered from memory, to show its cost.
 * Prints the throughput, p50/p99 and ratios, and the plan of the schedule query.
 *
 * The database is vacuumed after seeding, as autovacuum would soon do on a live server (the PostgreSQL on this
 * machine runs with autovacuum off); `--no-vacuum` measures the freshly loaded tables instead, where counting a
 * session's bookings visits a heap page for every booking.
 *
 *   node_modules/.bin/tsx tools/bench/browse/run.ts [--seconds 10] [--no-vacuum]
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it explains
   the API's own query; nothing imports the benchmark. */
import { connectPostgres } from '../../../apps/api/src/infrastructure/database/connect';
import { KyselySessionsFinder } from '../../../apps/api/src/infrastructure/persistence/scheduling/kysely-sessions-finder';
import { SystemClock } from '../../../apps/api/src/infrastructure/system';
/* eslint-enable @nx/enforce-module-boundaries */
import { benchRun, numberArg } from '../shared/harness';
import { type BenchDatabase, insertMembers, insertTrainers, seedDatabase } from '../shared/seed';

const SESSIONS = 5_000;
const MEMBERS = 2_000;
const BOOKINGS_PER_SESSION = 20; // 100,000 bookings; capacity 24, so every session is nearly full
const CONNECTIONS = 50;
const seconds = numberArg('--seconds', 10);
const vacuum = !process.argv.includes('--no-vacuum');

/** Trainers and 5,000 published sessions: 100 a week, from this Monday on. */
function seed(url: string, weekStart: Date): Promise<void> {
  return seedDatabase(url, async (db) => {
    const trainers = await insertTrainers(db, ['Tess', 'Marco', 'Priya']);
    await sql`
      insert into class_sessions (id, trainer_id, name, description, starts_at, ends_at, capacity, credit_cost, status)
      select gen_random_uuid(), (${sql.val(trainers.map((t) => t.id))}::uuid[])[1 + i % 3],
             (array['Morning Yoga','HIIT Express','Pilates Core','Spin','Boxfit'])[1 + i % 5], '',
             ${weekStart}::timestamptz + (i / 100) * interval '7 days' + (i % 100) * interval '100 minutes',
             ${weekStart}::timestamptz + (i / 100) * interval '7 days' + (i % 100) * interval '100 minutes' + interval '60 minutes',
             24, 1, 'published'
      from generate_series(0, ${SESSIONS - 1}) as i`.execute(db);
    await seedBookings(db);
    // What autovacuum does to a table soon after a bulk load, done here because the PostgreSQL on this machine runs
    // with autovacuum off: statistics for the planner, the visibility map that lets a viewer's own booking be read
    // from the index alone, and the dead versions of each session's booked count (one per booking inserted) pruned.
    await (vacuum ? sql`vacuum analyze` : sql`analyze`).execute(db);
  });
}

/** 2,000 members and 20 confirmed bookings on every session (100,000), where the bookings table exists. */
async function seedBookings(db: BenchDatabase): Promise<void> {
  const { rows } = await sql<{ exists: boolean }>`select to_regclass('bookings') is not null as exists`.execute(db);
  if (!rows[0]?.exists) {
    console.log('no bookings table yet: seeding sessions only');
    return;
  }
  await insertMembers(db, MEMBERS);
  await sql`
    with members as (select id, row_number() over (order by id) - 1 as n from users where role = 'member'),
         sessions as (select id, row_number() over (order by starts_at, id) - 1 as n from class_sessions)
    insert into bookings (id, session_id, member_id, status, credits_spent)
    select gen_random_uuid(), s.id, m.id, 'confirmed', 1
    from sessions s
    cross join generate_series(0, ${BOOKINGS_PER_SESSION - 1}) as k
    join members m on m.n = (s.n * 7 + k) % ${MEMBERS}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from bookings`.execute(db);
  console.log(`seeded ${counted[0]?.n} bookings`);
}

/** EXPLAIN ANALYZE of exactly the statement the API runs for the measured request (the finder's own query). */
async function explain(url: string, from: Date, to: Date, memberEmail: string): Promise<string> {
  const { db, close } = connectPostgres(url, { poolSize: 1 });
  try {
    const { id } = await db.selectFrom('users').select('id').where('email', '=', memberEmail).executeTakeFirstOrThrow();
    const finder = new KyselySessionsFinder(db, new SystemClock());
    const query = finder.listQuery({ from, to, page: 1, pageSize: 20, viewer: { userId: id, role: 'member' } });
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain analyze ${query}`.execute(db);
    return rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n');
  } finally {
    await close();
  }
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

await benchRun('fitflow_browse', async (run) => {
  const { url } = run;
  const now = new Date();
  const weekStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const weekEnd = new Date(weekStart.getTime() + 7 * 86_400_000);
  const child = fork(fileURLToPath(new URL('./servers.ts', import.meta.url)), {
    env: { ...process.env, DATABASE_URL: url, BENCH_FROM: weekStart.toISOString(), JWT_SECRET: randomBytes(32).toString('hex') },
    execArgv: ['--import', 'tsx'],
  });
  run.atEnd(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  await seed(url, weekStart);
  const ready = new Promise<{ ports: { barePort: number; referencePort: number; apiPort: number; apiWithoutAccountReadPort: number } }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as never));
    child.once('exit', (code) => reject(new Error(`servers exited with ${code}`)));
  });
  const { ports } = await ready;
  const api = `http://127.0.0.1:${ports.apiPort}/api/v1`;
  // A password no strength check refuses: random, long, of several kinds of character.
  const member = { email: 'bench@bench.test', password: `Tide-${randomBytes(9).toString("base64url")}-7q`, name: 'Bench Member' };
  const registered = await fetch(`${api}/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(member) });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status} ${await registered.text()}`);
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(member) });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const signedIn = { authorization: `Bearer ${accessToken}` };
  const sessionsUrl = `${api}/sessions?from=${weekStart.toISOString()}&to=${weekEnd.toISOString()}&pageSize=20`;
  const check = await fetch(sessionsUrl, { headers: signedIn });
  const page = (await check.json()) as { items: unknown[]; total: number };
  console.log(`GET /sessions answers ${check.status} with ${page.items.length} of ${page.total} sessions this week`);

  const bare = await load('bare Fastify JSON route', `http://127.0.0.1:${ports.barePort}/bare`);
  const reference = await load('reference: Kysely+pg 20-row SELECT', `http://127.0.0.1:${ports.referencePort}/reference`);
  const sessions = await load('GET /sessions (week, 20/page, signed in)', sessionsUrl, signedIn);
  const withoutAccountRead = await load(
    '  the same without the account read',
    sessionsUrl.replace(`:${ports.apiPort}/`, `:${ports.apiWithoutAccountReadPort}/`),
    signedIn,
  );

  console.log(`\nbrowse benchmark: ${SESSIONS} sessions (bookings: see above${vacuum ? ', vacuumed' : ', never vacuumed'}), ${CONNECTIONS} connections, ${seconds} s each, ${new Date().toISOString()}`);
  for (const f of [bare, reference, sessions, withoutAccountRead]) {
    console.log(`  ${f.name.padEnd(42)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`);
  }
  console.log(`  ratio GET /sessions / reference: ${(sessions.rps / reference.rps).toFixed(2)} (target >= 0.6; p99 target < 100 ms)`);
  console.log(`  ratio reference / bare:          ${(reference.rps / bare.rps).toFixed(2)}`);
  console.log(`  ratio with / without the per-request account read: ${(sessions.rps / withoutAccountRead.rps).toFixed(2)}`);
  console.log(`\nplan of the week query:\n${await explain(url, weekStart, weekEnd, member.email)}`);
});
