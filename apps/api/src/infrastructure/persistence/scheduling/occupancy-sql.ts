import { sql, type Expression, type QueryCreator, type RawBuilder } from 'kysely';
import type { Database } from '../../database/schema';

/*
 * THE place that knows where a session's bookings, holds and waitlist live. Every reader goes through these
 * subqueries: the schedule finder joins the first two laterally (one query per page, no query per row; PostgreSQL
 * evaluates them only for the rows of the page), and the capacity check with the session's row held
 * (`KyselySessionOccupancy`, `KyselySessionLocks`) selects from the first. Booked spots are read from
 * `session_booked_counts`: every booking the session keeps, confirmed or no-show, counted by a trigger on `bookings`
 * (migration 0011), so reading them under the lock is one row, not a count of up to 500. No-shows stay counted, so
 * the counts stay the same when the no-show job marks a finished session's absentees; a no-show belongs to a
 * session that has ended, which no one can book any more, so counting them changes no booking decision. Holds are
 * counted from `holds` (pending with `expires_at > now`, through `holds_session_id_pending_idx`: a hold stops
 * counting at `expires_at` exactly, whether or not the expiry sweep has marked it yet); the waitlist answers zeros
 * and nulls until `waitlist_entries` exists, when only its expressions below change.
 *
 * They are raw SQL fragments rather than query builders: the schedule is the busiest read of the API, and building
 * it through Kysely's builder cost the API more CPU than running it cost PostgreSQL. Either can be embedded in a
 * `sql` template (`from ${occupancyOf(db, id, now)} as o`) or aliased into a builder's `selectFrom(... .as('o'))`;
 * `db` is the query creator of the caller (a transaction holding the session's row): the fragments run wherever the
 * statement that embeds them runs.
 */

/** An instant as ISO text, cast where it is compared, like the schedule finder's parameters. */
const instant = (date: Date): string => date.toISOString();

/** Counts of one session: kept bookings (confirmed or no-show), holds still running at `now` (`expires_at > now`), waiting entries. */
export interface OccupancyColumns {
  booked_count: number;
  held_count: number;
  waitlist_count: number;
}

/** A parenthesised subquery of exactly one row, so it can be joined laterally. There are no waitlist rows to count: zero. */
export function occupancyOf(_db: QueryCreator<Database>, sessionId: Expression<string>, now: Date): RawBuilder<OccupancyColumns> {
  return sql<OccupancyColumns>`(select
    coalesce((select c.booked from session_booked_counts c where c.session_id = ${sessionId}), 0) as booked_count,
    (select count(*)::integer from holds h
      where h.session_id = ${sessionId} and h.status = 'pending' and h.expires_at > ${instant(now)}::timestamptz) as held_count,
    0 as waitlist_count)`;
}

/** One viewer's own stake in one session (each null when none). */
export interface ViewerStakeColumns {
  booking_id: string | null;
  hold_id: string | null;
  waitlist_position: number | null;
}

/**
 * One viewer's own stake in one session, a parenthesised subquery of exactly one row like `occupancyOf`. Their
 * booking is the one the session keeps, as it is counted (confirmed or no-show, through `bookings_session_id_kept_idx`);
 * their hold the pending one still running at `now`: a lapsed hold is no stake.
 */
export function viewerStakeIn(_db: QueryCreator<Database>, sessionId: Expression<string>, userId: string, now: Date): RawBuilder<ViewerStakeColumns> {
  return sql<ViewerStakeColumns>`(select
    (select b.id from bookings b where b.session_id = ${sessionId} and b.member_id = ${userId} and b.status <> 'cancelled' limit 1) as booking_id,
    (select h.id from holds h
      where h.session_id = ${sessionId} and h.member_id = ${userId} and h.status = 'pending' and h.expires_at > ${instant(now)}::timestamptz
      limit 1) as hold_id,
    null::integer as waitlist_position)`;
}

/**
 * Whether any member has checked in to the session (a checked-in booking cannot be cancelled, so it is kept), through
 * `bookings_session_id_kept_idx`. A statement of its own, run under the session's lock as the counts are.
 */
export function anyCheckedIn(sessionId: Expression<string>): RawBuilder<{ checked_in: boolean }> {
  return sql<{ checked_in: boolean }>`select exists (
    select 1 from bookings b where b.session_id = ${sessionId} and b.status <> 'cancelled' and b.checked_in_at is not null) as checked_in`;
}
