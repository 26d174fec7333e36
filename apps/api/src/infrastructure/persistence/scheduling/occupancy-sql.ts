import { sql, type Expression, type QueryCreator } from 'kysely';
import type { Database } from '../../database/schema';

/*
 * THE place that knows where a session's bookings, holds and waitlist live. Every reader goes through these two
 * subqueries: the schedule finder joins them laterally (one query per page, no query per row), and the capacity
 * check under the session's lock (`KyselySessionOccupancy`) selects from the first. Bookings are counted from
 * `bookings` (confirmed only, through `bookings_session_id_confirmed_idx`); holds and the waitlist answer zeros and
 * nulls until `spot_holds` and `waitlist_entries` exist, when only their expressions below change.
 */

/** Counts of one session: confirmed bookings, holds still running at `now` (`expires_at > now`), waiting entries. */
export interface OccupancyColumns {
  booked_count: number;
  held_count: number;
  waitlist_count: number;
}

/** Always exactly one row, so it can be inner-joined laterally. Holds and the waitlist do not exist yet: zeros. */
export function occupancyOf(db: QueryCreator<Database>, sessionId: Expression<string>, _now: Date) {
  return db.selectNoFrom([
    sql<number>`(select count(*)::integer from bookings b where b.session_id = ${sessionId} and b.status = 'confirmed')`.as('booked_count'),
    sql<number>`0`.as('held_count'),
    sql<number>`0`.as('waitlist_count'),
  ]);
}

/** One viewer's own stake in one session (each null when none); always exactly one row. */
export function viewerStakeIn(db: QueryCreator<Database>, sessionId: Expression<string>, userId: string) {
  return db.selectNoFrom([
    sql<string | null>`(select b.id from bookings b where b.session_id = ${sessionId} and b.member_id = ${userId} and b.status = 'confirmed' limit 1)`.as('booking_id'),
    sql<string | null>`null::uuid`.as('hold_id'),
    sql<number | null>`null::integer`.as('waitlist_position'),
  ]);
}
