import type { Kysely, Transaction } from 'kysely';
import { allInOrder, type OutboxWriter } from '@fitflow/application-shared';
import { AlreadyHoldingError, type DueHold, type HoldRepository, type LockedSession } from '@fitflow/application-booking';
import { SpotHold } from '@fitflow/domain-booking';
import type { Database } from '../../database/schema';
import { isUniqueViolation } from '../errors';
import { isUuid } from '../scheduling/uuid';
import { rowToHoldSnapshot, selectHoldRows, type HoldJoinedRow } from './booking-rows';

function rowToHold(row: HoldJoinedRow): SpotHold {
  return SpotHold.restore(rowToHoldSnapshot(row));
}

/** The expiry sweep's list: a range scan of `holds_due_idx`, in its order. Exported so tests can EXPLAIN it. */
export function selectDueHolds(db: Kysely<Database> | Transaction<Database>, now: Date, limit: number) {
  return db
    .selectFrom('holds')
    .select(['id', 'session_id'])
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit);
}

/**
 * Spot holds on the transaction's connection; `holds_one_pending_per_member_idx` backs ALREADY_HOLDING. Counting
 * them against capacity is `occupancy-sql.ts`'s job, not this repository's.
 */
export class KyselyHoldRepository implements HoldRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<SpotHold | null> {
    if (!isUuid(id)) return null;
    const row = await selectHoldRows(this.trx).where('h.id', '=', id).executeTakeFirst();
    return row ? rowToHold(row) : null;
  }

  /** Locks only the hold's row (`for update of h`); its session's the caller holds already. */
  async getForUpdate(session: LockedSession, id: string): Promise<SpotHold | null> {
    if (!isUuid(id)) return null;
    const row = await selectHoldRows(this.trx).where('h.id', '=', id).where('h.session_id', '=', session.id).forUpdate('h').executeTakeFirst();
    return row ? rowToHold(row) : null;
  }

  /** Found through `holds_one_pending_per_member_idx`: there is at most one. */
  async pendingOfMemberForUpdate(session: LockedSession, memberId: string): Promise<SpotHold | null> {
    if (!isUuid(memberId)) return null;
    const row = await selectHoldRows(this.trx)
      .where('h.session_id', '=', session.id)
      .where('h.member_id', '=', memberId)
      .where('h.status', '=', 'pending')
      .forUpdate('h')
      .executeTakeFirst();
    return row ? rowToHold(row) : null;
  }

  async dueForExpiry(now: Date, limit: number): Promise<DueHold[]> {
    const rows = await selectDueHolds(this.trx, now, limit).execute();
    return rows.map((row) => ({ id: row.id, sessionId: row.session_id }));
  }

  async save(hold: SpotHold): Promise<void> {
    const s = hold.snapshot();
    const changeable = { status: s.status, settled_at: s.settledAt, booking_id: s.bookingId };
    const written = this.trx
      .insertInto('holds')
      .values({ id: s.id, session_id: s.sessionId, member_id: s.memberId, source: s.source, created_at: s.createdAt, expires_at: s.expiresAt, ...changeable })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(changeable))
      .execute()
      .catch((error: unknown) => {
        if (!isUniqueViolation(error, 'holds_one_pending_per_member_idx')) throw error;
        throw Object.assign(new AlreadyHoldingError(s.sessionId), { cause: error });
      });
    // Sent together: one round trip (the unit of work pipelines its statements). The row's own failure is the one
    // reported, not the event's that failed behind it.
    await allInOrder([written, this.outbox.append(hold.pullEvents())]);
  }
}
