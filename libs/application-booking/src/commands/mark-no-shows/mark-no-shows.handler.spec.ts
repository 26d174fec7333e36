import { describe, expect, it } from 'vitest';
import { BOOKING_MARKED_NO_SHOW, CheckInGrace } from '@fitflow/domain-booking';
import { BookingMother, SessionMother, actor, createAttendanceFakes } from '../../testing';
import { MarkNoShowsHandler } from './mark-no-shows.handler';

/** The mother's session runs 07:00–08:00 on 3 December. */
const ENDS = '2026-12-03T08:00:00.000Z';

function setUp(now = ENDS, batchSize?: number) {
  const fakes = createAttendanceFakes(now);
  const session = SessionMother.published();
  fakes.sessions.seed(session);
  const absent = BookingMother.confirmed(session, 'member');
  const present = BookingMother.confirmed(session, 'otherMember');
  present.checkIn(session, { method: 'manual', at: new Date('2026-12-03T06:50:00.000Z'), grace: CheckInGrace.ofMilliseconds(0), by: actor('trainer').userId });
  const cancelled = BookingMother.cancelled(session, 'admin');
  fakes.bookings.seed(absent, present, cancelled);
  const handler = new MarkNoShowsHandler(fakes.attendanceUow, fakes.clock, batchSize);
  const statuses = () => Object.fromEntries(fakes.bookings.rows().map((row) => [row.memberName, row.status]));
  return { ...fakes, session, absent, handler, statuses };
}

describe('MarkNoShowsHandler', () => {
  it('marks the confirmed bookings without a check-in of an ended session, and only those, from its end', async () => {
    const { handler, session, statuses, bookings, absent } = setUp();

    await expect(handler.handle({ sessionId: session.id })).resolves.toBe(1);

    expect(statuses()).toEqual({ 'Mo Member': 'no_show', 'Olu Other': 'confirmed', 'Ada Admin': 'cancelled' });
    expect(bookings.outbox).toEqual([expect.objectContaining({ type: BOOKING_MARKED_NO_SHOW, aggregateId: absent.id })]);
  });

  it('does nothing a millisecond before the end (a job of a class moved later), nor a second time', async () => {
    const early = setUp('2026-12-03T07:59:59.999Z');
    await expect(early.handler.handle({ sessionId: early.session.id })).resolves.toBe(0);
    expect(early.statuses()['Mo Member']).toBe('confirmed');

    const { handler, session, bookings } = setUp();
    await handler.handle({ sessionId: session.id });
    await expect(handler.handle({ sessionId: session.id })).resolves.toBe(0);
    expect(bookings.outbox).toHaveLength(1);
  });

  it('leaves a cancelled class alone, and an unknown session', async () => {
    const fakes = createAttendanceFakes(ENDS);
    const session = SessionMother.cancelled();
    fakes.sessions.seed(session);
    fakes.bookings.seed(BookingMother.confirmed(session, 'member'));
    const handler = new MarkNoShowsHandler(fakes.attendanceUow, fakes.clock);
    await expect(handler.handle({ sessionId: session.id })).resolves.toBe(0);
    await expect(handler.handle({ sessionId: '55555555-0000-4000-8000-00000000dead' })).resolves.toBe(0);
  });

  it('sweeps every ended session with no-shows to mark, whose job was lost, locking each session before its bookings', async () => {
    const { handler, sessions, bookings, locks, session, absent } = setUp('2026-12-05T00:00:00.000Z');
    const later = SessionMother.published({ startsAt: new Date('2026-12-04T07:00:00.000Z'), endsAt: new Date('2026-12-04T08:00:00.000Z') });
    const upcoming = SessionMother.published({ startsAt: new Date('2026-12-06T07:00:00.000Z'), endsAt: new Date('2026-12-06T08:00:00.000Z') });
    sessions.seed(later, upcoming);
    bookings.seed(BookingMother.confirmed(later, 'member'), BookingMother.confirmed(upcoming, 'member'));

    await expect(handler.handle({ limit: 10 })).resolves.toBe(2);

    expect(bookings.rows().filter((row) => row.status === 'no_show').map((row) => row.sessionId)).toEqual([session.id, later.id]);
    expect(locks.taken.slice(0, 2)).toEqual([`session:${session.id}`, `booking:${absent.id}`]);
    await expect(handler.handle({ limit: 10 })).resolves.toBe(0);
  });

  it('marks a full class in batches, every booking once', async () => {
    const fakes = createAttendanceFakes(ENDS);
    const session = SessionMother.published();
    fakes.sessions.seed(session);
    fakes.bookings.seed(...(['member', 'otherMember', 'trainer', 'otherTrainer', 'admin'] as const).map((who) => BookingMother.confirmed(session, who)));
    await expect(new MarkNoShowsHandler(fakes.attendanceUow, fakes.clock, 2).handle({ sessionId: session.id })).resolves.toBe(5);
    expect(fakes.bookings.rows().every((row) => row.status === 'no_show')).toBe(true);
  });
});
