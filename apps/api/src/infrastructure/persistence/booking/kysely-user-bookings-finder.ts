import { sql, type Kysely } from 'kysely';
import type { Page } from '@fitflow/application-shared';
import { toBookingView, type BookingRecord, type BookingView, type MyBookingsFilter, type UserBookingsFinder } from '@fitflow/application-booking';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';
import { rowToBookingSnapshot, selectBookingRows } from './booking-rows';

/**
 * My Bookings and one booking, as API.md's Booking; one query a page (the window count gives the total). Each row
 * carries its check-in's lateness, and its status follows the no-show rule at the list's `now` (`byId`: the clock's).
 */
export class KyselyUserBookingsFinder implements UserBookingsFinder {
  constructor(
    private readonly db: Kysely<Database>,
    /** Where `byId` reads the no-show rule at: the core's clock, so tests travel with it. */
    private readonly clock: Clock,
  ) {}

  /** The booking rows with their check-in's lateness (null without a check-in). */
  #rows() {
    return selectBookingRows(this.db).leftJoin('check_ins as c', 'c.booking_id', 'b.id').select('c.is_late');
  }

  async list(filter: MyBookingsFilter): Promise<Page<BookingView>> {
    const { memberId, scope, now, page, pageSize } = filter;
    if (!isUuid(memberId)) return { items: [], page, pageSize, total: 0 };
    let query = this.#rows().where('b.member_id', '=', memberId).select(sql<number>`count(*) over ()`.as('total'));
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
    return { items: rows.map((row) => viewOf(row, now)), page, pageSize, total: Number(total) };
  }

  async byId(id: string): Promise<BookingRecord | null> {
    if (!isUuid(id)) return null;
    const row = await this.#rows().where('b.id', '=', id).executeTakeFirst();
    return row ? { view: viewOf(row, this.clock.now()), memberId: row.member_id, trainerId: row.trainer_id } : null;
  }
}

function viewOf(row: Parameters<typeof rowToBookingSnapshot>[0] & { is_late: boolean | null }, now: Date): BookingView {
  return toBookingView(rowToBookingSnapshot(row), { now, checkInLate: row.is_late ?? false });
}
