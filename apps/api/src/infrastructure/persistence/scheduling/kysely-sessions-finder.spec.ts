import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Page } from '@fitflow/application-shared';
import type { SessionView, SessionsFilter } from '@fitflow/application-scheduling';
import { ClassSession, type ClassSessionSnapshot, effectiveSessionStatus, isSessionVisibleTo } from '@fitflow/domain-scheduling';
import { FixedClock } from '@fitflow/domain-shared';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../../testing/databases';
import { KyselyUnitOfWork } from '../../database/kysely-unit-of-work';
import { KyselyClassSessionRepository } from './kysely-class-session-repository';
import { KyselySessionsFinder } from './kysely-sessions-finder';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const HOUR = 3_600_000;

const people = {
  tess: { userId: randomUUID(), role: 'trainer', name: 'Tess Trainer' },
  bea: { userId: randomUUID(), role: 'trainer', name: 'Bea Baker' },
  ada: { userId: randomUUID(), role: 'admin', name: 'Ada Admin' },
  max: { userId: randomUUID(), role: 'member', name: 'Max Member' },
} as const;
const nameOf = new Map<string, string>(Object.values(people).map((person) => [person.userId, person.name]));

/**
 * Forty sessions around NOW: past, running and upcoming, one starting and one ending exactly at NOW; every stored
 * status; ties on the start; names with LIKE wildcards in them.
 */
function sessionSnapshots(): ClassSessionSnapshot[] {
  const names = ['Morning Yoga', 'HIIT 50% Express', 'Pilates_Core', 'spin', 'Yin YOGA'];
  const statuses = ['draft', 'published', 'published', 'cancelled'] as const;
  let previousStart = NOW.getTime();
  return Array.from({ length: 40 }, (_, i) => {
    const start =
      i === 13 // published, starting exactly now: in progress
        ? NOW.getTime()
        : i === 14 // published, 45 minutes, ending exactly now: completed
          ? NOW.getTime() - 45 * 60_000
          : i % 7 === 3
            ? previousStart
            : NOW.getTime() + (i - 12) * 3 * HOUR + 30 * 60_000 * (i % 2);
    previousStart = start;
    const status = statuses[i % statuses.length] as (typeof statuses)[number];
    return {
      id: randomUUID(),
      templateId: null,
      trainerId: i % 3 === 0 ? people.bea.userId : people.tess.userId,
      name: names[i % names.length] as string,
      description: `Session ${i}`,
      startsAt: new Date(start),
      endsAt: new Date(start + (i % 2 === 0 ? 45 : 90) * 60_000),
      capacity: 1 + (i % 12),
      creditCost: i % 3,
      status,
      cancellationReason: status === 'cancelled' ? 'Trainer is ill' : null,
      createdAt: NOW,
      updatedAt: NOW,
    };
  });
}

/** What the in-memory finder of application-scheduling answers, in plain code: the rules the SQL must follow. */
function expectedPage(rows: ClassSessionSnapshot[], filter: SessionsFilter): Page<SessionView> {
  const { from, to, trainerId, available, q, viewer, page, pageSize } = filter;
  const matching = rows
    .filter((row) => isSessionVisibleTo(row, viewer))
    .filter((row) => from === undefined || row.startsAt >= from)
    .filter((row) => to === undefined || row.startsAt < to)
    .filter((row) => trainerId === undefined || row.trainerId === trainerId)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((row) => expectedView(row, viewer))
    .filter((view) => !available || (view.status === 'published' && view.availableSpots > 0))
    .filter((view) => q === undefined || `${view.name}\n${view.description}\n${view.trainerName}`.toLowerCase().includes(q.toLowerCase()));
  return { items: matching.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: matching.length };
}

function expectedView(row: ClassSessionSnapshot, viewer: Actor | null): SessionView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    templateId: row.templateId,
    trainerId: row.trainerId,
    trainerName: nameOf.get(row.trainerId) ?? '',
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    creditCost: row.creditCost,
    bookedCount: 0,
    heldCount: 0,
    availableSpots: row.capacity,
    waitlistCount: 0,
    status: effectiveSessionStatus(row, NOW),
    cancellationReason: row.cancellationReason,
    ...(viewer && { me: { bookingId: null, holdId: null, waitlistPosition: null } }),
  };
}

const VIEWERS: [string, Actor | null][] = [
  ['anonymous', null],
  ['a member', people.max],
  ['a trainer', people.tess],
  ['another trainer', people.bea],
  ['an admin', people.ada],
];

const FILTERS: [string, Omit<SessionsFilter, 'viewer'>][] = [
  ['everything', { page: 1, pageSize: 100 }],
  ['from now on', { from: NOW, page: 1, pageSize: 100 }],
  ['before tomorrow', { to: new Date(NOW.getTime() + 24 * HOUR), page: 1, pageSize: 100 }],
  ['a range starting on a session', { from: new Date(NOW.getTime() - 6 * HOUR), to: new Date(NOW.getTime() + 30 * HOUR), page: 1, pageSize: 100 }],
  ['one trainer', { trainerId: people.bea.userId, page: 1, pageSize: 100 }],
  ['available only', { available: true, page: 1, pageSize: 100 }],
  ['a session name in another case', { q: 'yoga', page: 1, pageSize: 100 }],
  ['a trainer name', { q: 'BEA', page: 1, pageSize: 100 }],
  ['a percent sign', { q: '50%', page: 1, pageSize: 100 }],
  ['an underscore', { q: 's_C', page: 1, pageSize: 100 }],
  ['everything combined', { from: NOW, trainerId: people.tess.userId, available: true, q: 'o', page: 1, pageSize: 100 }],
  ['a middle page', { page: 2, pageSize: 7 }],
  ['a page past the end', { page: 100, pageSize: 5 }],
];

describe.each(TEST_DATABASES)('KyselySessionsFinder on %s', (kind) => {
  let database: TestDatabase;
  let finder: KyselySessionsFinder;
  const rows = sessionSnapshots();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    finder = new KyselySessionsFinder(database.db, new FixedClock(NOW));
    await database.db
      .insertInto('users')
      .values(Object.entries(people).map(([key, person]) => ({ id: person.userId, email: `${key}@example.test`, name: person.name, role: person.role, password_hash: 'x' })))
      .execute();
    const uow = new KyselyUnitOfWork(database.db, (trx, outbox) => new KyselyClassSessionRepository(trx, outbox));
    await uow.transaction(async (sessions) => {
      for (const row of rows) await sessions.save(ClassSession.restore(row));
    });
  });
  afterAll(() => database?.close());

  describe.each(VIEWERS)('for %s', (_who, viewer) => {
    it.each(FILTERS)('lists %s as the in-memory finder does', async (_what, filter) => {
      const actual = await finder.list({ ...filter, viewer });
      expect(actual).toEqual(expectedPage(rows, { ...filter, viewer }));
    });

    it('finds each session it may see by id, and no other', async () => {
      for (const row of rows) {
        const expected = isSessionVisibleTo(row, viewer) ? expectedView(row, viewer) : null;
        expect(await finder.byId(row.id, viewer)).toEqual(expected);
      }
      expect(await finder.byId(randomUUID(), viewer)).toBeNull();
      expect(await finder.byId('not-a-uuid', viewer)).toBeNull();
    });

    it('finds the sessions of several ids that it may see, by start, and no other', async () => {
      const ids = [...rows.map((row) => row.id)].reverse();
      const expected = expectedPage(rows, { viewer, page: 1, pageSize: 100 }).items;
      expect(await finder.byIds([randomUUID(), ...ids, 'not-a-uuid'], viewer)).toEqual(expected);
      expect(await finder.byIds([], viewer)).toEqual([]);
    });
  });

  it('has every effective status in its data (the comparison above covers them)', () => {
    const statuses = new Set(rows.map((row) => effectiveSessionStatus(row, NOW)));
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'draft', 'in_progress', 'published']);
  });
});

describe.each(TEST_DATABASES)('the week query on %s', (kind) => {
  let database: TestDatabase;
  let finder: KyselySessionsFinder;
  const from = new Date('2027-03-01T00:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    finder = new KyselySessionsFinder(database.db, new FixedClock(NOW));
    const trainers = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), email: `t${i}@example.test`, name: `Trainer ${i}`, role: 'trainer' as const, password_hash: 'x' }));
    await database.db.insertInto('users').values(trainers).execute();
    // 5,000 sessions over a year (about 14 a day), one in ten a draft, so a week is 2% of the table.
    await sql`
      insert into class_sessions (id, trainer_id, name, starts_at, ends_at, capacity, credit_cost, status, cancellation_reason)
      select gen_random_uuid(),
             (select array_agg(id order by email) from users)[1 + n % 20],
             'Class ' || n,
             ${from}::timestamptz + n * interval '105 minutes',
             ${from}::timestamptz + n * interval '105 minutes' + interval '1 hour',
             12, 1,
             case when n % 10 = 0 then 'draft' else 'published' end,
             null
        from generate_series(0, 4999) as n`.execute(database.db);
    await sql`analyze class_sessions`.execute(database.db);
    await sql`analyze users`.execute(database.db);
  });
  afterAll(() => database?.close());

  it('reads one week, 20 at a time, through the schedule index', async () => {
    const week = { from, to: new Date(from.getTime() + 7 * 24 * HOUR), page: 1, pageSize: 20 };
    const { rows } = await sql<Record<string, string>>`explain ${finder.listQuery({ ...week, viewer: null })}`.execute(database.db);
    const plan = rows.map((row) => Object.values(row)[0]).join('\n');
    console.log(`EXPLAIN of the anonymous week query on ${kind}:\n${plan}`);

    expect(plan).toContain('class_sessions_schedule_idx');
    expect(plan).not.toMatch(/Seq Scan on class_sessions/);
    const page = await finder.list({ ...week, viewer: null });
    expect(page.items).toHaveLength(20);
    expect(page.total).toBe(Math.ceil((7 * 24 * 60) / 105) - 10);
  });
});

describe.each(TEST_DATABASES)('counts on a page, from bookings, on %s', (kind) => {
  let database: TestDatabase;
  let finder: KyselySessionsFinder;
  const from = new Date('2027-06-07T00:00:00.000Z');
  const to = new Date(from.getTime() + 7 * 24 * HOUR);
  const trainer = { userId: randomUUID(), role: 'trainer' as const };
  const members = Array.from({ length: 4 }, () => ({ userId: randomUUID(), role: 'member' as const }));
  const [ann, ben] = members as [Actor, Actor];
  // Five sessions a day apart, capacity 3, booked by 0, 1, 2, 3 and 3 of the first three members; the fourth member
  // cancelled a booking on each.
  const sessions = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), startsAt: new Date(from.getTime() + (i * 24 + 7) * HOUR), booked: [0, 1, 2, 3, 3][i] as number }));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    finder = new KyselySessionsFinder(database.db, new FixedClock(NOW));
    await database.db
      .insertInto('users')
      .values([trainer, ...members].map((person, i) => ({ id: person.userId, email: `p${i}@example.test`, name: `Person ${i}`, role: person.role, password_hash: 'x' })))
      .execute();
    await database.db
      .insertInto('class_sessions')
      .values(
        sessions.map((session, i) => ({
          id: session.id,
          template_id: null,
          trainer_id: trainer.userId,
          name: `Class ${i}`,
          description: '',
          starts_at: session.startsAt,
          ends_at: new Date(session.startsAt.getTime() + HOUR),
          capacity: 3,
          credit_cost: 1,
          status: 'published',
          cancellation_reason: null,
        })),
      )
      .execute();
    const bookings = sessions.flatMap((session) => [
      ...members.slice(0, session.booked).map((member) => ({ id: randomUUID(), session_id: session.id, member_id: member.userId, status: 'confirmed' as const, credits_spent: 1 })),
      { id: randomUUID(), session_id: session.id, member_id: (members[3] as Actor).userId, status: 'cancelled' as const, credits_spent: 1 },
    ]);
    await database.db.insertInto('bookings').values(bookings).execute();
  });
  afterAll(() => database?.close());

  it('counts confirmed bookings only, and shows each member their own', async () => {
    const asAnn = await finder.list({ from, to, page: 1, pageSize: 10, viewer: ann });
    expect(asAnn.items.map((item) => [item.bookedCount, item.availableSpots, item.me?.bookingId !== null])).toEqual([
      [0, 3, false],
      [1, 2, true],
      [2, 1, true],
      [3, 0, true],
      [3, 0, true],
    ]);
    const asBen = await finder.list({ from, to, page: 1, pageSize: 10, viewer: ben });
    expect(asBen.items.map((item) => item.me?.bookingId !== null)).toEqual([false, false, true, true, true]);
    const anonymous = await finder.list({ from, to, page: 1, pageSize: 10, viewer: null });
    expect(anonymous.items.map((item) => item.bookedCount)).toEqual([0, 1, 2, 3, 3]);
    expect(anonymous.items.every((item) => !('me' in item))).toBe(true);
    expect(await finder.byId((sessions[2] as { id: string }).id, ann)).toMatchObject({ bookedCount: 2, availableSpots: 1 });
  });

  it('counts the total of every page over the whole filter, `available` included', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => finder.list({ from, to, page, pageSize: 2, viewer: ann })));
    expect(pages.map((page) => [page.items.length, page.total])).toEqual([
      [2, 5],
      [2, 5],
      [1, 5],
    ]);
    const available = await Promise.all([1, 2].map((page) => finder.list({ from, to, available: true, page, pageSize: 2, viewer: ann })));
    expect(available.map((page) => [page.items.map((item) => item.bookedCount), page.total])).toEqual([
      [[0, 1], 3],
      [[2], 3],
    ]);
    expect(await finder.list({ from, to, available: true, page: 3, pageSize: 2, viewer: null })).toEqual({ items: [], page: 3, pageSize: 2, total: 3 });
  });
});
