import type { Transaction } from 'kysely';
import type { SessionLocks } from '@fitflow/application-booking';
import type { ClassSession } from '@fitflow/domain-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { rowToClassSession } from '../scheduling/kysely-class-session-repository';
import { KyselySessionOccupancy } from '../scheduling/kysely-session-occupancy';
import { isUuid } from '../scheduling/uuid';

/**
 * The session's row as bookings lock it: every booking of a session queues on `SELECT ... FOR UPDATE`, across any
 * number of API processes, so the count taken under the lock (from `occupancy-sql.ts`) cannot race.
 */
export class KyselySessionLocks implements SessionLocks {
  readonly #occupancy: KyselySessionOccupancy;

  constructor(
    private readonly trx: Transaction<Database>,
    clock: Clock,
  ) {
    this.#occupancy = new KyselySessionOccupancy(trx, clock);
  }

  async getForUpdate(sessionId: string): Promise<ClassSession | null> {
    if (!isUuid(sessionId)) return null;
    const row = await this.trx.selectFrom('class_sessions').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst();
    return row ? rowToClassSession(row) : null;
  }

  takenSpots(sessionId: string): Promise<number> {
    return this.#occupancy.takenSpots(sessionId);
  }
}
