import { describe, expect, it } from 'vitest';
import { CHECK_IN_RECORDED } from '@fitflow/domain-booking';
import { BookingMother, type CastMember, SessionMother, actor, createAttendanceFakes } from '../../testing';
import { RecordCheckInHandler } from './record-check-in.handler';

/** Five minutes before the mother's session starts (07:00 on 3 December): the door is open. */
const AT_THE_DOOR = '2026-12-03T06:55:00.000Z';

function setUp(now = AT_THE_DOOR) {
  const fakes = createAttendanceFakes(now);
  const session = SessionMother.published();
  fakes.sessions.seed(session);
  const booking = BookingMother.confirmed(session, 'member');
  fakes.bookings.seed(booking);
  const handler = new RecordCheckInHandler(fakes.attendanceUow, fakes.codes, fakes.clock, fakes.grace);
  const byHand = (who: CastMember = 'trainer', bookingId = booking.id) => handler.handle({ actor: actor(who), method: 'manual', bookingId });
  const byCode = (code = fakes.codes.codeFor(booking.id), who: CastMember = 'trainer') => handler.handle({ actor: actor(who), method: 'qr', code });
  return { ...fakes, session, booking, handler, byHand, byCode };
}

describe('RecordCheckInHandler', () => {
  it('checks a member in by hand: the booking keeps when, the record how, and CheckInRecorded goes to the outbox', async () => {
    const { byHand, booking, session, bookings, checkIns } = setUp();

    await expect(byHand()).resolves.toEqual({
      bookingId: booking.id,
      sessionId: session.id,
      sessionName: 'Morning Yoga',
      userId: booking.memberId,
      userName: 'Mo Member',
      checkedInAt: AT_THE_DOOR,
      isLate: false,
      method: 'manual',
    });
    expect(bookings.row(booking.id)).toMatchObject({ status: 'confirmed', checkedInAt: new Date(AT_THE_DOOR) });
    expect(checkIns.records()).toEqual([expect.objectContaining({ bookingId: booking.id, method: 'manual', recordedBy: actor('trainer').userId })]);
    expect(bookings.outbox).toEqual([expect.objectContaining({ type: CHECK_IN_RECORDED, aggregateId: booking.id })]);
  });

  it('checks a member in by the code from their phone, as an admin too', async () => {
    const { byCode, booking } = setUp();
    await expect(byCode(undefined, 'admin')).resolves.toMatchObject({ bookingId: booking.id, method: 'qr' });
  });

  it('locks the session’s row before the booking’s', async () => {
    const { byCode, locks, session, booking } = setUp();
    await byCode();
    expect(locks.taken).toEqual([`session:${session.id}`, `booking:${booking.id}`]);
  });

  it('flags a check-in later than the start plus the grace as late', async () => {
    await expect(setUp('2026-12-03T07:10:00.000Z').byHand()).resolves.toMatchObject({ isLate: false });
    await expect(setUp('2026-12-03T07:10:00.001Z').byHand()).resolves.toMatchObject({ isLate: true });
  });

  it('checks in once when the same code is scanned twice at once: the other scan gets ALREADY_CHECKED_IN', async () => {
    const { byCode, checkIns, bookings } = setUp();

    const results = await Promise.allSettled([byCode(), byCode()]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'ALREADY_CHECKED_IN', message: 'Mo Member is already checked in' } });
    expect(checkIns.records()).toHaveLength(1);
    expect(bookings.outbox).toHaveLength(1);
  });

  it('refuses members with FORBIDDEN, even for their own booking, taking no lock', async () => {
    const { byHand, byCode, locks } = setUp();
    await expect(byHand('member')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(byCode(undefined, 'member')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(locks.taken).toEqual([]);
  });

  it('answers another trainer NOT_FOUND by booking id and INVALID_CODE by code, taking no lock', async () => {
    const { byHand, byCode, locks, checkIns } = setUp();
    await expect(byHand('otherTrainer')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(byCode(undefined, 'otherTrainer')).rejects.toMatchObject({ code: 'INVALID_CODE' });
    expect(locks.taken).toEqual([]);
    expect(checkIns.records()).toEqual([]);
  });

  it('refuses forged and unknown codes with INVALID_CODE, and an unknown booking id with NOT_FOUND', async () => {
    const { byCode, byHand, codes } = setUp();
    await expect(byCode('a-code-nobody-made')).rejects.toMatchObject({ code: 'INVALID_CODE' });
    await expect(byCode(codes.codeFor('99999999-0000-4000-8000-00000000dead'))).rejects.toMatchObject({ code: 'INVALID_CODE' });
    await expect(byHand('trainer', '99999999-0000-4000-8000-00000000dead')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses the code of a cancelled booking with INVALID_CODE, and checking it in by hand with INVALID_STATE', async () => {
    const fakes = setUp();
    const cancelled = BookingMother.cancelled(fakes.session, 'otherMember');
    fakes.bookings.seed(cancelled);
    await expect(fakes.byCode(fakes.codes.codeFor(cancelled.id))).rejects.toMatchObject({ code: 'INVALID_CODE', message: 'This code belongs to a cancelled booking' });
    await expect(fakes.byHand('trainer', cancelled.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(fakes.checkIns.records()).toEqual([]);
  });

  it('refuses outside the check-in window with INVALID_STATE and changes nothing', async () => {
    const { byHand, bookings, checkIns, booking } = setUp('2026-12-03T06:29:59.999Z');
    await expect(byHand()).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(bookings.row(booking.id)?.checkedInAt).toBeNull();
    expect(checkIns.records()).toEqual([]);
    await expect(setUp('2026-12-03T08:00:00.000Z').byHand()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('follows the class to its new trainer: the old one is refused once the session row says so', async () => {
    const fakes = setUp();
    fakes.sessions.seed(SessionMother.published({ id: fakes.session.id, trainerId: actor('otherTrainer').userId }));
    await expect(fakes.byHand('trainer')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(fakes.byHand('otherTrainer')).resolves.toMatchObject({ bookingId: fakes.booking.id });
  });
});
