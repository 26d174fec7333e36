import type { Transaction } from 'kysely';
import { allInOrder, type OutboxWriter } from '@fitflow/application-shared';
import { AlreadyBookedError, type BookingRepository, type KeysetPage, type LockedSession } from '@fitflow/application-booking';
import { Booking } from '@fitflow/domain-booking';
import type { Database } from '../../database/schema';
import { isUniqueViolation } from '../errors';
import { isUuid } from '../scheduling/uuid';
import { rowToBookingSnapshot, selectBookingRows } from './booking-rows';

/** Bookings on the transaction's connection; `bookings_one_confirmed_per_member_idx` backs ALREADY_BOOKED. */
export class KyselyBookingRepository implements BookingRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<Booking | null> {
    if (!isUuid(id)) return null;
    const row = await selectBookingRows(this.trx).where('b.id', '=', id).executeTakeFirst();
    return row ? Booking.restore(rowToBookingSnapshot(row)) : null;
  }

  /** Locks only the booking's row (`for update of b`); its session's the caller holds already. */
  async getForUpdate(session: LockedSession, id: string): Promise<Booking | null> {
    if (!isUuid(id)) return null;
    const row = await selectBookingRows(this.trx).where('b.id', '=', id).where('b.session_id', '=', session.id).forUpdate('b').executeTakeFirst();
    return row ? Booking.restore(rowToBookingSnapshot(row)) : null;
  }

  /** Found through `bookings_session_id_confirmed_idx`, sorted by id (a session has at most 500). */
  async confirmedForUpdate(session: LockedSession, { afterId, limit }: KeysetPage): Promise<Booking[]> {
    let query = selectBookingRows(this.trx).where('b.session_id', '=', session.id).where('b.status', '=', 'confirmed');
    if (afterId !== null) query = query.where('b.id', '>', afterId);
    const rows = await query.orderBy('b.id').limit(limit).forUpdate('b').execute();
    return rows.map((row) => Booking.restore(rowToBookingSnapshot(row)));
  }

  async save(booking: Booking): Promise<void> {
    const s = booking.snapshot();
    const changeable = {
      status: s.status,
      cancelled_at: s.cancelledAt,
      refund_percentage: s.refundPercentage,
      credits_refunded: s.creditsRefunded,
      cancellation_reason: s.cancellationReason,
      checked_in_at: s.checkedInAt,
    };
    const written = this.trx
      .insertInto('bookings')
      .values({ id: s.id, session_id: s.sessionId, member_id: s.memberId, hold_id: s.holdId, credits_spent: s.creditsSpent, created_at: s.createdAt, ...changeable })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(changeable))
      .execute()
      .catch((error: unknown) => {
        if (!isUniqueViolation(error, 'bookings_one_confirmed_per_member_idx')) throw error;
        throw Object.assign(new AlreadyBookedError(s.sessionId), { cause: error });
      });
    // Sent together: one round trip (the unit of work pipelines its statements). The row's own failure is the one
    // reported, not the event's that failed behind it.
    await allInOrder([written, this.outbox.append(booking.pullEvents())]);
  }
}
