import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyHoldingError, type HoldRepositories, type LockedSession } from '@fitflow/application-booking';
import { Booking, SpotHold, Spots, type BookedSession, type HoldSource } from '@fitflow/domain-booking';
import { FixedClock } from '@fitflow/domain-shared';
import { TEST_DATABASES, createTestDatabase, type TestDatabase } from '../../../testing/databases';
import { KyselyUnitOfWork } from '../../database/kysely-unit-of-work';
import { bookingRepositories } from './booking-repositories';
import { rowToClassSession } from '../scheduling/kysely-class-session-repository';
import { KyselySessionOccupancy } from '../scheduling/kysely-session-occupancy';
import { KyselySessionsFinder } from '../scheduling/kysely-sessions-finder';
import { selectDueHolds } from './kysely-hold-repository';
import { KyselySessionLocks } from './kysely-session-locks';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const STARTS = new Date('2027-01-04T07:00:00.000Z');
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Person {
  id: string;
  email: string;
  name: string;
}

describe.each(TEST_DATABASES)('hold repository on %s', (kind) => {
  let database: TestDatabase;
  let uow: KyselyUnitOfWork<HoldRepositories>;
  const clock = new FixedClock(NOW);
  const trainer = { id: randomUUID(), email: 'tess@example.test', name: 'Tess Trainer', role: 'trainer' as const, password_hash: 'x' };
  const member: Person = { id: randomUUID(), email: 'mo@example.test', name: 'Mo Member' };
  const sessionId: string = randomUUID();
  /** Each stored session as a hold keeps it, by id. */
  const booked = new Map<string, BookedSession>();

  const insertSession = async ({ id = randomUUID(), startsAt = STARTS, capacity = 5 }: { id?: string; startsAt?: Date; capacity?: number } = {}): Promise<string> => {
    const endsAt = new Date(startsAt.getTime() + HOUR);
    await database.db
      .insertInto('class_sessions')
      .values({ id, template_id: null, trainer_id: trainer.id, name: 'Morning Yoga', starts_at: startsAt, ends_at: endsAt, capacity, credit_cost: 3, status: 'published', cancellation_reason: null })
      .execute();
    booked.set(id, { id, name: 'Morning Yoga', startsAt, endsAt, trainerName: trainer.name });
    return id;
  };

  const insertMember = async (): Promise<Person> => {
    const person = { id: randomUUID(), email: `${randomUUID()}@example.test`, name: 'Pat Person' };
    await database.db.insertInto('users').values({ ...person, role: 'member', password_hash: 'x' }).execute();
    return person;
  };

  const publishedSession = (session: BookedSession) =>
    rowToClassSession({
      id: session.id,
      template_id: null,
      trainer_id: trainer.id,
      name: session.name,
      description: '',
      starts_at: session.startsAt,
      ends_at: session.endsAt,
      capacity: 5,
      credit_cost: 3,
      status: 'published',
      cancellation_reason: null,
      created_at: NOW,
      updated_at: NOW,
    });

  /** A pending hold granted its spot by the domain's rule, as the hold handler does (the session has room). */
  const newHold = ({ on = sessionId, who = member, at = NOW, expiresAt = new Date(NOW.getTime() + 10 * MINUTE), source = 'member' as HoldSource } = {}) => {
    const session = booked.get(on) as BookedSession;
    const spot = Spots.forHold({ session: publishedSession(session), memberId: who.id, now: at, takenSpots: 0, alreadyBooked: false, alreadyHolding: false });
    return SpotHold.create(spot, { id: randomUUID(), memberId: who.id, memberEmail: who.email, memberName: who.name, session, source, at, expiresAt });
  };

  const save = (hold: SpotHold) => uow.transaction(({ holds }) => holds.save(hold));

  /** The session's row, locked in the caller's transaction: what locking its holds asks for. */
  const locked = async (sessions: HoldRepositories['sessions'], id: string = sessionId) => (await sessions.getForUpdate(id)) as LockedSession;

  /** Its member gives `hold` back at `at`. */
  const release = (hold: SpotHold, at: Date = NOW) =>
    uow.transaction(async ({ holds, sessions }) => {
      const current = (await holds.getForUpdate(await locked(sessions, hold.sessionId), hold.id)) as SpotHold;
      current.release(at);
      await holds.save(current);
    });

  const eventsOf = async (aggregateId: string) =>
    (await database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', aggregateId).orderBy('seq').execute()).map((row) => row.type);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.insertInto('users').values([trainer, { ...member, role: 'member', password_hash: 'x' }]).execute();
    await insertSession({ id: sessionId });
    uow = new KyselyUnitOfWork<HoldRepositories>(database.db, bookingRepositories(clock));
  });
  afterAll(() => database?.close());

  it('saves a hold, loads it back as it was, with and without its lock, and releases it', async () => {
    const hold = newHold({ source: 'waitlist' });
    const snapshot = hold.snapshot();
    await save(hold);
    expect((await uow.transaction(({ holds }) => holds.get(hold.id)))?.snapshot()).toEqual(snapshot);
    expect((await uow.transaction(async ({ holds, sessions }) => holds.getForUpdate(await locked(sessions), hold.id)))?.snapshot()).toEqual(snapshot);

    await release(hold, new Date(NOW.getTime() + MINUTE));
    expect((await uow.transaction(({ holds }) => holds.get(hold.id)))?.snapshot()).toEqual({
      ...snapshot,
      status: 'released',
      settledAt: new Date(NOW.getTime() + MINUTE),
    });
    expect(await eventsOf(hold.id)).toEqual(['HoldCreated', 'HoldReleased']);
  });

  it('confirms a hold into a booking that names it, saved in one transaction in the handler’s order', async () => {
    const hold = newHold();
    await save(hold);
    const at = new Date(NOW.getTime() + MINUTE);
    const booking = await uow.transaction(async ({ holds, bookings, sessions }) => {
      const session = await locked(sessions);
      const current = (await holds.getForUpdate(session, hold.id)) as SpotHold;
      const made = Booking.create(Spots.forHeldSpot({ hold: current, session, now: at, alreadyBooked: false }), {
        id: randomUUID(),
        memberId: member.id,
        memberEmail: member.email,
        memberName: member.name,
        session: current.session,
        creditsSpent: 3,
        at,
      });
      current.confirm(made.id, at);
      await holds.save(current);
      await bookings.save(made);
      return made;
    });
    expect((await uow.transaction(({ holds }) => holds.get(hold.id)))?.snapshot()).toMatchObject({ status: 'confirmed', settledAt: at, bookingId: booking.id });
    expect((await uow.transaction(({ bookings }) => bookings.get(booking.id)))?.holdId).toBe(hold.id);
    expect(await eventsOf(hold.id)).toEqual(['HoldCreated', 'HoldConfirmed']);
    await uow.transaction(async ({ bookings, sessions }) => {
      const current = (await bookings.getForUpdate(await locked(sessions), booking.id)) as Booking;
      current.cancelByStudio('Tidying up', at);
      await bookings.save(current);
    });
  });

  it('refuses a hold naming a booking that does not exist, at commit', async () => {
    const hold = newHold();
    await save(hold);
    await expect(
      uow.transaction(async ({ holds, sessions }) => {
        const current = (await holds.getForUpdate(await locked(sessions), hold.id)) as SpotHold;
        current.confirm(randomUUID(), NOW);
        await holds.save(current);
      }),
    ).rejects.toThrow(/holds_booking_id_fkey/);
    await release(hold);
  });

  it('turns a second pending hold of the same member and session into ALREADY_HOLDING, backed by the unique index', async () => {
    const first = newHold();
    await save(first);
    await expect(save(newHold())).rejects.toBeInstanceOf(AlreadyHoldingError);
    await release(first);
    const second = newHold();
    await save(second);
    expect((await uow.transaction(({ holds }) => holds.get(second.id)))?.status).toBe('pending');
    await release(second);
  });

  it('finds the member’s pending hold on a session, lapsed or not, and locks it', async () => {
    const other = await insertMember();
    const hold = newHold({ who: other, expiresAt: new Date(NOW.getTime() + MINUTE) });
    await save(hold);
    // Written before the transaction: PGlite has one connection, which the transaction holds.
    const [stranger, elsewhere] = [await insertMember(), await insertSession()];
    await uow.transaction(async ({ holds, sessions }) => {
      const session = await locked(sessions);
      expect((await holds.pendingOfMemberForUpdate(session, other.id))?.id).toBe(hold.id);
      expect(await holds.pendingOfMemberForUpdate(session, stranger.id)).toBeNull();
      expect(await holds.pendingOfMemberForUpdate(await locked(sessions, elsewhere), other.id)).toBeNull();
      expect(await holds.pendingOfMemberForUpdate(session, 'nope')).toBeNull();
    });
    clock.set(new Date(NOW.getTime() + MINUTE));
    try {
      const lapsed = await uow.transaction(async ({ holds, sessions }) => holds.pendingOfMemberForUpdate(await locked(sessions), other.id));
      expect(lapsed?.isDueToExpireAt(clock.now())).toBe(true);
    } finally {
      clock.set(NOW);
    }
    await release(hold);
    expect(await uow.transaction(async ({ holds, sessions }) => holds.pendingOfMemberForUpdate(await locked(sessions), other.id))).toBeNull();
  });

  it.runIf(kind === 'postgres')('holds the row of a pending hold locked until the transaction ends', async () => {
    const hold = newHold({ who: await insertMember() });
    await save(hold);
    const lockedElsewhere = () => database.db.selectFrom('holds').select('id').where('id', '=', hold.id).forUpdate().skipLocked().execute();
    await uow.transaction(async ({ holds, sessions }) => {
      expect(await holds.pendingOfMemberForUpdate(await locked(sessions), hold.memberId)).not.toBeNull();
      expect(await lockedElsewhere()).toEqual([]);
    });
    expect(await lockedElsewhere()).toEqual([{ id: hold.id }]);
    await release(hold);
  });

  it('lists the holds due for expiry, soonest deadline first, up to the limit, pending ones only', async () => {
    // Months before every other hold of this file expires, so only these are due.
    const day = new Date('2026-06-01T00:00:00.000Z');
    const at = new Date(day.getTime() - 10 * MINUTE);
    const made = async (minutes: number) => {
      const hold = newHold({ on: await insertSession(), who: await insertMember(), at, expiresAt: new Date(day.getTime() + minutes * MINUTE) });
      await save(hold);
      return hold;
    };
    const [third, first, second, later, released] = [await made(3), await made(1), await made(2), await made(5), await made(0.5)];
    await release(released as SpotHold, at);
    const due = (now: Date, limit: number) => uow.transaction(({ holds }) => holds.dueForExpiry(now, limit));

    const expected = [first, second, third].map((hold) => ({ id: hold?.id, sessionId: hold?.sessionId }));
    expect(await due(new Date(day.getTime() + 3 * MINUTE), 10)).toEqual(expected);
    expect(await due(new Date(day.getTime() + 3 * MINUTE), 2)).toEqual(expected.slice(0, 2));
    expect(await due(new Date(day.getTime() + MINUTE - 1), 10)).toEqual([]);
    expect((await due(new Date(day.getTime() + 5 * MINUTE), 10)).map((hold) => hold.id)).toContain(later?.id);
  });

  it('lists due holds through the sweep index, however many settled holds pile up', async () => {
    const pile = await insertSession();
    await sql`
      insert into holds (id, session_id, member_id, source, status, created_at, expires_at, settled_at)
      select gen_random_uuid(), ${pile}, ${member.id}, 'member', 'expired',
             ${NOW.toISOString()}::timestamptz - n * interval '1 minute',
             ${NOW.toISOString()}::timestamptz - n * interval '1 minute' + interval '10 minutes', ${NOW.toISOString()}::timestamptz
        from generate_series(1, 5000) as n`.execute(database.db);
    await sql`analyze holds`.execute(database.db);
    const { rows } = await sql<Record<string, string>>`explain ${selectDueHolds(database.db, NOW, 100)}`.execute(database.db);
    const plan = rows.map((row) => Object.values(row)[0]).join('\n');
    expect(plan).toContain('holds_due_idx');
    expect(plan).not.toMatch(/Seq Scan on holds/);
  });

  it('deletes a member’s holds with the member', async () => {
    const gone = await insertMember();
    const hold = newHold({ who: gone });
    await save(hold);
    await database.db.deleteFrom('users').where('id', '=', gone.id).execute();
    expect(await uow.transaction(({ holds }) => holds.get(hold.id))).toBeNull();
  });

  it('answers null for unknown ids and ids that are not UUIDs', async () => {
    await uow.transaction(async ({ holds, sessions }) => {
      const session = await locked(sessions);
      expect(await holds.get('nope')).toBeNull();
      expect(await holds.get(randomUUID())).toBeNull();
      expect(await holds.getForUpdate(session, 'nope')).toBeNull();
      expect(await holds.getForUpdate(session, randomUUID())).toBeNull();
    });
  });

  describe('counting a pending hold against its session until its expiresAt', () => {
    const starts = new Date(STARTS.getTime() + 24 * HOUR);
    const expiresAt = new Date(NOW.getTime() + 10 * MINUTE);
    const before = new Date(expiresAt.getTime() - 1);
    let countedSession: string;
    let holder: Person;
    let hold: SpotHold;

    beforeAll(async () => {
      countedSession = await insertSession({ startsAt: starts, capacity: 2 });
      holder = await insertMember();
      const booker = await insertMember();
      await database.db.insertInto('bookings').values({ id: randomUUID(), session_id: countedSession, member_id: booker.id, status: 'confirmed', credits_spent: 3 }).execute();
      hold = newHold({ on: countedSession, who: holder, expiresAt });
      await save(hold);
      const released = newHold({ on: countedSession, who: await insertMember(), expiresAt });
      await save(released);
      await release(released);
    });

    /** The booking rule's count and the scheduling context's, both under the session's lock at `now`. */
    const spotsAt = async (now: Date) => {
      clock.set(now);
      try {
        const counting = new KyselyUnitOfWork(database.db, (trx) => ({ sessions: new KyselySessionLocks(trx, clock), occupancy: new KyselySessionOccupancy(trx, clock) }));
        return await counting.transaction(async ({ sessions, occupancy }) => {
          const spots = await sessions.spotsFor(await locked(sessions, countedSession), holder.id);
          return { ...spots, taken: await occupancy.takenSpots(countedSession) };
        });
      } finally {
        clock.set(NOW);
      }
    };

    const viewAt = (now: Date) => {
      const finder = new KyselySessionsFinder(database.db, new FixedClock(now));
      const viewer = { userId: holder.id, role: 'member' as const };
      return Promise.all([
        finder.byId(countedSession, viewer),
        finder.list({ from: starts, to: new Date(starts.getTime() + 1), available: true, page: 1, pageSize: 10, viewer }),
      ]);
    };

    it('counts it up to the last millisecond before expiresAt, and shows it to its member', async () => {
      expect(await spotsAt(before)).toEqual({ takenSpots: 2, alreadyBooked: false, alreadyHolding: true, taken: 2 });
      const [view, available] = await viewAt(before);
      expect(view).toMatchObject({ bookedCount: 1, heldCount: 1, availableSpots: 0, me: { bookingId: null, holdId: hold.id, waitlistPosition: null } });
      expect(available.items).toEqual([]);
    });

    it('stops counting it at expiresAt exactly, though it is still pending', async () => {
      expect(await spotsAt(expiresAt)).toEqual({ takenSpots: 1, alreadyBooked: false, alreadyHolding: false, taken: 1 });
      const [view, available] = await viewAt(expiresAt);
      expect(view).toMatchObject({ bookedCount: 1, heldCount: 0, availableSpots: 1, me: { holdId: null } });
      expect(available.items.map((item) => item.id)).toEqual([countedSession]);
      expect((await uow.transaction(({ holds }) => holds.get(hold.id)))?.status).toBe('pending');
    });
  });
});
