import { describe, expect, it } from 'vitest';
import { BookingNotFoundError } from '@fitflow/domain-booking';
import { BookingMother, type CastMember, SessionMother, actor, createBookingFakes } from '../../testing';
import { GetBookingHandler } from './get-booking.handler';

function setUp() {
  const fakes = createBookingFakes();
  const session = SessionMother.published();
  fakes.sessions.seed(session);
  const booking = BookingMother.confirmed(session, 'member');
  fakes.bookings.seed(booking);
  const handler = new GetBookingHandler(fakes.finder);
  const get = (who: CastMember, id = booking.id) => handler.handle({ actor: actor(who), id });
  return { ...fakes, booking, get };
}

describe('GetBookingHandler', () => {
  it.each(['member', 'trainer', 'admin'] as const)('shows the booking to the %s, with whose it is', async (who) => {
    const { get, booking } = setUp();
    await expect(get(who)).resolves.toMatchObject({
      view: { id: booking.id, status: 'confirmed', isLate: false, checkedInAt: null },
      memberId: actor('member').userId,
    });
  });

  it.each(['otherMember', 'otherTrainer'] as const)('answers NOT_FOUND to %s', async (who) => {
    const { get } = setUp();
    await expect(get(who)).rejects.toBeInstanceOf(BookingNotFoundError);
  });

  it('answers NOT_FOUND for an unknown booking', async () => {
    const { get } = setUp();
    await expect(get('admin', 'no-such-booking')).rejects.toBeInstanceOf(BookingNotFoundError);
  });
});
