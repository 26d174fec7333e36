import type { Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import { AlreadyBookedError, type BookingRepository } from '@fitflow/application-booking';
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

  /** Locks only the booking's row (`for update of b`), not its session's or its member's. */
  async getForUpdate(id: string): Promise<Booking | null> {
    if (!isUuid(id)) return null;
    const row = await selectBookingRows(this.trx).where('b.id', '=', id).forUpdate('b').executeTakeFirst();
    return row ? Booking.restore(rowToBookingSnapshot(row)) : null;
  }

  async findConfirmed(memberId: string, sessionId: string): Promise<Booking | null> {
    if (!isUuid(memberId) || !isUuid(sessionId)) return null;
    const row = await selectBookingRows(this.trx)
      .where('b.member_id', '=', memberId)
      .where('b.session_id', '=', sessionId)
      .where('b.status', '=', 'confirmed')
      .executeTakeFirst();
    return row ? Booking.restore(rowToBookingSnapshot(row)) : null;
  }

  async save(booking: Booking): Promise<void> {
    const s = booking.snapshot();
    const changeable = {
      status: s.status,
      cancelled_at: s.cancelledAt,
      refund_percentage: s.refundPercentage,
      credits_refunded: s.creditsRefunded,
      checked_in_at: s.checkedInAt,
    };
    try {
      await this.trx
        .insertInto('bookings')
        .values({ id: s.id, session_id: s.sessionId, member_id: s.memberId, credits_spent: s.creditsSpent, created_at: s.createdAt, ...changeable })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changeable))
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'bookings_one_confirmed_per_member_idx')) {
        const already = new AlreadyBookedError(s.sessionId);
        already.cause = error;
        throw already;
      }
      throw error;
    }
    await this.outbox.append(booking.pullEvents());
  }
}
