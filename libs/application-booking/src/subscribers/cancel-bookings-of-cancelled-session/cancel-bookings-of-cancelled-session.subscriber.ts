import type { EventEnvelope, Subscriber, UnitOfWork } from '@fitflow/application-shared';
import type { Booking } from '@fitflow/domain-booking';
import type { Clock } from '@fitflow/domain-shared';
import { SESSION_CANCELLED, type SessionCancelled } from '@fitflow/domain-scheduling';
import { BookingCredits } from '../../booking-credits';
import { SessionNotFoundError } from '../../errors';
import type { BookingRepositories } from '../../ports';

/** Bookings cancelled per locked read: a session holds at most 500 (`MAX_CAPACITY`), so a few batches at most. */
export const SESSION_BOOKINGS_BATCH = 100;

/**
 * When a session is cancelled, every confirmed booking on it is cancelled with a full refund (API.md), each
 * recording a BookingCancelled that names the studio and its reason. One unit of work: the session's row is
 * locked first (see `LockedSession`), then its confirmed bookings are cancelled a batch at a time, each batch's
 * rows locked, until none remain; at most 500 bookings keep the transaction bounded. The bookings are cancelled as
 * of the session's cancellation (the event's instant), however late the delivery runs.
 *
 * Each member gets the booking's credits back in the same transaction, the ledger line dated when it is written.
 *
 * Delivered again after it committed, it finds no confirmed booking left and changes nothing.
 */
export class CancelBookingsOfCancelledSession implements Subscriber<SessionCancelled> {
  readonly name = 'booking.cancel-session-bookings';
  readonly eventType = SESSION_CANCELLED;

  constructor(
    private readonly uow: UnitOfWork<BookingRepositories>,
    private readonly clock: Clock,
    private readonly batchSize = SESSION_BOOKINGS_BATCH,
  ) {}

  async handle({ event }: EventEnvelope<SessionCancelled>): Promise<void> {
    const { sessionId, reason } = event.payload;
    const cancelledAt = new Date(event.occurredAt);
    await this.uow.transaction(async ({ sessions, bookings, memberships }) => {
      // Sessions are never deleted: a missing one is a broken event, to be retried and parked, not skipped.
      const session = await sessions.getForUpdate(sessionId);
      if (!session) throw new SessionNotFoundError(sessionId);
      const cancelled: Booking[] = [];
      let batch: Booking[];
      let afterId: string | null = null;
      do {
        batch = await bookings.confirmedForUpdate(session, { afterId, limit: this.batchSize });
        for (const booking of batch) {
          booking.cancelByStudio(reason, cancelledAt);
          await bookings.save(booking);
        }
        cancelled.push(...batch);
        afterId = batch.at(-1)?.id ?? afterId;
      } while (batch.length === this.batchSize);
      // Balances last, once every booking is locked, in member order: two cascades at once lock them alike.
      for (const booking of cancelled.sort((a, b) => compare(a.memberId, b.memberId))) {
        await BookingCredits.refund(memberships, booking, this.clock.now());
      }
    });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
