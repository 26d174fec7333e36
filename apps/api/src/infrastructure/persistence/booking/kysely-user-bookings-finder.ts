import { sql, type Kysely } from 'kysely';
import type { Page } from '@fitflow/application-shared';
import { toBookingView, type BookingRecord, type BookingView, type MyBookingsFilter, type UserBookingsFinder } from '@fitflow/application-booking';
import type { Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';
import { rowToBookingSnapshot, selectBookingRows } from './booking-rows';

/** My Bookings and one booking, as API.md's Booking; one query a page (the window count gives the total). */
export class KyselyUserBookingsFinder implements UserBookingsFinder {
  constructor(private readonly db: Kysely<Database>) {}

  async list(filter: MyBookingsFilter): Promise<Page<BookingView>> {
    const { memberId, scope, now, page, pageSize } = filter;
    if (!isUuid(memberId)) return { items: [], page, pageSize, total: 0 };
    let query = selectBookingRows(this.db).where('b.member_id', '=', memberId).select(sql<number>`count(*) over ()`.as('total'));
    switch (scope) {
      case 'upcoming':
        query = query.where('b.status', '=', 'confirmed').where('s.starts_at', '>', now).orderBy('s.starts_at', 'asc');
        break;
      case 'past':
        query = query.where('b.status', '<>', 'cancelled').where('s.starts_at', '<=', now).orderBy('s.starts_at', 'desc');
        break;
      case 'cancelled':
        query = query.where('b.status', '=', 'cancelled').orderBy('b.cancelled_at', 'desc');
        break;
    }
    const rows = await query
      .orderBy('b.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = rows[0]?.total ?? (page === 1 ? 0 : (await this.list({ ...filter, page: 1, pageSize: 1 })).total);
    return { items: rows.map((row) => toBookingView(rowToBookingSnapshot(row))), page, pageSize, total: Number(total) };
  }

  async byId(id: string): Promise<BookingRecord | null> {
    if (!isUuid(id)) return null;
    const row = await selectBookingRows(this.db).where('b.id', '=', id).executeTakeFirst();
    return row ? { view: toBookingView(rowToBookingSnapshot(row)), memberId: row.member_id, trainerId: row.trainer_id } : null;
  }
}
