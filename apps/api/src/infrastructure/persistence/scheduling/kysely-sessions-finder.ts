import { sql, type Kysely } from 'kysely';
import type { Actor, Page } from '@fitflow/application-shared';
import type { SessionView, SessionsFilter, SessionsFinder } from '@fitflow/application-scheduling';
import type { SessionStatus } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { occupancyOf, viewerStakeIn } from './occupancy-sql';
import { isUuid } from './uuid';

interface SessionViewRow {
  id: string;
  name: string;
  description: string;
  template_id: string | null;
  trainer_id: string;
  trainer_name: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  credit_cost: number;
  status: SessionStatus;
  cancellation_reason: string | null;
  booked_count: number;
  held_count: number;
  waitlist_count: number;
  booking_id?: string | null;
  hold_id?: string | null;
  waitlist_position?: number | null;
}

function toView(row: SessionViewRow, viewer: Actor | null): SessionView {
  const booked = Number(row.booked_count);
  const held = Number(row.held_count);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    templateId: row.template_id,
    trainerId: row.trainer_id,
    trainerName: row.trainer_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    creditCost: row.credit_cost,
    bookedCount: booked,
    heldCount: held,
    availableSpots: row.capacity - booked - held,
    waitlistCount: Number(row.waitlist_count),
    status: row.status,
    cancellationReason: row.cancellation_reason,
    ...(viewer && {
      me: {
        bookingId: row.booking_id ?? null,
        holdId: row.hold_id ?? null,
        waitlistPosition: row.waitlist_position ?? null,
      },
    }),
  };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The schedule as a viewer may see it, shaped like API.md's Session, with the same rules as the domain:
 * - effective status at the clock (`effectiveSessionStatus`): published becomes in_progress at `starts_at` and
 *   completed at `ends_at`;
 * - visibility (`isSessionVisibleTo`): drafts only for their trainer and admins. For anonymous callers and members
 *   the condition is literally `status <> 'draft'`, the predicate of `class_sessions_schedule_idx`, so the week
 *   query is a range scan of that index in `(starts_at, id)` order;
 * - counts from `occupancy-sql.ts`, joined laterally: one query per page, the total by `count(*) over ()`.
 */
export class KyselySessionsFinder implements SessionsFinder {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async byId(id: string, viewer: Actor | null): Promise<SessionView | null> {
    if (!isUuid(id)) return null;
    const row = await this.#visible(viewer, this.clock.now()).where('s.id', '=', id).executeTakeFirst();
    return row ? toView(row, viewer) : null;
  }

  async list(filter: SessionsFilter): Promise<Page<SessionView>> {
    const { page, pageSize, viewer } = filter;
    if (filter.trainerId !== undefined && !isUuid(filter.trainerId)) return { items: [], page, pageSize, total: 0 };
    const rows = await this.listQuery(filter).execute();
    const total = rows[0]?.total ?? (page === 1 ? 0 : (await this.list({ ...filter, page: 1, pageSize: 1 })).total);
    return { items: rows.map((row) => toView(row, viewer)), page, pageSize, total: Number(total) };
  }

  /** The one query of a page; public so tests and benchmarks can EXPLAIN exactly what `list` runs. */
  listQuery(filter: SessionsFilter, now: Date = this.clock.now()) {
    const { from, to, trainerId, available, q, viewer, page, pageSize } = filter;
    return this.#visible(viewer, now)
      .$if(from !== undefined, (query) => query.where('s.starts_at', '>=', from as Date))
      .$if(to !== undefined, (query) => query.where('s.starts_at', '<', to as Date))
      .$if(trainerId !== undefined, (query) => query.where('s.trainer_id', '=', trainerId as string))
      .$if(available === true, (query) =>
        query
          .where('s.status', '=', sql.lit('published'))
          .where('s.starts_at', '>', now)
          .where(sql<boolean>`s.capacity - o.booked_count - o.held_count > 0`),
      )
      .$if(q !== undefined, (query) =>
        query.where((eb) => eb.or([eb('s.name', 'ilike', likePattern(q as string)), eb('u.name', 'ilike', likePattern(q as string))])),
      )
      .select(sql<number>`count(*) over ()`.as('total'))
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  }

  /** Sessions the viewer may see, joined to their trainer and occupancy, with the effective status at `now`. */
  #visible(viewer: Actor | null, now: Date) {
    return this.db
      .selectFrom('class_sessions as s')
      .innerJoin('users as u', 'u.id', 's.trainer_id')
      .innerJoinLateral(occupancyOf(this.db, sql.ref<string>('s.id'), now).as('o'), (join) => join.onTrue())
      .select([
        's.id',
        's.name',
        's.description',
        's.template_id',
        's.trainer_id',
        'u.name as trainer_name',
        's.starts_at',
        's.ends_at',
        's.capacity',
        's.credit_cost',
        sql<SessionStatus>`case
          when s.status = 'published' and s.ends_at <= ${now} then 'completed'
          when s.status = 'published' and s.starts_at <= ${now} then 'in_progress'
          else s.status end`.as('status'),
        's.cancellation_reason',
        'o.booked_count',
        'o.held_count',
        'o.waitlist_count',
      ])
      .$if(viewer !== null, (query) =>
        query
          .innerJoinLateral(viewerStakeIn(this.db, sql.ref<string>('s.id'), (viewer as Actor).userId).as('m'), (join) => join.onTrue())
          .select(['m.booking_id', 'm.hold_id', 'm.waitlist_position']),
      )
      .$if(viewer === null || viewer.role === 'member', (query) => query.where('s.status', '<>', sql.lit('draft')))
      .$if(viewer?.role === 'trainer', (query) =>
        query.where((eb) => eb.or([eb('s.status', '<>', sql.lit('draft')), eb('s.trainer_id', '=', (viewer as Actor).userId)])),
      );
  }
}
