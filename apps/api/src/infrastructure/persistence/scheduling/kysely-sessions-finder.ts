import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor, Page } from '@fitflow/application-shared';
import type { SessionView, SessionsFilter, SessionsFinder } from '@fitflow/application-scheduling';
import type { SessionStatus } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { occupancyOf, viewerStakeIn, type OccupancyColumns, type ViewerStakeColumns } from './occupancy-sql';
import { isUuid } from './uuid';

interface SessionViewRow extends OccupancyColumns, Partial<ViewerStakeColumns> {
  id: string;
  name: string;
  description: string;
  template_id: string | null;
  trainer_id: string;
  trainer_name: string;
  /** ISO-8601 UTC with milliseconds, formatted by PostgreSQL (see `isoInstant`). */
  starts_at: string;
  ends_at: string;
  capacity: number;
  credit_cost: number;
  status: SessionStatus;
  cancellation_reason: string | null;
}

/** A row of a page: the session and the number of sessions matching the filter on every page. */
export interface SessionPageRow extends SessionViewRow {
  total: number;
}

function toView(row: SessionViewRow, viewer: Actor | null): SessionView {
  const booked = Number(row.booked_count);
  const held = Number(row.held_count);
  const view: SessionView = {
    id: row.id,
    name: row.name,
    description: row.description,
    templateId: row.template_id,
    trainerId: row.trainer_id,
    trainerName: row.trainer_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    creditCost: row.credit_cost,
    bookedCount: booked,
    heldCount: held,
    availableSpots: row.capacity - booked - held,
    waitlistCount: Number(row.waitlist_count),
    status: row.status,
    cancellationReason: row.cancellation_reason,
  };
  if (viewer) {
    view.me = { bookingId: row.booking_id ?? null, holdId: row.hold_id ?? null, waitlistPosition: row.waitlist_position ?? null };
  }
  return view;
}

/**
 * An instant as `Date.prototype.toISOString()` writes it (`2026-12-01T07:00:00.000Z`), formatted by PostgreSQL: the
 * driver would otherwise parse every timestamp into a `Date` only for the view to format it back, two of them on each
 * row of the busiest read. `MS` truncates microseconds as converting to a `Date` does.
 */
function isoInstant(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A parameter for an instant: ISO text, which PostgreSQL reads as `timestamptz` where the query compares it to one. */
const instant = (date: Date): string => date.toISOString();

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Visibility (`isSessionVisibleTo`) as SQL. For anonymous callers and members it is literally `s.status <> 'draft'`,
 * the predicate of `class_sessions_schedule_idx` (a literal, so even a generic plan of the prepared statement may
 * use that partial index), and the week query is a range scan of it in `(starts_at, id)` order.
 */
function visibleTo(viewer: Actor | null): RawBuilder<boolean> | null {
  if (viewer === null || viewer.role === 'member') return sql<boolean>`s.status <> 'draft'`;
  if (viewer.role === 'trainer') return sql<boolean>`(s.status <> 'draft' or s.trainer_id = ${viewer.userId})`;
  return null;
}

/**
 * The schedule as a viewer may see it, shaped like API.md's Session, with the same rules as the domain:
 * - effective status at the clock (`effectiveSessionStatus`): published becomes in_progress at `starts_at` and
 *   completed at `ends_at`;
 * - visibility (`isSessionVisibleTo`), see `visibleTo`;
 * - counts from `occupancy-sql.ts`, joined laterally: one query per page, with its total.
 *
 * The query is written as SQL text with parameters rather than through Kysely's query builder: it is the busiest
 * read of the API, and building it with the builder cost about ten times as much CPU as this.
 */
export class KyselySessionsFinder implements SessionsFinder {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async byId(id: string, viewer: Actor | null): Promise<SessionView | null> {
    if (!isUuid(id)) return null;
    const now = this.clock.now();
    const { rows } = await sql<SessionViewRow>`
      select ${this.#columns(viewer, now)}
      ${this.#from(now)} ${this.#stakeOf(viewer, now)}
      ${this.#where(viewer, [sql`s.id = ${id}`])}`.execute(this.db);
    const [row] = rows;
    return row ? toView(row, viewer) : null;
  }

  async byIds(ids: readonly string[], viewer: Actor | null): Promise<SessionView[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const now = this.clock.now();
    const { rows } = await sql<SessionViewRow>`
      select ${this.#columns(viewer, now)}
      ${this.#from(now)} ${this.#stakeOf(viewer, now)}
      ${this.#where(viewer, [sql`s.id in (${sql.join(uuids)})`])}
      order by s.starts_at, s.id`.execute(this.db);
    return rows.map((row) => toView(row, viewer));
  }

  async list(filter: SessionsFilter): Promise<Page<SessionView>> {
    const { page, pageSize, viewer } = filter;
    if (filter.trainerId !== undefined && !isUuid(filter.trainerId)) return { items: [], page, pageSize, total: 0 };
    const { rows } = await this.listQuery(filter).execute(this.db);
    const total = rows[0]?.total ?? (page === 1 ? 0 : (await this.list({ ...filter, page: 1, pageSize: 1 })).total);
    return { items: rows.map((row) => toView(row, viewer)), page, pageSize, total: Number(total) };
  }

  /** The one query of a page; public so tests and benchmarks can EXPLAIN exactly what `list` runs. */
  listQuery(filter: SessionsFilter, now: Date = this.clock.now()): RawBuilder<SessionPageRow> {
    const { from, to, trainerId, available, q, viewer, page, pageSize } = filter;
    const conditions: RawBuilder<unknown>[] = [];
    if (from !== undefined) conditions.push(sql`s.starts_at >= ${instant(from)}`);
    if (to !== undefined) conditions.push(sql`s.starts_at < ${instant(to)}`);
    if (trainerId !== undefined) conditions.push(sql`s.trainer_id = ${trainerId}`);
    if (available === true) {
      conditions.push(sql`s.status = 'published'`, sql`s.starts_at > ${instant(now)}`, sql`s.capacity - o.booked_count - o.held_count > 0`);
    }
    if (q !== undefined) {
      const pattern = likePattern(q);
      conditions.push(sql`(s.name ilike ${pattern} or s.description ilike ${pattern} or u.name ilike ${pattern})`);
    }
    const where = this.#where(viewer, conditions);
    // The total is an uncorrelated subquery, run once as a count over the index range, rather than
    // `count(*) over ()`, which made PostgreSQL build every matching row, with its trainer and status, to count it.
    // Every session has exactly one trainer (a NOT NULL foreign key) and one occupancy row, so the count joins them
    // only when a condition reads them.
    const counted = this.#from(now, { trainer: q !== undefined, occupancy: available === true });
    return sql<SessionPageRow>`
      select ${this.#columns(viewer, now)}, (select count(*) ${counted} ${where}) as total
      ${this.#from(now)} ${this.#stakeOf(viewer, now)}
      ${where}
      order by s.starts_at, s.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`;
  }

  /** The columns of `SessionViewRow`: the session, its trainer, its effective status at `now`, its counts, the viewer's stake. */
  #columns(viewer: Actor | null, now: Date): RawBuilder<unknown> {
    return sql`
      s.id, s.name, s.description, s.template_id, s.trainer_id, u.name as trainer_name,
      ${isoInstant(sql`s.starts_at`)} as starts_at, ${isoInstant(sql`s.ends_at`)} as ends_at, s.capacity, s.credit_cost,
      case
        when s.status = 'published' and s.ends_at <= ${instant(now)} then 'completed'
        when s.status = 'published' and s.starts_at <= ${instant(now)} then 'in_progress'
        else s.status end as status,
      s.cancellation_reason, o.booked_count, o.held_count, o.waitlist_count${viewer ? sql`, m.booking_id, m.hold_id, m.waitlist_position` : sql``}`;
  }

  /**
   * Sessions with their trainer and their occupancy. PostgreSQL computes the occupancy subqueries only where they
   * are used: for the rows of the page, or for every candidate row when a condition (`available`) reads them.
   */
  #from(now: Date, joins = { trainer: true, occupancy: true }): RawBuilder<unknown> {
    return sql`
      from class_sessions s
      ${joins.trainer ? sql`join users u on u.id = s.trainer_id` : sql``}
      ${joins.occupancy ? sql`cross join lateral ${occupancyOf(this.db, sql.ref('s.id'), now)} as o` : sql``}`;
  }

  /** The signed-in viewer's own stake, as `m`. */
  #stakeOf(viewer: Actor | null, now: Date): RawBuilder<unknown> {
    return viewer ? sql`cross join lateral ${viewerStakeIn(this.db, sql.ref('s.id'), viewer.userId, now)} as m` : sql``;
  }

  #where(viewer: Actor | null, conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
    const visible = visibleTo(viewer);
    const all = visible ? [visible, ...conditions] : conditions;
    return all.length === 0 ? sql`` : sql`where ${sql.join(all, sql` and `)}`;
  }
}
