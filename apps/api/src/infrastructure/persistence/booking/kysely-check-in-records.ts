import type { Transaction } from 'kysely';
import type { BookingPlace, CheckInRecords } from '@fitflow/application-booking';
import type { CheckIn } from '@fitflow/domain-booking';
import type { Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';

/** The check-in records on the transaction's connection, and the places and due sessions attendance needs. */
export class KyselyCheckInRecords implements CheckInRecords {
  constructor(private readonly trx: Transaction<Database>) {}

  async placeOf(bookingId: string): Promise<BookingPlace | null> {
    if (!isUuid(bookingId)) return null;
    const row = await this.trx
      .selectFrom('bookings as b')
      .innerJoin('class_sessions as s', 's.id', 'b.session_id')
      .select(['b.session_id', 's.trainer_id'])
      .where('b.id', '=', bookingId)
      .executeTakeFirst();
    return row ? { sessionId: row.session_id, trainerId: row.trainer_id } : null;
  }

  async add(checkIn: CheckIn): Promise<void> {
    await this.trx
      .insertInto('check_ins')
      .values({
        booking_id: checkIn.bookingId,
        session_id: checkIn.sessionId,
        method: checkIn.method,
        is_late: checkIn.isLate,
        recorded_by: checkIn.recordedBy,
      })
      .execute();
  }

  /** Through `bookings_awaiting_check_in_idx`: confirmed bookings not checked in, few beyond the upcoming ones. */
  async sessionsDueForNoShows(now: Date, limit: number): Promise<string[]> {
    const rows = await this.trx
      .selectFrom('class_sessions as s')
      .select('s.id')
      .where('s.status', '=', 'published')
      .where('s.ends_at', '<=', now)
      .where('s.id', 'in', (eb) =>
        eb.selectFrom('bookings as b').select('b.session_id').where('b.status', '=', 'confirmed').where('b.checked_in_at', 'is', null),
      )
      .orderBy('s.ends_at')
      .orderBy('s.id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }
}
