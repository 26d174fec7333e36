import { sql, type Kysely } from 'kysely';
import type { AttendanceFinder, AttendanceReportFilter, AttendanceRowView, CodeHolder, RosterEntryView } from '@fitflow/application-booking';
import { bookingStatusAt } from '@fitflow/domain-booking';
import type { StoredSessionStatus } from '@fitflow/domain-scheduling';
import type { Database } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';

/**
 * A booking its session keeps, confirmed or no-show: a literal, the predicate of `bookings_session_id_kept_idx`, so
 * even a generic plan of a prepared statement may use that partial index.
 */
const kept = sql<boolean>`b.status <> 'cancelled'`;

/**
 * The door's and the report's reads. Statuses follow the no-show rule at the caller's `now` (`bookingStatusAt` on
 * rows; its SQL form in the report's counts), so they agree whether or not the no-show job has run.
 */
export class KyselyAttendanceFinder implements AttendanceFinder {
  constructor(private readonly db: Kysely<Database>) {}

  async sessionAccess(sessionId: string): Promise<{ trainerId: string; status: StoredSessionStatus } | null> {
    if (!isUuid(sessionId)) return null;
    const row = await this.db.selectFrom('class_sessions').select(['trainer_id', 'status']).where('id', '=', sessionId).executeTakeFirst();
    return row ? { trainerId: row.trainer_id, status: row.status } : null;
  }

  async roster(sessionId: string, now: Date): Promise<RosterEntryView[]> {
    if (!isUuid(sessionId)) return [];
    const rows = await this.rosterQuery(sessionId).execute();
    return rows.map((row) => ({
      bookingId: row.id,
      userId: row.member_id,
      name: row.name,
      email: row.email,
      status: bookingStatusAt({ status: row.status, checkedInAt: row.checked_in_at, endsAt: row.ends_at }, now) as RosterEntryView['status'],
      checkedInAt: row.checked_in_at?.toISOString() ?? null,
      isLate: row.is_late ?? false,
      method: row.method,
    }));
  }

  /**
   * The session's kept bookings through `bookings_session_id_kept_idx`, each with its check-in by the check-ins'
   * primary key; a session has at most 500 bookings. Public so tests can EXPLAIN exactly what `roster` runs.
   */
  rosterQuery(sessionId: string) {
    return this.db
      .selectFrom('bookings as b')
      .innerJoin('users as m', 'm.id', 'b.member_id')
      .innerJoin('class_sessions as s', 's.id', 'b.session_id')
      .leftJoin('check_ins as c', 'c.booking_id', 'b.id')
      .select(['b.id', 'b.member_id', 'm.name', 'm.email', 'b.status', 'b.checked_in_at', 's.ends_at', 'c.is_late', 'c.method'])
      .where('b.session_id', '=', sessionId)
      .where(kept)
      .orderBy('m.name')
      .orderBy('b.id');
  }

  async report(filter: AttendanceReportFilter): Promise<AttendanceRowView[]> {
    const rows = await this.reportQuery(filter).execute();
    return rows.map((row) => ({
      sessionId: row.id,
      name: row.name,
      templateId: row.template_id,
      trainerId: row.trainer_id,
      trainerName: row.trainer_name,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      capacity: row.capacity,
      booked: Number(row.booked),
      checkedIn: Number(row.checked_in),
      late: Number(row.late),
      noShow: Number(row.no_show),
    }));
  }

  /**
   * Published sessions of the range by `class_sessions`' start index (`class_sessions_schedule_idx`), each counted
   * over its kept bookings in a lateral subquery: through `bookings_session_id_kept_idx`, and the check-ins by their
   * primary key. The report so reads the bookings of the range's sessions only, however many the studio has had; a
   * plain join let PostgreSQL hash every kept booking of the table. Public so tests can EXPLAIN what `report` runs.
   */
  reportQuery({ from, to, trainerId, now }: AttendanceReportFilter) {
    let query = this.db
      .selectFrom('class_sessions as s')
      .innerJoin('users as t', 't.id', 's.trainer_id')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('bookings as b')
            .leftJoin('check_ins as c', 'c.booking_id', 'b.id')
            .select([
              sql<string>`count(*)`.as('booked'),
              sql<string>`count(*) filter (where b.checked_in_at is not null)`.as('checked_in'),
              sql<string>`count(*) filter (where c.is_late)`.as('late'),
              // The no-show rule (`bookingStatusAt`) in SQL: marked, or not checked in once the class is over.
              sql<string>`count(*) filter (where b.status = 'no_show' or (b.checked_in_at is null and s.ends_at <= ${now}))`.as('no_show'),
            ])
            .whereRef('b.session_id', '=', 's.id')
            .where(kept)
            .as('n'),
        (join) => join.onTrue(),
      )
      .select(['s.id', 's.name', 's.template_id', 's.trainer_id', 't.name as trainer_name', 's.starts_at', 's.ends_at', 's.capacity'])
      .select(['n.booked', 'n.checked_in', 'n.late', 'n.no_show'])
      .where('s.status', '=', 'published')
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to);
    if (trainerId !== null) query = isUuid(trainerId) ? query.where('s.trainer_id', '=', trainerId) : query.where(sql<boolean>`false`);
    return query.orderBy('s.starts_at').orderBy('s.id');
  }

  async codeHolder(bookingId: string, now: Date): Promise<CodeHolder | null> {
    if (!isUuid(bookingId)) return null;
    const row = await this.db
      .selectFrom('bookings as b')
      .innerJoin('class_sessions as s', 's.id', 'b.session_id')
      .select(['b.id', 'b.member_id', 'b.status', 'b.checked_in_at', 's.starts_at', 's.ends_at'])
      .where('b.id', '=', bookingId)
      .executeTakeFirst();
    if (!row) return null;
    const status = bookingStatusAt({ status: row.status, checkedInAt: row.checked_in_at, endsAt: row.ends_at }, now);
    return { bookingId: row.id, memberId: row.member_id, status, startsAt: row.starts_at, endsAt: row.ends_at };
  }
}
