/**
 * Booking-rush benchmark (issue: bookings). 1,000 members book one 50-spot session at once through two real API
 * processes (`apps/api/src/main.ts`, ports 4411 and 4412) on one PostgreSQL database and one Redis, at 50
 * concurrent connections (25 on each process). Every round must end with exactly 50 × 201 and 950 × 409
 * SESSION_FULL, and 50 confirmed bookings counted in SQL, or the run fails (exit status 1). Beside the figures it
 * prints the hot-row ceiling of the same PostgreSQL: pgbench running `BEGIN; SELECT ... FOR UPDATE; UPDATE; COMMIT`
 * on one row (of a copy of the sessions table) with the same 50 clients, and the ratio attempts/s ÷ that ceiling
 * (target >= 0.5).
 *
 * That ratio compares unlike work: 95 % of the rush's attempts are refusals that roll back, while every pgbench
 * transaction commits, so it swings with the disk's fsync. Each round therefore has a second half in which every
 * attempt books: the same 1,000 members take 1,000 spots, two 500-spot sessions (500 is `Capacity`'s maximum)
 * booked one after the other, so each attempt takes one hot row (its session's booked count) and commits, as
 * pgbench's do. It must end with exactly 1,000 × 201 and 1,000 confirmed bookings, and its ratio bookings/s ÷ the
 * ceiling is printed beside the rush's (target >= 0.5).
 *
 * Before each measured round the tables are vacuumed and analysed, as autovacuum leaves them between one popular
 * class's rush and the next (see `asAutovacuumLeavesIt`).
 *
 * Every class costs 1 credit and every member holds enough, so each booking also spends from the member's balance
 * and writes a ledger line in its transaction (issue: credits). A third half books free classes (0 credits: the
 * balance is locked as for any booking, nothing is written to it) the same way, and its ratio is printed too, so the
 * cost of the credit change shows. It must end with
 * every member's balance down by exactly the paid bookings they made. Targets are printed, never enforced.
 *
 *   node_modules/.bin/tsx tools/bench/booking-rush/run.ts [--rounds 10]
 *
 * BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' passes Node options to both API processes (profiles).
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it mints
   tokens with the API's own issuer and sizes sessions by the domain's own maximum; nothing imports the benchmark. */
import { MAX_CAPACITY } from '@fitflow/domain-scheduling';
import { JwtAccessTokenIssuer } from '../../../apps/api/src/infrastructure/security/tokens';
import { fundMembers } from '../../../apps/api/src/testing/credits';
/* eslint-enable @nx/enforce-module-boundaries */
import { type Figure, loadAverageFigure, ms, printFigures, summarise } from '../shared/figures';
import { benchRun, type CountRows, numberArg, rowCounter, startApiTargets } from '../shared/harness';
import { type Attempt, failOnProblems, rush, type Target, type Timed, unexpectedAnswers } from '../shared/load';
import { insertMembers, insertSessions, insertTrainers, seedDatabase } from '../shared/seed';

const MEMBERS = 1_000;
const CAPACITY = 50;
const CONNECTIONS = 50; // split evenly over the API processes
const PORTS = [4411, 4412];
const PGBENCH = '/usr/bin/pgbench';
const PSQL = '/usr/bin/psql';
/**
 * pgbench runs for about 10 s in all, in slices right after each round, so the ceiling and the rush are measured
 * on the same machine at the same moments: it is shared, and its load drifts by a factor of two within a minute.
 */
const PGBENCH_SECONDS = 10;
const TARGET_RATIO = 0.5;
/** The all-booked half: every member's attempt books, in sessions as large as `Capacity` allows. */
const FULL_SESSIONS = Math.ceil(MEMBERS / MAX_CAPACITY);
const TARGET_FULL_RATIO = 0.5;
/** More than the paid bookings any member makes in a run (at most three a round). */
const MEMBER_CREDITS = 100;
/** Verified, not timed: until V8 has optimised the request path, the first rounds measure the compiler. */
const WARM_UP_ROUNDS = 3;
const rounds = numberArg('--rounds', 10);

interface Seeded {
  members: { id: string }[];
  /** One published 50-spot session per round (warm-up rounds first), three days ahead. */
  sessions: string[];
  /** Per round, the published 500-spot sessions that together seat every member. */
  fullSessions: string[][];
  /** The same, free (0 credits): the all-booked half without the credit change. */
  freeSessions: string[][];
  /** The row pgbench hammers: a session of its own, so the rush's rows stay as the API left them. */
  ceilingSession: string;
}

/** A trainer, 1,000 members and the sessions, straight in SQL (see `mintTokens` for why not through the API). */
function seed(url: string, roundCount: number): Promise<Seeded> {
  return seedDatabase(url, async (db) => {
    const [trainer] = await insertTrainers(db, ['Tess']);
    const members = await insertMembers(db, MEMBERS);
    const rushes = Array.from({ length: roundCount }, (_, i) => ({ id: randomUUID(), name: `Rush ${i}`, capacity: CAPACITY }));
    await fundMembers(db, members.map((member) => member.id), MEMBER_CREDITS);
    const allBooked = (label: string, creditCost: number) =>
      Array.from({ length: roundCount }, (_, i) =>
        Array.from({ length: FULL_SESSIONS }, (_, s) => ({ id: randomUUID(), name: `${label} ${i}.${s}`, capacity: MAX_CAPACITY, creditCost })),
      );
    const fulls = allBooked('All booked', 1);
    const frees = allBooked('All booked, free', 0);
    const ceiling = { id: randomUUID(), name: 'pgbench hot row', capacity: CAPACITY };
    await insertSessions(db, trainer.id, [...rushes, ...fulls.flat(), ...frees.flat(), ceiling]);
    // pgbench's row lives in a copy of the sessions table: thousands of updates of one row bloat its table and index,
    // and the rounds after the first would book through that bloat, which no studio's sessions table ever has.
    await sql`create table hot_row_ceiling (like class_sessions including all)`.execute(db);
    await sql`insert into hot_row_ceiling select * from class_sessions where id = ${ceiling.id}`.execute(db);
    await sql`analyze`.execute(db);
    return {
      members,
      sessions: rushes.map((s) => s.id),
      fullSessions: fulls.map((round) => round.map((s) => s.id)),
      freeSessions: frees.map((round) => round.map((s) => s.id)),
      ceilingSession: ceiling.id,
    };
  });
}

/**
 * Access tokens minted with the API's own issuer (`JwtAccessTokenIssuer`: HS256, `sub`, `typ` and `exp`) and the
 * JWT_SECRET the API processes get, so the authentication plugin verifies them exactly as it verifies a token from
 * POST /auth/login. Registering or signing in 1,000 members through the API would spend minutes in argon2 and
 * measure nothing this benchmark is about.
 */
function mintTokens(secret: string, members: { id: string }[]): string[] {
  const issuer = new JwtAccessTokenIssuer(secret, 3_600);
  return members.map((member) => issuer.issue({ userId: member.id }).token);
}

interface Round extends Timed {
  booked: number;
  /** The sessions' booked count as the `bookings` trigger kept it: must equal `booked`. */
  counted: number;
}

const BOOKED = `select count(*)::int as n from bookings where session_id = $1 and status = 'confirmed'`;
const COUNTED = `select coalesce(sum(booked), 0)::int as n from session_booked_counts where session_id = $1`;

/**
 * Every member books once: 50 workers (25 on each process) take the next member from one queue until all 1,000
 * have tried. With several sessions the queue's first members book the first one, the next ones the second, and
 * so on, so all workers queue on one session row at a time. `booked` counts the confirmed bookings of all the
 * sessions.
 */
async function bookingRush(sessionIds: string[], tokens: string[], targets: Target[], countRows: CountRows): Promise<Round> {
  const sessionOf = (member: number) => sessionIds[Math.floor((member * sessionIds.length) / tokens.length)];
  const timed = await rush(targets, CONNECTIONS, tokens.length, (i) => ({
    path: `/api/v1/sessions/${sessionOf(i)}/book`,
    authorization: `Bearer ${tokens[i]}`,
  }));
  const sum = async (query: string) => (await Promise.all(sessionIds.map((id) => countRows(query, [id])))).reduce((total, n) => total + n, 0);
  return { ...timed, booked: await sum(BOOKED), counted: await sum(COUNTED) };
}

const isFull = (a: Attempt) => a.status === 409 && a.code === 'SESSION_FULL';

/**
 * Exactly `spots` × 201 and the rest 409 SESSION_FULL, and `spots` confirmed rows (the rush: 50 and 950; the
 * all-booked half: 1,000 and none), as many as the sessions' booked count says; anything else fails the run.
 */
function verify(round: Round, label: string, spots: number): void {
  const created = round.attempts.filter((a) => a.status === 201).length;
  const full = round.attempts.filter(isFull).length;
  const other = unexpectedAnswers(round.attempts, (a) => a.status === 201 || isFull(a));
  failOnProblems(label, [
    round.attempts.length !== MEMBERS && `${round.attempts.length} answers instead of ${MEMBERS}`,
    created !== spots && `${created} × 201 instead of ${spots}`,
    full !== MEMBERS - spots && `${full} × 409 SESSION_FULL instead of ${MEMBERS - spots}`,
    other && `unexpected answers: ${other}`,
    round.booked !== spots && `${round.booked} confirmed bookings in the database instead of ${spots}`,
    round.counted !== round.booked && `a booked count of ${round.counted} kept for ${round.booked} confirmed bookings`,
  ]);
}

/**
 * Money adds up: every member's balance is their starting credits less one per confirmed paid booking, and the
 * ledger has one `booking` line per such booking; anything else fails the run.
 */
async function verifyBalances(countRows: CountRows, members: number): Promise<void> {
  const wrong = await countRows(
    `select count(*)::int as n from memberships m
      where m.balance <> ${MEMBER_CREDITS} - (select count(*) from bookings b where b.member_id = m.member_id and b.status = 'confirmed' and b.credits_spent = 1)`,
    [],
  );
  const lines = await countRows(`select count(*)::int as n from credit_transactions where type = 'booking'`, []);
  const paid = await countRows(`select count(*)::int as n from bookings where status = 'confirmed' and credits_spent = 1`, []);
  const funded = await countRows(`select count(*)::int as n from memberships`, []);
  failOnProblems('balances', [
    funded !== members && `${funded} balances instead of ${members}`,
    wrong !== 0 && `${wrong} members whose balance is not their credits less their paid bookings`,
    lines !== paid && `${lines} booking lines in the ledger for ${paid} paid bookings`,
  ]);
}

/**
 * The hot-row ceiling: pgbench, 50 clients on 2 threads, lock-then-update one session row (in its own table), with
 * prepared statements
 * as the API uses them (`connect.ts` names every statement).
 */
async function hotRowCeiling(url: string, sessionId: string, seconds: number): Promise<{ tps: number; latencyMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'booking-rush-'));
  try {
    const script = join(dir, 'hot-row.sql');
    await writeFile(
      script,
      [
        'begin;',
        'select id, capacity from hot_row_ceiling where id = :id for update;',
        'update hot_row_ceiling set updated_at = now() where id = :id;',
        'commit;',
        '',
      ].join('\n'),
    );
    const target = new URL(url);
    const { stdout } = await promisify(execFile)(PGBENCH, [
      '--no-vacuum',
      '--protocol=prepared',
      `--client=${CONNECTIONS}`,
      '--jobs=2',
      `--time=${seconds}`,
      `--file=${script}`,
      `--define=id=${sessionId}`,
      `--host=${target.hostname}`,
      `--port=${target.port || '5432'}`,
      `--username=${decodeURIComponent(target.username) || 'postgres'}`,
      target.pathname.slice(1),
    ]);
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
    const failed = /number of failed transactions: (\d+)/.exec(stdout)?.[1];
    if (!tps || !latency) throw new Error(`cannot read pgbench's output:\n${stdout}`);
    if (failed && failed !== '0') throw new Error(`pgbench: ${failed} failed transactions:\n${stdout}`);
    return { tps: Number(tps), latencyMs: Number(latency) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `VACUUM ANALYZE`, as autovacuum leaves a studio's tables between one popular class's rush and the next (it wakes
 * every minute; these rounds follow each other within seconds, and the PostgreSQL on this machine runs with
 * autovacuum off). Without it the planner keeps the statistics of the empty tables the run started with: it reads a
 * member's own booking of a session by scanning every booking, a scan that grows with each round (measured:
 * all-booked rounds fell from 420 to 280 bookings/s over six rounds, and stayed level with this).
 */
async function asAutovacuumLeavesIt(url: string): Promise<void> {
  await promisify(execFile)(PSQL, ['--quiet', '--command=vacuum analyze', url]);
}

await benchRun('fitflow_booking_rush', async (run) => {
  const { url } = run;
  const jwtSecret = randomBytes(32).toString('hex');
  const seeded = await seed(url, WARM_UP_ROUNDS + rounds);
  const tokens = mintTokens(jwtSecret, seeded.members);
  // Two real API processes (`main.ts`, as deployed) on the same PostgreSQL and Redis. POST /sessions/{id}/book has
  // no rate limit (only sign-in and holds do), so RATE_LIMITS stays as it is.
  const targets = await startApiTargets(run, { processes: PORTS.length, connections: CONNECTIONS, jwtSecret, ports: PORTS });
  const countRows = await rowCounter(run);

  // Warm-up: V8's optimised code, pooled connections, prepared statements, the keep-alive sockets, cached tokens.
  for (let w = 0; w < WARM_UP_ROUNDS; w++) {
    verify(await bookingRush([seeded.sessions[w]], tokens, targets, countRows), `warm-up round ${w + 1}`, CAPACITY);
    verify(await bookingRush(seeded.fullSessions[w], tokens, targets, countRows), `warm-up round ${w + 1}, all booked`, MEMBERS);
    verify(await bookingRush(seeded.freeSessions[w], tokens, targets, countRows), `warm-up round ${w + 1}, all booked free`, MEMBERS);
  }
  const measured: Round[] = [];
  const allBooked: Round[] = [];
  const allBookedFree: Round[] = [];
  const ceilings: { tps: number; latencyMs: number }[] = [];
  const slice = Math.max(1, Math.round(PGBENCH_SECONDS / rounds));
  for (let r = 1; r <= rounds; r++) {
    await asAutovacuumLeavesIt(url);
    const round = await bookingRush([seeded.sessions[WARM_UP_ROUNDS + r - 1]], tokens, targets, countRows);
    verify(round, `round ${r}`, CAPACITY);
    measured.push(round);
    const full = await bookingRush(seeded.fullSessions[WARM_UP_ROUNDS + r - 1], tokens, targets, countRows);
    verify(full, `round ${r}, all booked`, MEMBERS);
    allBooked.push(full);
    const free = await bookingRush(seeded.freeSessions[WARM_UP_ROUNDS + r - 1], tokens, targets, countRows);
    verify(free, `round ${r}, all booked free`, MEMBERS);
    allBookedFree.push(free);
    const ceiling = await hotRowCeiling(url, seeded.ceilingSession, slice);
    ceilings.push(ceiling);
    const rate = MEMBERS / round.seconds;
    const fullRate = MEMBERS / full.seconds;
    const freeRate = MEMBERS / free.seconds;
    console.log(
      `round ${String(r).padStart(2)}: ${rate.toFixed(0).padStart(5)} attempts/s, ` +
        `${round.attempts.filter((a) => a.status === 201).length} × 201, booked ${round.booked}; ` +
        `all booked: ${fullRate.toFixed(0).padStart(5)} bookings/s (free ${freeRate.toFixed(0)}), booked ${full.booked}; ` +
        `pgbench ${slice} s right after: ${ceiling.tps.toFixed(0).padStart(5)} tps, ` +
        `ratios ${(rate / ceiling.tps).toFixed(2)}, ${(fullRate / ceiling.tps).toFixed(2)} and free ${(freeRate / ceiling.tps).toFixed(2)}`,
    );
  }
  const loadAfter = loadavg()[0];

  const attempts = summarise(measured);
  const created = summarise(measured, (a) => a.status === 201);
  const ceiling = ceilings.reduce((sum, c) => sum + c.tps, 0) / ceilings.length;
  const ceilingLatency = ceilings.reduce((sum, c) => sum + c.latencyMs, 0) / ceilings.length;
  const tpsRange = `${Math.min(...ceilings.map((c) => c.tps)).toFixed(0)}-${Math.max(...ceilings.map((c) => c.tps)).toFixed(0)}`;
  const ratio = attempts.rate / ceiling;
  const booked = [...new Set(measured.map((round) => round.booked))];
  const bookings = summarise(allBooked);
  const fullRatio = bookings.rate / ceiling;
  const fullBooked = [...new Set(allBooked.map((round) => round.booked))];
  const freeBookings = summarise(allBookedFree);
  const freeRatio = freeBookings.rate / ceiling;
  await verifyBalances(countRows, seeded.members.length);
  const figures: Figure[] = [
    ['POST /sessions/{id}/book', `${attempts.rate.toFixed(0)} attempts/s   p50 ${ms(attempts.p50)}   p99 ${ms(attempts.p99)}   (${attempts.count} attempts in ${attempts.seconds.toFixed(2)} s)`],
    [`  the ${created.count} × 201 alone`, `${' '.repeat(attempts.rate.toFixed(0).length)}              p50 ${ms(created.p50)}   p99 ${ms(created.p99)}`],
    ['booked per session', `${booked.join(', ')} in every round (must be exactly ${CAPACITY}: ${CAPACITY} × 201 + ${MEMBERS - CAPACITY} × 409 SESSION_FULL, checked)`],
    ['the same, all booked', `${bookings.rate.toFixed(0)} bookings/s   p50 ${ms(bookings.p50)}   p99 ${ms(bookings.p99)}   (${bookings.count} bookings in ${bookings.seconds.toFixed(2)} s)`],
    ['', `each spends 1 credit in its transaction (the member's balance locked, a ledger line written); balances checked`],
    ['the same, free classes', `${freeBookings.rate.toFixed(0)} bookings/s   p50 ${ms(freeBookings.p50)}   p99 ${ms(freeBookings.p99)}   (0 credits: the balance locked, nothing written to it)`],
    ['', `${FULL_SESSIONS} sessions of ${MAX_CAPACITY} (Capacity's maximum) a round, one after the other: each attempt takes one hot row and commits`],
    ['booked per round', `${fullBooked.join(', ')} in every round (must be exactly ${MEMBERS}: ${MEMBERS} × 201, checked)`],
    ['hot-row ceiling (pgbench)', `${ceiling.toFixed(0)} tps   latency avg ${ms(ceilingLatency)}   (${rounds} × ${slice} s, one slice after each round: ${tpsRange} tps)`],
    ['', `${CONNECTIONS} clients, -j 2, prepared statements: BEGIN; SELECT ... FOR UPDATE; UPDATE; COMMIT on one row`],
    ['ratio attempts/s / ceiling', `${ratio.toFixed(2)} (target >= ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`],
    ['ratio bookings/s / ceiling', `${fullRatio.toFixed(2)} (target >= ${TARGET_FULL_RATIO}) ${fullRatio >= TARGET_FULL_RATIO ? 'OK' : 'BELOW TARGET'}   (all booked, 1 credit each: like for like with pgbench)`],
    ['  free classes', `${freeRatio.toFixed(2)}   (the same without the credit change)`],
    loadAverageFigure(run.loadAtStart, loadAfter),
  ];
  printFigures(
    `booking rush: ${MEMBERS} members, ${CAPACITY} spots (then ${MEMBERS} spots, all booked), ${rounds} rounds (after ${WARM_UP_ROUNDS} warm-up rounds), ${CONNECTIONS} connections over ` +
      `${PORTS.length} API processes (ports ${PORTS.join(', ')}), ${new Date().toISOString()}`,
    figures,
  );
});
