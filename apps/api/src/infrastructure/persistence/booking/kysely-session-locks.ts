import { sql, type Transaction } from 'kysely';
import {
  type LockedSession,
  type SessionLocks,
  type SpotCheck,
  type SpotCount,
  SpotTakenMeanwhileError,
} from '@fitflow/application-booking';
import type { GrantedSpot } from '@fitflow/domain-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { rowToClassSession } from '../scheduling/kysely-class-session-repository';
import { occupancyOf, viewerStakeIn } from '../scheduling/occupancy-sql';
import { queueForSession, sessionRowForUpdate } from '../scheduling/session-queue';
import { isCheckViolation } from '../errors';
import { isUuid } from '../scheduling/uuid';

/**
 * The session's row as bookings hold it: `SELECT ... FOR UPDATE` queues every change of a session's spots behind
 * the one in progress, across any number of API processes, so the count taken under the lock (from
 * `occupancy-sql.ts`) cannot race; `FOR SHARE` lets bookings go ahead together, each checking its claim.
 */
export class KyselySessionLocks implements SessionLocks {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly clock: Clock,
  ) {}

  /** Where a `LockedSession` is made (and in `lockForSpot`): right after `SELECT ... FOR UPDATE` answered its row. */
  async getForUpdate(sessionId: string): Promise<LockedSession | null> {
    if (!isUuid(sessionId)) return null;
    const row = await sessionRowForUpdate(this.trx, sessionId);
    return row ? (rowToClassSession(row) as LockedSession) : null;
  }

  /**
   * The lock (joined to the trainer's name) and `spotsFor`'s statement, issued together: the connection pipelines
   * them, and PostgreSQL starts the second only once the first has its row, so the count is still taken under the
   * lock.
   */
  lockForSpot(sessionId: string, memberId: string): Promise<SpotCheck | null> {
    return this.#holdForSpot(sessionId, memberId, 'update') as Promise<SpotCheck | null>;
  }

  /** As `lockForSpot`, with `FOR SHARE`: the count is taken once the row is shared, as it is under the lock. */
  shareForSpot(sessionId: string, memberId: string): Promise<SpotCheck<ClassSession> | null> {
    return this.#holdForSpot(sessionId, memberId, 'share');
  }

  /** `check_spot_claim` (migration 0012) raises in the database, so the commit behind it becomes a rollback. */
  async confirmClaim(check: SpotCheck<ClassSession>, spot: GrantedSpot): Promise<void> {
    const { id, capacity } = check.session;
    const at = this.clock.now().toISOString();
    await sql`select check_spot_claim(${id}, ${spot.memberId}, ${at}::timestamptz, ${capacity.value})`
      .execute(this.trx)
      .catch((error: unknown) => {
        if (!isCheckViolation(error, 'session_spot_claim')) throw error;
        throw Object.assign(new SpotTakenMeanwhileError(id), { cause: error });
      });
  }

  async #holdForSpot(sessionId: string, memberId: string, strength: 'update' | 'share'): Promise<SpotCheck<ClassSession> | null> {
    if (!isUuid(sessionId)) return null;
    const session = this.trx
      .selectFrom('class_sessions as s')
      .leftJoin('users as t', 't.id', 's.trainer_id')
      .selectAll('s')
      .select('t.name as trainer_name')
      .where('s.id', '=', sessionId);
    const [, row, spots] = await Promise.all([
      queueForSession(this.trx, sessionId, strength === 'update' ? 'exclusive' : 'shared'),
      (strength === 'update' ? session.forUpdate('s') : session.forShare('s')).executeTakeFirst(),
      this.#spotsOf(sessionId, memberId),
    ]);
    if (!row) return null;
    const { trainer_name: trainerName, ...rest } = row;
    // Branded only as strong as it is held: `lockForSpot` answers a `LockedSession`, `shareForSpot` a plain one.
    return { session: rowToClassSession(rest) as LockedSession, spots, trainerName: trainerName ?? '' };
  }

  /**
   * A statement of its own after the lock, never a subquery of it: under READ COMMITTED a statement that waited for
   * the row lock still reads other tables as of its start, so it would miss the bookings committed by the
   * transactions it queued behind. This statement starts once the lock is held, and sees them all.
   */
  spotsFor({ id: sessionId }: LockedSession, memberId: string): Promise<SpotCount> {
    return this.#spotsOf(sessionId, memberId);
  }

  async #spotsOf(sessionId: string, memberId: string): Promise<SpotCount> {
    const session = sql.val(sessionId);
    const now = this.clock.now();
    const member = isUuid(memberId) ? memberId : NOBODY;
    const { taken, booking_id, hold_id } = await this.trx
      .selectFrom([occupancyOf(this.trx, session, now).as('o'), viewerStakeIn(this.trx, session, member, now).as('v')])
      .select([sql<number>`o.booked_count + o.held_count`.as('taken'), 'v.booking_id', 'v.hold_id'])
      .executeTakeFirstOrThrow();
    return { takenSpots: Number(taken), alreadyBooked: booking_id !== null, alreadyHolding: hold_id !== null };
  }
}

/** The nil UUID, no account's id: a stake of an id that is not a UUID is none. */
const NOBODY = '00000000-0000-0000-0000-000000000000';
