import { describe, expect, it } from 'vitest';
import { Booking } from '@fitflow/domain-booking';
import { BookingMother, SessionMother, actor, createBookingFakes } from '../../testing';
import { ListMyBookingsHandler } from './list-my-bookings.handler';

function setUp() {
  const fakes = createBookingFakes('2026-12-05T12:00:00.000Z');
  const at = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });
  const later = SessionMother.published(at('2026-12-09T07:00:00.000Z'));
  const soon = SessionMother.published(at('2026-12-06T07:00:00.000Z'));
  const lastWeek = SessionMother.published(at('2026-11-28T07:00:00.000Z'));
  const yesterday = SessionMother.published(at('2026-12-04T07:00:00.000Z'));
  const dropped = SessionMother.published(at('2026-12-07T07:00:00.000Z'));
  fakes.sessions.seed(later, soon, lastWeek, yesterday, dropped);
  fakes.bookings.seed(
    BookingMother.confirmed(later, 'member', { id: 'b-later' }),
    BookingMother.confirmed(soon, 'member', { id: 'b-soon' }),
    BookingMother.confirmed(lastWeek, 'member', { id: 'b-last-week', checkedInAt: new Date('2026-11-28T06:55:00.000Z') }),
    BookingMother.cancelled(later, 'member', { id: 'b-cancelled-old', cancelledAt: new Date('2026-12-01T00:00:00Z') }),
    BookingMother.cancelled(dropped, 'member', { id: 'b-cancelled-new', cancelledAt: new Date('2026-12-02T00:00:00Z') }),
    Booking.restore(BookingMother.snapshot(yesterday, 'member', { id: 'b-no-show', status: 'no_show' })),
    BookingMother.confirmed(soon, 'otherMember', { id: 'b-not-mine' }),
  );
  const handler = new ListMyBookingsHandler(fakes.finder, fakes.clock);
  return { handler, fakes, yesterday };
}

describe('ListMyBookingsHandler', () => {
  it('lists upcoming confirmed bookings, soonest first, only the caller’s', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ actor: actor('member'), scope: 'upcoming' });
    expect(page.items.map((b) => b.id)).toEqual(['b-soon', 'b-later']);
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 2 });
  });

  it('lists past bookings (confirmed and no-show) latest first', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ actor: actor('member'), scope: 'past' });
    expect(page.items.map((b) => [b.id, b.status])).toEqual([
      ['b-no-show', 'no_show'],
      ['b-last-week', 'confirmed'],
    ]);
  });

  it('reads a confirmed booking without a check-in as a no-show from its class’s end, before any job marked it', async () => {
    const { handler, fakes, yesterday } = setUp();
    fakes.bookings.seed(BookingMother.confirmed(yesterday, 'member', { id: 'b-missed' }));
    const page = await handler.handle({ actor: actor('member'), scope: 'past' });
    expect(page.items.find((b) => b.id === 'b-missed')).toMatchObject({ status: 'no_show', checkedInAt: null });
    expect(fakes.bookings.row('b-missed')?.status).toBe('confirmed');
  });

  it('lists cancelled bookings, most recently cancelled first', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ actor: actor('member'), scope: 'cancelled' });
    expect(page.items.map((b) => b.id)).toEqual(['b-cancelled-new', 'b-cancelled-old']);
  });

  it('pages', async () => {
    const { handler } = setUp();
    const page = await handler.handle({ actor: actor('member'), scope: 'upcoming', page: 2, pageSize: 1 });
    expect(page).toMatchObject({ items: [{ id: 'b-later' }], page: 2, pageSize: 1, total: 2 });
  });
});
