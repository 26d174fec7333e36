import { sql, type Transaction } from 'kysely';
import type { SessionOccupancy } from '@fitflow/application-scheduling';
import type { Clock } from '@fitflow/domain-shared';
import type { Database } from '../../database/schema';
import { anyCheckedIn, occupancyOf } from './occupancy-sql';

/** Spots taken and check-ins, read in the transaction that holds the session's lock (see `occupancy-sql.ts`). */
export class KyselySessionOccupancy implements SessionOccupancy {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly clock: Clock,
  ) {}

  async takenSpots(sessionId: string): Promise<number> {
    const { rows } = await sql<{ taken: number }>`
      select o.booked_count + o.held_count as taken
        from ${occupancyOf(this.trx, sql.val(sessionId), this.clock.now())} as o`.execute(this.trx);
    const [row] = rows;
    if (!row) throw new Error('The occupancy subquery answered no row');
    return Number(row.taken);
  }

  async anyCheckedIn(sessionId: string): Promise<boolean> {
    const { rows } = await anyCheckedIn(sql.val(sessionId)).execute(this.trx);
    return rows[0]?.checked_in === true;
  }
}
