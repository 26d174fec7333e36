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
import { loadavg } from 'node:os';
import { sql } from 'kysely';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it mints
   tokens with the API's own issuer and sizes sessions by the domain's own maximum; nothing imports the benchmark. */
import { MAX_CAPACITY } from '@fitflow/domain-scheduling';
import { seedMembersWithTokens } from '../../../apps/api/src/testing/api-processes';
/* eslint-enable @nx/enforce-module-boundaries */
import { type Figure, loadAverageFigure, ms, printFigures, type Summary, summarise } from '../shared/figures';
import { benchRun, type CountRows, numberArg, rowCounter, startApiTargets } from '../shared/harness';
import { failOnProblems, rush, type Target, type Timed, unexpectedAnswers } from '../shared/load';
import { insertSessions, insertTrainers, seedDatabase } from '../shared/seed';

/** As many members as a session has spots at most, so each member takes one spot in every session. */
const MEMBERS = MAX_CAPACITY;
const SESSIONS = 2; // per half of a round: MEMBERS × SESSIONS attempts, all of them taking a spot
const ATTEMPTS = MEMBERS * SESSIONS;
const CONNECTIONS = 50; // split evenly over the API processes
const API_PROCESSES = 2;
const TARGET_RATIO = 0.9;
/** Verified, not timed: until V8 has optimised the request paths, the first rounds measure the compiler. */
const WARM_UP_ROUNDS = 3;
const rounds = numberArg('--rounds', 10);

type Kind = 'hold' | 'book';
const KINDS: readonly Kind[] = ['hold', 'book'];

interface Member {
  authorization: string;
}

/** Per round (warm-up rounds first), the published 500-spot sessions of each half, three days ahead. */
type Sessions = Record<Kind, string[]>[];

/** A trainer, the members (with tokens from the API's own issuer) and every round's sessions, straight in SQL. */
function seed(url: string, jwtSecret: string, roundCount: number): Promise<{ members: Member[]; sessions: Sessions }> {
  return seedDatabase(url, async (db) => {
    const [trainer] = await insertTrainers(db, ['Tess']);
    const members = await seedMembersWithTokens(db, jwtSecret, MEMBERS);
    const sessions: Sessions = Array.from({ length: roundCount }, () => ({
      hold: Array.from({ length: SESSIONS }, () => randomUUID()),
      book: Array.from({ length: SESSIONS }, () => randomUUID()),
    }));
    const rows = sessions.flatMap((round, r) => KINDS.flatMap((kind) => round[kind].map((id, s) => ({ id, name: `${kind} ${r}.${s}`, capacity: MAX_CAPACITY }))));
    await insertSessions(db, trainer.id, rows);
    await sql`analyze`.execute(db);
    return { members, sessions };
  });
}

interface Round extends Timed {
  /** Pending holds or confirmed bookings of the half's sessions, counted in SQL after it. */
  taken: number;
}

const TAKEN: Record<Kind, string> = {
  hold: `select count(*)::int as n from holds where session_id = $1 and status = 'pending'`,
  book: `select count(*)::int as n from bookings where session_id = $1 and status = 'confirmed'`,
};

/**
 * Every member takes a spot in every session: 50 workers (25 on each process) take the next attempt from one queue,
 * the first session's 500 first, so all workers queue on one session row at a time.
 */
async function rushHalf(kind: Kind, sessionIds: string[], members: Member[], targets: Target[], countRows: CountRows): Promise<Round> {
  const timed = await rush(targets, CONNECTIONS, ATTEMPTS, (i) => ({
    path: `/api/v1/sessions/${sessionIds[Math.floor(i / MEMBERS)]}/${kind}`,
    authorization: members[i % MEMBERS].authorization,
  }));
  const taken = (await Promise.all(sessionIds.map((id) => countRows(TAKEN[kind], [id])))).reduce((sum, n) => sum + n, 0);
  return { ...timed, taken };
}

/** Exactly 1,000 × 201 (a 200, a hold already held, counts as a failure too) and 1,000 rows in SQL, or the run fails. */
function verify(round: Round, label: string): void {
  const other = unexpectedAnswers(round.attempts, (a) => a.status === 201);
  failOnProblems(label, [
    round.attempts.length !== ATTEMPTS && `${round.attempts.length} answers instead of ${ATTEMPTS}`,
    other && `answers other than 201: ${other}`,
    round.taken !== ATTEMPTS && `${round.taken} spots taken in the database instead of ${ATTEMPTS}`,
  ]);
}

await benchRun('fitflow_holds_bench', async (run) => {
  const jwtSecret = randomBytes(32).toString('hex');
  const { members, sessions } = await seed(run.url, jwtSecret, WARM_UP_ROUNDS + rounds);
  // Two real API processes (`main.ts`, as deployed) on the same PostgreSQL and Redis, on free ports. Its own Redis
  // prefix keeps the rate limiter's counters apart from anyone else's; they expire within the minute.
  const targets = await startApiTargets(run, {
    processes: API_PROCESSES,
    connections: CONNECTIONS,
    jwtSecret,
    env: { REDIS_PREFIX: `fitflow-bench-holds-${randomBytes(4).toString('hex')}:`, RATE_LIMITS: 'hold=1000000/1m' },
  });
  const countRows = await rowCounter(run);
  // Holds first in every other round: the machine's load drifts, and one half may warm the other's caches.
  const holdsFirst = (r: number) => r % 2 === 0;
  const runRound = async (r: number, label: string) => {
    const result = {} as Record<Kind, Round>;
    for (const kind of holdsFirst(r) ? KINDS : [...KINDS].reverse()) {
      result[kind] = await rushHalf(kind, sessions[r][kind], members, targets, countRows);
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
  const figures: Figure[] = [
    ['POST /sessions/{id}/hold', line(holds, 'holds')],
    ['POST /sessions/{id}/book', line(bookings, 'bookings')],
    ['', `each half: ${MEMBERS} members × ${SESSIONS} sessions of ${MAX_CAPACITY} (Capacity's maximum), one after the other`],
    ['ratio holds/s / bookings/s', `${ratio.toFixed(2)} (target >= ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}   (per round: ${roundRatios[0].toFixed(2)}-${roundRatios[roundRatios.length - 1].toFixed(2)})`],
    loadAverageFigure(run.loadAtStart, loadAfter),
  ];
  printFigures(
    `holds: ${MEMBERS} members, ${ATTEMPTS} holds and ${ATTEMPTS} bookings a round, ${rounds} rounds (after ${WARM_UP_ROUNDS} warm-up rounds), ` +
      `${CONNECTIONS} connections over ${API_PROCESSES} API processes (ports ${targets.map((t) => t.port).join(', ')}), ${new Date().toISOString()}`,
    figures,
  );
});
