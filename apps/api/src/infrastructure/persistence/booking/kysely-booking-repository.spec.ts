import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyBookedError, type BookingRepositories } from '@fitflow/application-booking';
import { Booking, CancellationPolicy } from '@fitflow/domain-booking';
import { FixedClock } from '@fitflow/domain-shared';
import { TEST_DATABASES, createTestDatabase, type TestDatabase } from '../../../testing/databases';
import { KyselyUnitOfWork } from '../../database/kysely-unit-of-work';
import { KyselyBookingRepository } from './kysely-booking-repository';
import { KyselyMemberDirectory } from './kysely-member-directory';
import { KyselySessionLocks } from './kysely-session-locks';

const NOW = new Date('2026-12-01T07:00:00.000Z');
const STARTS = new Date('2027-01-04T07:00:00.000Z');

describe.each(TEST_DATABASES)('booking repositories on %s', (kind) => {
  let database: TestDatabase;
  let uow: KyselyUnitOfWork<BookingRepositories>;
  const trainer = { id: randomUUID(), email: 'tess@example.test', name: 'Tess Trainer', role: 'trainer' as const, password_hash: 'x' };
  const member = { id: randomUUID(), email: 'mo@example.test', name: 'Mo Member', role: 'member' as const, password_hash: 'x' };
  const sessionId = randomUUID();

  const newBooking = () =>
    Booking.create({
      id: randomUUID(),
      memberId: member.id,
      memberEmail: member.email,
      memberName: member.name,
      session: { id: sessionId, name: 'Morning Yoga', startsAt: STARTS, endsAt: new Date(STARTS.getTime() + 3_600_000), trainerName: trainer.name },
      creditsSpent: 3,
      at: NOW,
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.insertInto('users').values([trainer, member]).execute();
    await database.db
      .insertInto('class_sessions')
      .values({ id: sessionId, template_id: null, trainer_id: trainer.id, name: 'Morning Yoga', starts_at: STARTS, ends_at: new Date(STARTS.getTime() + 3_600_000), capacity: 5, credit_cost: 3, status: 'published', cancellation_reason: null })
      .execute();
    uow = new KyselyUnitOfWork<BookingRepositories>(database.db, (trx, outbox) => ({
      bookings: new KyselyBookingRepository(trx, outbox),
      sessions: new KyselySessionLocks(trx, new FixedClock(NOW)),
      members: new KyselyMemberDirectory(trx),
    }));
  });
  afterAll(() => database?.close());

  it('saves a booking, loads it back as it was, counts it and cancels it', async () => {
    const booking = newBooking();
    const snapshot = booking.snapshot();
    await uow.transaction(({ bookings }) => bookings.save(booking));
    expect((await uow.transaction(({ bookings }) => bookings.getForUpdate(booking.id)))?.snapshot()).toEqual(snapshot);
    expect((await uow.transaction(({ bookings }) => bookings.findConfirmed(member.id, sessionId)))?.id).toBe(booking.id);
    expect(await uow.transaction(({ sessions }) => sessions.takenSpots(sessionId))).toBe(1);
    expect(await uow.transaction(({ sessions }) => sessions.spotsFor(sessionId, member.id))).toEqual({ takenSpots: 1, alreadyBooked: true });
    expect(await uow.transaction(({ sessions }) => sessions.spotsFor(sessionId, trainer.id))).toEqual({ takenSpots: 1, alreadyBooked: false });
    expect((await uow.transaction(({ sessions }) => sessions.getForUpdate(sessionId)))?.capacity.value).toBe(5);

    await uow.transaction(async ({ bookings }) => {
      const current = (await bookings.getForUpdate(booking.id)) as Booking;
      current.cancel(CancellationPolicy.default(), NOW);
      await bookings.save(current);
    });
    const stored = await uow.transaction(({ bookings }) => bookings.get(booking.id));
    expect(stored?.snapshot()).toMatchObject({ status: 'cancelled', refundPercentage: 100, creditsRefunded: 3, cancelledAt: NOW });
    expect(await uow.transaction(({ sessions }) => sessions.takenSpots(sessionId))).toBe(0);
    expect(await uow.transaction(({ sessions }) => sessions.spotsFor(sessionId, member.id))).toEqual({ takenSpots: 0, alreadyBooked: false });
    const events = await database.db.selectFrom('outbox').select('type').where('aggregate_id', '=', booking.id).orderBy('seq').execute();
    expect(events.map((row) => row.type)).toEqual(['BookingConfirmed', 'BookingCancelled']);
  });

  it('turns a second confirmed booking of the same member into ALREADY_BOOKED, backed by the unique index', async () => {
    await uow.transaction(({ bookings }) => bookings.save(newBooking()));
    await expect(uow.transaction(({ bookings }) => bookings.save(newBooking()))).rejects.toBeInstanceOf(AlreadyBookedError);
  });

  it('answers null for unknown ids and ids that are not UUIDs', async () => {
    await uow.transaction(async ({ bookings, sessions, members }) => {
      expect(await bookings.get('nope')).toBeNull();
      expect(await bookings.getForUpdate(randomUUID())).toBeNull();
      expect(await bookings.findConfirmed(randomUUID(), sessionId)).toBeNull();
      expect(await sessions.getForUpdate('nope')).toBeNull();
      expect(await sessions.spotsFor('nope', member.id)).toEqual({ takenSpots: 0, alreadyBooked: false });
      expect(await sessions.spotsFor(sessionId, 'nope')).toMatchObject({ alreadyBooked: false });
      expect(await members.find('nope')).toBeNull();
      expect(await members.find(member.id)).toEqual({ id: member.id, email: member.email, name: member.name });
    });
  });
});
