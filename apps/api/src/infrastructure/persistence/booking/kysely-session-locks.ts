import { sql, type Transaction } from 'kysely';
import type { LockedSession, SessionLocks, SpotCount } from '@fitflow/application-booking';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { rowToClassSession } from '../scheduling/kysely-class-session-repository';
import { KyselySessionOccupancy } from '../scheduling/kysely-session-occupancy';
import { occupancyOf, viewerStakeIn } from '../scheduling/occupancy-sql';
import { isUuid } from '../scheduling/uuid';

/**
 * The session's row as bookings lock it: every booking of a session queues on `SELECT ... FOR UPDATE`, across any
 * number of API processes, so the count taken under the lock (from `occupancy-sql.ts`) cannot race.
 */
export class KyselySessionLocks implements SessionLocks {
  readonly #occupancy: KyselySessionOccupancy;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly clock: Clock,
  ) {
    this.#occupancy = new KyselySessionOccupancy(trx, clock);
  }

  /** The one place a `LockedSession` is made: right after `SELECT ... FOR UPDATE` answered its row. */
  async getForUpdate(sessionId: string): Promise<LockedSession | null> {
    if (!isUuid(sessionId)) return null;
    const row = await this.trx.selectFrom('class_sessions').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst();
    return row ? (rowToClassSession(row) as LockedSession) : null;
  }

  /**
   * A statement of its own after `getForUpdate`, never a subquery of it: under READ COMMITTED a statement that
   * waited for the row lock still reads other tables as of its start, so it would miss the bookings committed by the
   * transactions it queued behind. This statement starts once the lock is held, and sees them all.
   */
  async spotsFor({ id: sessionId }: LockedSession, memberId: string): Promise<SpotCount> {
    if (!isUuid(memberId)) return { takenSpots: await this.#occupancy.takenSpots(sessionId), alreadyBooked: false, alreadyHolding: false };
    const session = sql.val(sessionId);
    const now = this.clock.now();
    const { taken, booking_id, hold_id } = await this.trx
      .selectFrom([occupancyOf(this.trx, session, now).as('o'), viewerStakeIn(this.trx, session, memberId, now).as('v')])
      .select([sql<number>`o.booked_count + o.held_count`.as('taken'), 'v.booking_id', 'v.hold_id'])
      .executeTakeFirstOrThrow();
    return { takenSpots: Number(taken), alreadyBooked: booking_id !== null, alreadyHolding: hold_id !== null };
  }
}
