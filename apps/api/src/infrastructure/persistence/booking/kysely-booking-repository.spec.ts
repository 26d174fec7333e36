import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyBookedError, type BookingRepositories, type LockedSession, SpotTakenMeanwhileError } from '@fitflow/application-booking';
import { commitBehind } from '@fitflow/application-shared';
import { Booking, CancellationPolicy, Spots } from '@fitflow/domain-booking';
import { FixedClock } from '@fitflow/domain-shared';
import { TEST_DATABASES, createTestDatabase, transactionsWaitingOnLocks, type TestDatabase } from '../../../testing/databases';
import { KyselyUnitOfWork } from '../../database/kysely-unit-of-work';
import { bookingRepositories } from './booking-repositories';
import { rowToClassSession } from '../scheduling/kysely-class-session-repository';
import { KyselyUserBookingsFinder } from './kysely-user-bookings-finder';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const STARTS = new Date('2027-01-04T07:00:00.000Z');

describe.each(TEST_DATABASES)('booking repositories on %s', (kind) => {
  let database: TestDatabase;
  let uow: KyselyUnitOfWork<BookingRepositories>;
  const trainer = { id: randomUUID(), email: 'tess@example.test', name: 'Tess Trainer', role: 'trainer' as const, password_hash: 'x' };
  const member = { id: randomUUID(), email: 'mo@example.test', name: 'Mo Member', role: 'member' as const, password_hash: 'x' };
  const sessionId = randomUUID();

  /** A booking granted its spot by the domain's rule, as the booking handler does (the session has room). */
  const newBooking = (on: { sessionId?: string; memberId?: string } = {}) => {
    const session = publishedSession(on.sessionId ?? sessionId);
    const memberId = on.memberId ?? member.id;
    return Booking.create(Spots.forBooking({ session, memberId, now: NOW, takenSpots: 0, alreadyBooked: false, alreadyHolding: false }), {
      id: randomUUID(),
      memberId,
      memberEmail: member.email,
      memberName: member.name,
      session: { id: session.id, name: session.name, startsAt: STARTS, endsAt: new Date(STARTS.getTime() + 3_600_000), trainerName: trainer.name },
      creditsSpent: 3,
      at: NOW,
    });
  };
  const publishedSession = (id: string) =>
    rowToClassSession({
      id,
      template_id: null,
      trainer_id: trainer.id,
      name: 'Morning Yoga',
      description: '',
      starts_at: STARTS,
      ends_at: new Date(STARTS.getTime() + 3_600_000),
      capacity: 5,
      credit_cost: 3,
      status: 'published',
      cancellation_reason: null,
      created_at: NOW,
      updated_at: NOW,
    });

  const insertSession = async (id: string = randomUUID()): Promise<string> => {
    await database.db
      .insertInto('class_sessions')
      .values({ id, template_id: null, trainer_id: trainer.id, name: 'Morning Yoga', starts_at: STARTS, ends_at: new Date(STARTS.getTime() + 3_600_000), capacity: 5, credit_cost: 3, status: 'published', cancellation_reason: null })
      .execute();
    return id;
  };

  const insertMember = async (): Promise<string> => {
    const id = randomUUID();
    await database.db.insertInto('users').values({ id, email: `${id}@example.test`, name: 'Pat Person', role: 'member', password_hash: 'x' }).execute();
    return id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.insertInto('users').values([trainer, member]).execute();
    await insertSession(sessionId);
    uow = new KyselyUnitOfWork<BookingRepositories>(database.db, bookingRepositories(new FixedClock(NOW)));
  });
  afterAll(() => database?.close());

  /** The session's row, locked in the caller's transaction: what locking its bookings asks for. */
  const locked = async (sessions: BookingRepositories['sessions'], id: string = sessionId) => (await sessions.getForUpdate(id)) as LockedSession;

  /** Its member cancels `booking` (more than 24 h ahead: 100 %). */
  const cancelByMember = (booking: Booking) =>
    uow.transaction(async ({ bookings, sessions }) => {
      const current = (await bookings.getForUpdate(await locked(sessions, booking.sessionId), booking.id)) as Booking;
      current.cancel(CancellationPolicy.default(), NOW);
      await bookings.save(current);
    });

  it('saves a booking, loads it back as it was, counts it and cancels it', async () => {
    const booking = newBooking();
    const snapshot = booking.snapshot();
    await uow.transaction(({ bookings }) => bookings.save(booking));
    expect((await uow.transaction(async ({ bookings, sessions }) => bookings.getForUpdate(await locked(sessions), booking.id)))?.snapshot()).toEqual(snapshot);
    expect(await uow.transaction(async ({ sessions }) => sessions.spotsFor(await locked(sessions), member.id))).toEqual({ takenSpots: 1, alreadyBooked: true, alreadyHolding: false });
    expect(await uow.transaction(async ({ sessions }) => sessions.spotsFor(await locked(sessions), trainer.id))).toEqual({ takenSpots: 1, alreadyBooked: false, alreadyHolding: false });
    expect((await uow.transaction(({ sessions }) => sessions.getForUpdate(sessionId)))?.capacity.value).toBe(5);

    await cancelByMember(booking);
    const stored = await uow.transaction(({ bookings }) => bookings.get(booking.id));
    expect(stored?.snapshot()).toMatchObject({ status: 'cancelled', refundPercentage: 100, creditsRefunded: 3, cancelledAt: NOW, cancellationReason: null });
    expect(stored?.cancelledBy).toBe('member');
    expect(await uow.transaction(async ({ sessions }) => sessions.spotsFor(await locked(sessions), member.id))).toEqual({ takenSpots: 0, alreadyBooked: false, alreadyHolding: false });
    const events = await database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', booking.id).orderBy('seq').execute();
    expect(events.map((row) => row.type)).toEqual(['BookingConfirmed', 'BookingCancelled']);
  });

  it('keeps the studio’s reason on a booking it cancelled, and shows who cancelled through the finder', async () => {
    const booking = newBooking();
    await uow.transaction(({ bookings }) => bookings.save(booking));
    await uow.transaction(async ({ bookings, sessions }) => {
      const current = (await bookings.getForUpdate(await locked(sessions), booking.id)) as Booking;
      current.cancelByStudio('Trainer is ill', NOW);
      await bookings.save(current);
    });
    const stored = await uow.transaction(({ bookings }) => bookings.get(booking.id));
    expect(stored?.snapshot()).toMatchObject({ status: 'cancelled', refundPercentage: 100, creditsRefunded: 3, cancellationReason: 'Trainer is ill' });
    expect(stored?.cancelledBy).toBe('studio');
    const { payload } = await database.db
      .selectFrom('outbox')
      .select('payload')
      .where('aggregate_id', '=', booking.id)
      .where('type', '=', 'BookingCancelled')
      .executeTakeFirstOrThrow();
    expect(payload).toMatchObject({ cancelledBy: 'studio', reason: 'Trainer is ill', refundPercentage: 100, creditsRefunded: 3 });

    const finder = new KyselyUserBookingsFinder(database.db, new FixedClock(NOW));
    const view = { cancelledBy: 'studio', cancellationReason: 'Trainer is ill', refundPercentage: 100, creditsRefunded: 3 };
    expect((await finder.byId(booking.id))?.view).toMatchObject(view);
    const cancelled = await finder.list({ memberId: member.id, scope: 'cancelled', page: 1, pageSize: 50, now: NOW });
    expect(cancelled.items.find((item) => item.id === booking.id)).toMatchObject(view);
    const confirmed = newBooking({ sessionId: await insertSession() });
    await uow.transaction(({ bookings }) => bookings.save(confirmed));
    expect((await finder.byId(confirmed.id))?.view).toMatchObject({ status: 'confirmed', cancelledBy: null, cancellationReason: null });
  });

  it('refuses a reason on a booking that is not cancelled (check constraint)', async () => {
    const booking = newBooking();
    await uow.transaction(({ bookings }) => bookings.save(booking));
    await expect(database.db.updateTable('bookings').set({ cancellation_reason: 'Snow' }).where('id', '=', booking.id).execute()).rejects.toThrow(
      /bookings_cancellation_reason_check/,
    );
    await cancelByMember(booking);
  });

  it('locks a booking only under its own session’s lock', async () => {
    const otherSessionId = await insertSession();
    const booking = newBooking();
    await uow.transaction(({ bookings }) => bookings.save(booking));
    await uow.transaction(async ({ bookings, sessions }) => {
      expect(await bookings.getForUpdate(await locked(sessions, otherSessionId), booking.id)).toBeNull();
      expect((await bookings.getForUpdate(await locked(sessions), booking.id))?.id).toBe(booking.id);
    });
    await cancelByMember(booking);
  });

  it('pages a session’s confirmed bookings by id with a keyset, skipping cancelled ones and other sessions', async () => {
    const pagedSessionId = await insertSession();
    const people = await Promise.all(Array.from({ length: 5 }, () => insertMember()));
    const kept = people.map((memberId) => newBooking({ sessionId: pagedSessionId, memberId }));
    const dropped = newBooking({ sessionId: pagedSessionId, memberId: await insertMember() });
    const elsewhere = newBooking({ sessionId: await insertSession(), memberId: await insertMember() });
    await uow.transaction(async ({ bookings }) => {
      for (const booking of [...kept, dropped, elsewhere]) await bookings.save(booking);
    });
    await cancelByMember(dropped);
    const expected = kept.map((booking) => booking.id).sort();

    const pages = await uow.transaction(async ({ bookings, sessions }) => {
      const session = await locked(sessions, pagedSessionId);
      const first = await bookings.confirmedForUpdate(session, { afterId: null, limit: 3 });
      const second = await bookings.confirmedForUpdate(session, { afterId: first.at(-1)?.id ?? null, limit: 3 });
      return [first, second].map((page) => page.map((booking) => booking.id));
    });
    expect(pages).toEqual([expected.slice(0, 3), expected.slice(3)]);
  });

  it.runIf(kind === 'postgres')('holds the rows of a confirmed page locked until the transaction ends', async () => {
    const lockedSessionId = await insertSession();
    const booking = newBooking({ sessionId: lockedSessionId, memberId: await insertMember() });
    await uow.transaction(({ bookings }) => bookings.save(booking));
    const lockedElsewhere = () =>
      database.db.selectFrom('bookings').select('id').where('session_id', '=', lockedSessionId).forUpdate().skipLocked().execute();
    await uow.transaction(async ({ bookings, sessions }) => {
      expect(await bookings.confirmedForUpdate(await locked(sessions, lockedSessionId), { afterId: null, limit: 10 })).toHaveLength(1);
      expect(await lockedElsewhere()).toEqual([]);
    });
    expect(await lockedElsewhere()).toEqual([{ id: booking.id }]);
  });

  it('locks a session for a spot and reads its spots and its trainer’s name with it (lockForSpot)', async () => {
    const id = await insertSession();
    await uow.transaction(({ bookings }) => bookings.save(newBooking({ sessionId: id })));
    const check = await uow.transaction(({ sessions }) => sessions.lockForSpot(id, member.id));
    expect(check).toMatchObject({ session: { id, name: 'Morning Yoga' }, trainerName: trainer.name });
    expect(check?.spots).toEqual({ takenSpots: 1, alreadyBooked: true, alreadyHolding: false });
    expect((await uow.transaction(({ sessions }) => sessions.lockForSpot(id, 'nope')))?.spots).toEqual({ takenSpots: 1, alreadyBooked: false, alreadyHolding: false });
    expect(await uow.transaction(({ sessions }) => sessions.lockForSpot(randomUUID(), member.id))).toBeNull();
    expect(await uow.transaction(({ sessions }) => sessions.lockForSpot('nope', member.id))).toBeNull();
  });

  it.runIf(kind === 'postgres')('counts, in lockForSpot, the booking committed while it queued for the lock', async () => {
    const id = await insertSession();
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstHoldsLock!: () => void;
    const firstLocked = new Promise<void>((resolve) => (firstHoldsLock = resolve));
    const first = uow.transaction(async ({ bookings, sessions }) => {
      await locked(sessions, id);
      await bookings.save(newBooking({ sessionId: id }));
      firstHoldsLock();
      await firstMayCommit;
    });
    await firstLocked;
    const second = uow.transaction(({ sessions }) => sessions.lockForSpot(id, trainer.id));
    await expect.poll(() => transactionsWaitingOnLocks(database.db), { timeout: 10_000, interval: 50 }).toBe(1);
    commitFirst();
    await first;
    // Sent with the lock in one round trip, the count still ran after it: it sees the booking it queued behind.
    expect((await second)?.spots.takenSpots).toBe(1);
  });

  it('shares a session for a spot and reads the same as lockForSpot (shareForSpot)', async () => {
    const id = await insertSession();
    await uow.transaction(({ bookings }) => bookings.save(newBooking({ sessionId: id })));
    const check = await uow.transaction(({ sessions }) => sessions.shareForSpot(id, member.id));
    expect(check).toMatchObject({ session: { id, name: 'Morning Yoga' }, trainerName: trainer.name });
    expect(check?.spots).toEqual({ takenSpots: 1, alreadyBooked: true, alreadyHolding: false });
    expect(await uow.transaction(({ sessions }) => sessions.shareForSpot(randomUUID(), member.id))).toBeNull();
    expect(await uow.transaction(({ sessions }) => sessions.shareForSpot('nope', member.id))).toBeNull();
  });

  it.runIf(kind === 'postgres')('lets bookings share a session together, while its lock waits for them all', async () => {
    const id = await insertSession();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const sharing = (signal: () => void) =>
      uow.transaction(async ({ sessions }) => {
        await sessions.shareForSpot(id, member.id);
        signal();
        await released;
      });
    let shared = 0;
    const both = [sharing(() => (shared += 1)), sharing(() => (shared += 1))];
    await expect.poll(() => shared, { timeout: 10_000, interval: 20 }).toBe(2);
    const locking = uow.transaction(({ sessions }) => sessions.lockForSpot(id, member.id));
    await expect.poll(() => transactionsWaitingOnLocks(database.db), { timeout: 10_000, interval: 50 }).toBe(1);
    release();
    await Promise.all(both);
    await expect(locking).resolves.toMatchObject({ session: { id } });
  });

  it.runIf(kind === 'postgres')('queues a booking that comes after a waiting lock behind it: a rush cannot hold the lock off', async () => {
    const id = await insertSession();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    let shared = false;
    const first = uow.transaction(async ({ sessions }) => {
      await sessions.shareForSpot(id, member.id);
      shared = true;
      await released;
    });
    await expect.poll(() => shared, { timeout: 10_000, interval: 20 }).toBe(true);
    const locking = uow.transaction(async ({ sessions }) => void (await sessions.getForUpdate(id), order.push('lock')));
    await expect.poll(() => transactionsWaitingOnLocks(database.db), { timeout: 10_000, interval: 50 }).toBe(1);
    const later = uow.transaction(async ({ sessions }) => void (await sessions.shareForSpot(id, member.id), order.push('later share')));
    await expect.poll(() => transactionsWaitingOnLocks(database.db), { timeout: 10_000, interval: 50 }).toBe(2);
    release();
    await Promise.all([first, locking, later]);
    expect(order).toEqual(['lock', 'later share']);
  });

  describe('a claim on spots read while sharing the session (confirmClaim)', () => {
    /** Another member books the session. */
    const bookAnother = async (id: string) => {
      const other = newBooking({ sessionId: id, memberId: await insertMember() });
      await uow.transaction(({ bookings }) => bookings.save(other));
    };
    /** The session with `booked` of its 5 spots booked, and what a booking decided on then: the check and the spot. */
    const decidedWith = async (booked: number) => {
      const id = await insertSession();
      for (let i = 0; i < booked; i++) await bookAnother(id);
      const check = await uow.transaction(({ sessions }) => sessions.shareForSpot(id, member.id));
      if (!check) throw new Error('no session');
      const spot = Spots.forBooking({ session: check.session, memberId: member.id, now: NOW, ...check.spots });
      return { id, check, spot, mine: newBooking({ sessionId: id }) };
    };
    const bookedCount = async (id: string) =>
      (await database.db.selectFrom('session_booked_counts').select('booked').where('session_id', '=', id).executeTakeFirst())?.booked;

    it('stands when others took spots meanwhile but left the one it saw last', async () => {
      const { id, check, spot, mine } = await decidedWith(3);
      await bookAnother(id);
      await uow.transaction(async ({ bookings, sessions }) => commitBehind(null, bookings.save(mine), sessions.confirmClaim(check, spot)));
      expect(await bookedCount(id)).toBe(5);
    });

    it('fails the transaction with SpotTakenMeanwhileError when the last spot it saw was taken, its booking rolled back', async () => {
      const { id, check, spot, mine } = await decidedWith(4);
      await bookAnother(id);
      const claiming = uow.transaction(async ({ bookings, sessions }) => commitBehind(null, bookings.save(mine), sessions.confirmClaim(check, spot)));
      await expect(claiming).rejects.toBeInstanceOf(SpotTakenMeanwhileError);
      expect(await bookedCount(id)).toBe(5);
      expect(await database.db.selectFrom('bookings').select('id').where('id', '=', mine.id).execute()).toEqual([]);
    });

    it('fails the claim of a member whose hold on the session committed meanwhile: one spot per member', async () => {
      const { id, check, spot, mine } = await decidedWith(0);
      const expiresAt = new Date(NOW.getTime() + 600_000);
      await database.db.insertInto('holds').values({ id: randomUUID(), session_id: id, member_id: member.id, source: 'member', status: 'pending', expires_at: expiresAt }).execute();
      const claiming = uow.transaction(async ({ bookings, sessions }) => commitBehind(null, bookings.save(mine), sessions.confirmClaim(check, spot)));
      await expect(claiming).rejects.toBeInstanceOf(SpotTakenMeanwhileError);
      expect(await database.db.selectFrom('bookings').select('id').where('session_id', '=', id).execute()).toEqual([]);
    });

    it('counts the holds running at its time: a hold taken meanwhile on the last spot fails the claim', async () => {
      const { id, check, spot, mine } = await decidedWith(4);
      const holder = await insertMember();
      const expiresAt = new Date(NOW.getTime() + 600_000);
      await database.db.insertInto('holds').values({ id: randomUUID(), session_id: id, member_id: holder, source: 'member', status: 'pending', expires_at: expiresAt }).execute();
      const claiming = uow.transaction(async ({ bookings, sessions }) => commitBehind(null, bookings.save(mine), sessions.confirmClaim(check, spot)));
      await expect(claiming).rejects.toBeInstanceOf(SpotTakenMeanwhileError);
      expect(await bookedCount(id)).toBe(4);
    });
  });

  it('keeps each session’s booked count equal to the bookings it keeps, whoever writes them (the trigger)', async () => {
    const [first, second] = [await insertSession(), await insertSession()];
    const insert = async (sessionId: string, status: 'confirmed' | 'cancelled' = 'confirmed') => {
      const id = randomUUID();
      await database.db.insertInto('bookings').values({ id, session_id: sessionId, member_id: await insertMember(), status, credits_spent: 0 }).execute();
      return id;
    };
    const [kept, cancelled, absent, moved, deleted] = [await insert(first), await insert(first), await insert(first), await insert(first), await insert(first)];
    await insert(first, 'cancelled');
    const set = (id: string, change: { status?: 'cancelled' | 'no_show'; session_id?: string; checked_in_at?: Date }) =>
      database.db.updateTable('bookings').set(change).where('id', '=', id).execute();
    await set(cancelled, { status: 'cancelled' });
    await set(absent, { status: 'no_show' });
    await set(kept, { checked_in_at: NOW });
    await set(moved, { session_id: second });
    await database.db.deleteFrom('bookings').where('id', '=', deleted).execute();

    const counts = await sql<{ id: string; booked: number; kept: number }>`
      select s.id, coalesce(c.booked, 0) as booked,
             (select count(*)::integer from bookings b where b.session_id = s.id and b.status <> 'cancelled') as kept
        from class_sessions s left join session_booked_counts c on c.session_id = s.id
       where s.id in (${first}, ${second})`.execute(database.db);
    expect(Object.fromEntries(counts.rows.map((row) => [row.id, [row.booked, row.kept]]))).toEqual({ [first]: [2, 2], [second]: [1, 1] });
  });

  it('turns a second confirmed booking of the same member into ALREADY_BOOKED, backed by the unique index', async () => {
    await uow.transaction(({ bookings }) => bookings.save(newBooking()));
    await expect(uow.transaction(({ bookings }) => bookings.save(newBooking()))).rejects.toBeInstanceOf(AlreadyBookedError);
  });

  it('answers null for unknown ids and ids that are not UUIDs', async () => {
    await uow.transaction(async ({ bookings, sessions, members }) => {
      const session = await locked(sessions);
      expect(await bookings.get('nope')).toBeNull();
      expect(await bookings.getForUpdate(session, randomUUID())).toBeNull();
      expect(await bookings.getForUpdate(session, 'nope')).toBeNull();
      expect(await sessions.getForUpdate('nope')).toBeNull();
      expect(await sessions.getForUpdate(randomUUID())).toBeNull();
      expect(await sessions.spotsFor(session, 'nope')).toMatchObject({ alreadyBooked: false });
      expect(await members.findAll(['nope', randomUUID()])).toEqual([]);
      expect(await members.findAll([member.id, 'nope', member.id])).toEqual([{ id: member.id, email: member.email, name: member.name }]);
    });
  });
});
