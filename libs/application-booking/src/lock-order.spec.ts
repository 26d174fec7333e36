import { describe, expect, it } from 'vitest';
import { BookingMother, SessionMother, createBookingFakes } from './testing';

describe('the lock order (LockedSession)', () => {
  it('does not compile a booking lock without its session’s lock first', async () => {
    const { uow, sessions, bookings: store } = createBookingFakes();
    const session = SessionMother.published();
    sessions.seed(session);
    const booking = BookingMother.confirmed(session);
    store.seed(booking);
    await uow.transaction(async ({ bookings, sessions: locks }) => {
      // @ts-expect-error the booking's id alone locks nothing
      await bookings.getForUpdate(booking.id);
      // @ts-expect-error a session read without its lock is not a locked one
      await bookings.confirmedForUpdate(session, { afterId: null, limit: 10 });
      // @ts-expect-error nor are its spots counted without it
      await locks.spotsFor(session, booking.memberId);
      const locked = await locks.getForUpdate(session.id);
      expect(locked && (await bookings.getForUpdate(locked, booking.id))?.id).toBe(booking.id);
    });
  });
});
