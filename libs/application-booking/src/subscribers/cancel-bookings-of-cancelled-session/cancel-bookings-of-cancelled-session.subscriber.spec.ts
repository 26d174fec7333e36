import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@fitflow/application-shared';
import { BOOKING_CANCELLED } from '@fitflow/domain-booking';
import { CancellationReason, type ClassSession, SESSION_CANCELLED, type SessionCancelled } from '@fitflow/domain-scheduling';
import { BookingMother, CAST, FUNDED_CREDITS, SessionMother, createBookingFakes } from '../../testing';
import { CancelBookingsOfCancelledSession } from './cancel-bookings-of-cancelled-session.subscriber';

const CANCELLED_AT = '2026-12-02T09:30:00.000Z';

/** The trainer cancels `session` at CANCELLED_AT: the SessionCancelled the outbox would deliver. */
function cancelledBy(session: ClassSession, reason = 'Trainer is ill'): EventEnvelope<SessionCancelled> {
  session.cancel(CancellationReason.create(reason), new Date(CANCELLED_AT), CAST.trainer.name);
  const event = session.pullEvents().find((candidate): candidate is SessionCancelled => candidate.type === SESSION_CANCELLED);
  if (!event) throw new Error('No SessionCancelled recorded');
  return { id: `event-of-${session.id}`, event };
}

function setUp({ booked = 0, batchSize }: { booked?: number; batchSize?: number } = {}) {
  const fakes = createBookingFakes();
  const session = SessionMother.published({ creditCost: 3, capacity: 500 });
  const delivery = cancelledBy(session);
  fakes.sessions.seed(session);
  const memberIds = Array.from({ length: booked }, (_, i) => `member-${String(i).padStart(3, '0')}`);
  for (const memberId of memberIds) fakes.members.add(memberId, `${memberId}@example.test`, memberId);
  const bookings = memberIds.map((memberId) => BookingMother.confirmed(session, 'member', { memberId }));
  fakes.bookings.seed(...bookings);
  const subscriber = new CancelBookingsOfCancelledSession(fakes.uow, fakes.clock, batchSize);
  return { ...fakes, session, delivery, subscriber, deliver: () => subscriber.handle(delivery) };
}

describe('CancelBookingsOfCancelledSession', () => {
  it('is the booking context’s subscriber to SessionCancelled', () => {
    const { subscriber } = setUp();
    expect(subscriber).toMatchObject({ name: 'booking.cancel-session-bookings', eventType: 'SessionCancelled' });
  });

  it('cancels every confirmed booking of the session with a full refund and the studio’s reason, as of the cancellation', async () => {
    const { deliver, bookings, session, clock } = setUp({ booked: 3 });
    expect(clock.now().toISOString()).not.toBe(CANCELLED_AT);
    await deliver();
    expect(bookings.rows()).toHaveLength(3);
    for (const row of bookings.rows()) {
      expect(row).toMatchObject({
        status: 'cancelled',
        cancelledAt: new Date(CANCELLED_AT),
        refundPercentage: 100,
        creditsRefunded: 3,
        cancellationReason: 'Trainer is ill',
      });
    }
    expect(bookings.confirmedCount(session.id)).toBe(0);
  });

  it('gives every member the booking’s credits back in the same transaction, one ledger line each', async () => {
    const { deliver, memberships, uow } = setUp({ booked: 3 });
    await deliver();
    expect(uow.commits).toBe(1);
    for (const memberId of ['member-000', 'member-001', 'member-002']) {
      expect(memberships.balanceOf(memberId)).toBe(FUNDED_CREDITS + 3);
      expect(memberships.ledgerOf(memberId)).toEqual([
        expect.objectContaining({ type: 'refund', amount: 3, balanceAfter: FUNDED_CREDITS + 3, description: 'Refund for Morning Yoga (100 %)' }),
      ]);
    }
  });

  it('writes a self-contained BookingCancelled per booking, saying the studio cancelled it and why', async () => {
    const { deliver, bookings, session } = setUp({ booked: 2 });
    await deliver();
    expect(bookings.outbox).toHaveLength(2);
    for (const event of bookings.outbox) {
      expect(event).toMatchObject({
        type: BOOKING_CANCELLED,
        occurredAt: CANCELLED_AT,
        payload: {
          sessionId: session.id,
          sessionName: 'Morning Yoga',
          cancelledBy: 'studio',
          reason: 'Trainer is ill',
          refundPercentage: 100,
          creditsRefunded: 3,
        },
      });
    }
  });

  it('leaves alone the bookings already cancelled and those of other sessions', async () => {
    const { deliver, bookings, session } = setUp();
    const other = SessionMother.published();
    const memberCancelled = BookingMother.cancelled(session, 'otherMember', { refundPercentage: 50, creditsRefunded: 1 });
    const elsewhere = BookingMother.confirmed(other, 'member');
    bookings.seed(memberCancelled, elsewhere);
    await deliver();
    expect(bookings.row(memberCancelled.id)).toMatchObject({ refundPercentage: 50, creditsRefunded: 1, cancellationReason: null });
    expect(bookings.row(elsewhere.id)?.status).toBe('confirmed');
    expect(bookings.outbox).toEqual([]);
  });

  it('cancels a full class of 250 in batches, all in one transaction, the session’s row locked first', async () => {
    const { deliver, bookings, session, uow, locks } = setUp({ booked: 250, batchSize: 100 });
    await deliver();
    expect(bookings.confirmedCount(session.id)).toBe(0);
    expect(bookings.outbox).toHaveLength(250);
    expect(uow.commits).toBe(1);
    expect(locks.taken[0]).toBe(`session:${session.id}`);
    expect(locks.taken.slice(1)).toHaveLength(250);
    expect(locks.taken.slice(1).every((row) => row.startsWith('booking:'))).toBe(true);
  });

  it.each([99, 100, 101])('cancels all %i bookings around a batch boundary of 100', async (booked) => {
    const { deliver, bookings, session } = setUp({ booked, batchSize: 100 });
    await deliver();
    expect(bookings.confirmedCount(session.id)).toBe(0);
    expect(bookings.outbox).toHaveLength(booked);
  });

  it('changes nothing when the same event is delivered again', async () => {
    const { deliver, bookings } = setUp({ booked: 3 });
    await deliver();
    const rows = bookings.rows();
    const outbox = bookings.outbox;
    await deliver();
    expect(bookings.rows()).toEqual(rows);
    expect(bookings.outbox).toEqual(outbox);
  });

  it('changes nothing for a session without bookings (a cancelled draft)', async () => {
    const { deliver, bookings, uow } = setUp();
    await deliver();
    expect(bookings.outbox).toEqual([]);
    expect(uow.commits).toBe(1);
  });

  it('fails on a session that does not exist, so the engine retries and parks the event', async () => {
    const { subscriber, delivery } = setUp();
    const unknown = { ...delivery, event: { ...delivery.event, payload: { ...delivery.event.payload, sessionId: 'no-such-session' } } };
    await expect(subscriber.handle(unknown)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
