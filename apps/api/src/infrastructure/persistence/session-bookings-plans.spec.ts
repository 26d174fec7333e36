import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@fitflow/domain-shared';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';
import type { Database } from '../database/schema';
import { KyselyAttendanceFinder } from './booking/kysely-attendance-finder';
import { KyselySessionsFinder } from './scheduling/kysely-sessions-finder';
import { anyCheckedIn, occupancyOf, viewerStakeIn } from './scheduling/occupancy-sql';

const HOUR = 3_600_000;
const FROM = new Date('2027-03-01T00:00:00.000Z');
/** Half a year into the seeded year: half the sessions are over, their bookings checked in, no-shows or cancelled. */
const NOW = new Date(FROM.getTime() + 182 * 24 * HOUR);

async function planOf(db: Kysely<Database>, query: Expression<unknown>): Promise<string> {
  const { rows } = await sql<Record<string, string>>`explain ${query}`.execute(db);
  return rows.map((row) => Object.values(row)[0]).join('\n');
}

/**
 * Every read of one session's bookings, planned on a studio with a year of classes: 5,000 sessions of ten bookings
 * each, one in four cancelled, the past ones checked in or no-shows. Each must find the session's bookings through
 * `bookings_session_id_kept_idx` (its booked count through the key of `session_booked_counts`), never by scanning
 * every booking.
 */
describe.each(TEST_DATABASES)('the reads of a session’s bookings on a seeded table, on %s', (kind) => {
  let database: TestDatabase;
  let session: string;
  let member: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const people = Array.from({ length: 220 }, (_, i) => ({
      id: randomUUID(),
      email: `p${i}@example.test`,
      name: `Person ${String(i).padStart(3, '0')}`,
      role: i < 20 ? ('trainer' as const) : ('member' as const),
      password_hash: 'x',
    }));
    await db.insertInto('users').values(people).execute();
    await sql`
      insert into class_sessions (id, trainer_id, name, starts_at, ends_at, capacity, credit_cost, status, cancellation_reason)
      select gen_random_uuid(),
             (select array_agg(id order by email) from users where role = 'trainer')[1 + n % 20],
             'Class ' || n,
             ${FROM}::timestamptz + n * interval '105 minutes',
             ${FROM}::timestamptz + n * interval '105 minutes' + interval '1 hour',
             12, 1, 'published', null
        from generate_series(0, 4999) as n`.execute(db);
    await sql`
      with members as (select array_agg(id order by email) as ids from users where role = 'member'),
           numbered as (select id, starts_at, ends_at, row_number() over (order by starts_at) as n from class_sessions)
      insert into bookings (id, session_id, member_id, status, credits_spent, created_at, cancelled_at, checked_in_at)
      select gen_random_uuid(), s.id, (select ids from members)[1 + (s.n * 7 + k) % 200],
             case when k % 4 = 0 then 'cancelled' when s.ends_at <= ${NOW}::timestamptz and k % 3 = 0 then 'no_show' else 'confirmed' end,
             1, s.starts_at - interval '2 days',
             case when k % 4 = 0 then s.starts_at - interval '1 day' end,
             case when k % 4 <> 0 and k % 3 <> 0 and s.ends_at <= ${NOW}::timestamptz then s.starts_at end
        from numbered s cross join generate_series(0, 9) as k`.execute(db);
    await sql`
      insert into check_ins (booking_id, session_id, method, is_late, recorded_by)
      select id, session_id, 'manual', false, null from bookings where checked_in_at is not null`.execute(db);
    // As autovacuum leaves a table: analysed, and its visibility map set (which index-only scans rely on).
    for (const table of ['users', 'class_sessions', 'bookings', 'session_booked_counts', 'check_ins']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    const past = await db
      .selectFrom('bookings')
      .innerJoin('class_sessions', 'class_sessions.id', 'bookings.session_id')
      .select(['bookings.session_id', 'bookings.member_id'])
      .where('bookings.status', '=', 'no_show')
      .where('class_sessions.starts_at', '>=', new Date(NOW.getTime() - 7 * 24 * HOUR))
      .executeTakeFirstOrThrow();
    session = past.session_id;
    member = past.member_id;
  });
  afterAll(() => database?.close());

  it('builds the roster through the index', async () => {
    const plan = await planOf(database.db, new KyselyAttendanceFinder(database.db).rosterQuery(session));
    expect(plan).toContain('bookings_session_id_kept_idx');
    expect(plan).not.toMatch(/Seq Scan on bookings/);
  });

  it('counts a week of the attendance report through the index', async () => {
    const week = { from: new Date(NOW.getTime() - 7 * 24 * HOUR), to: NOW, trainerId: null, now: NOW };
    const plan = await planOf(database.db, new KyselyAttendanceFinder(database.db).reportQuery(week));
    expect(plan).toContain('bookings_session_id_kept_idx');
    expect(plan).not.toMatch(/Seq Scan on (bookings|class_sessions)/);
  });

  it('reads a session’s booked spots from its count’s row, finds the viewer’s booking and asks whether anyone checked in through the index', async () => {
    const id = sql.val(session);
    const counts = await planOf(database.db, sql`select * from ${occupancyOf(database.db, id, NOW)} as o`);
    const stake = await planOf(database.db, sql`select * from ${viewerStakeIn(database.db, id, member, NOW)} as v`);
    const checkedIn = await planOf(database.db, anyCheckedIn(id));
    expect(counts).toMatch(/Index Scan using session_booked_counts_pkey/);
    for (const plan of [stake, checkedIn]) expect(plan).toContain('bookings_session_id_kept_idx');
    expect([counts, stake, checkedIn].join('\n')).not.toMatch(/Seq Scan on bookings/);
  });

  it('reads a week of the schedule with the viewer’s stake through the index', async () => {
    const finder = new KyselySessionsFinder(database.db, new FixedClock(NOW));
    const week = { from: new Date(NOW.getTime() - 7 * 24 * HOUR), to: NOW, page: 1, pageSize: 20 };
    const plan = await planOf(database.db, finder.listQuery({ ...week, viewer: { userId: member, role: 'member' } }));
    expect(plan).toContain('bookings_session_id_kept_idx');
    expect(plan).not.toMatch(/Seq Scan on (bookings|class_sessions)/);
  });
});
