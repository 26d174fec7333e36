import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type QueryCreator, type Transaction } from 'kysely';
import { allInOrder, type OutboxWriter } from '@fitflow/application-shared';
import type { CreditTransactionView, MembershipRepository } from '@fitflow/application-membership';
import { Membership, type CreditEntry, type MembershipSnapshot } from '@fitflow/domain-membership';
import type { CreditTransactionsTable, Database, MembershipRow } from '../../database/schema';
import { isUuid } from '../scheduling/uuid';

type MembershipColumns = Pick<MembershipRow, 'member_id' | 'balance' | 'valid_until' | 'expiry_notice_for'>;

export function rowToMembershipSnapshot(row: MembershipColumns): MembershipSnapshot {
  return { memberId: row.member_id, balance: row.balance, validUntil: row.valid_until, expiryNoticeFor: row.expiry_notice_for };
}

/**
 * Members' balances and their ledger, on the transaction's connection (PGlite has only that one). A member's row is
 * opened on first use, so there is always a row to lock: two first purchases of one member queue on it like any
 * other change, where a missing row would let both through.
 */
export class KyselyMembershipRepository implements MembershipRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
    /** Ids of ledger lines. */
    private readonly newLineId: () => string = randomUUID,
  ) {}

  /**
   * Locks the membership's row only (`for update of m`), never the user's: bookings and holds of the member insert
   * meanwhile, and their foreign keys take a KEY SHARE lock on the user that FOR UPDATE would block. The row is
   * looked up first and opened only when missing, so the usual case costs one statement.
   */
  async getForUpdate(memberId: string): Promise<Membership | null> {
    if (!isUuid(memberId)) return null;
    const row = (await this.#lock(memberId)) ?? (await this.#openAndLock(memberId));
    if (!row) return null;
    const holder = { memberId: row.member_id, memberEmail: row.email, memberName: row.name };
    return Membership.restore(holder, rowToMembershipSnapshot(row));
  }

  /**
   * The balance and the ledger lines (in the order the aggregate wrote them: `seq` keeps it) in one statement, so a
   * booking's credits cost one round trip while it holds its session's row, shared with the events. Answers the
   * lines as stored. The row exists: `getForUpdate` opened it.
   */
  async save(membership: Membership): Promise<CreditTransactionView[]> {
    const s = membership.snapshot();
    const balance = (db: QueryCreator<Database>) =>
      db
        .updateTable('memberships')
        .set({ balance: s.balance, valid_until: s.validUntil, expiry_notice_for: s.expiryNoticeFor, updated_at: sql<Date>`now()` })
        .where('member_id', '=', s.memberId)
        .returning('member_id');
    const lines = membership.pullEntries().map((entry) => this.#lineOf(entry));
    const written =
      lines.length === 0
        ? balance(this.trx).execute()
        : this.trx
            .with('balance', balance)
            .insertInto('credit_transactions')
            .values(lines.map((line) => lineToRow(s.memberId, line)))
            .execute();
    // Sent together: one round trip (the unit of work pipelines its statements). The row's own failure is the one
    // reported, not the event's that failed behind it.
    await allInOrder([written, this.outbox.append(membership.pullEvents())]);
    return lines;
  }

  /** Through `memberships_expiry_due_idx`, soonest `valid_until` first. */
  async dueForExpiryWork(now: Date, noticeUntil: Date, limit: number): Promise<string[]> {
    const horizon = noticeUntil > now ? noticeUntil : now;
    const rows = await this.trx
      .selectFrom('memberships')
      .select('member_id')
      .where('balance', '>', 0)
      .where('valid_until', '<=', horizon)
      .where((eb) => eb.or([eb('valid_until', '<=', now), eb('expiry_notice_for', 'is distinct from', eb.ref('valid_until'))]))
      .orderBy('valid_until')
      .orderBy('member_id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.member_id);
  }

  #lock(memberId: string) {
    return this.trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.member_id')
      .select(['m.member_id', 'm.balance', 'm.valid_until', 'm.expiry_notice_for', 'u.email', 'u.name'])
      .where('m.member_id', '=', memberId)
      .forUpdate('m')
      .executeTakeFirst();
  }

  /**
   * Opens an empty balance for an existing user (nothing for an unknown id), then locks it. A concurrent first use
   * waits on this insert's index entry and then does nothing, so each member gets one row.
   */
  async #openAndLock(memberId: string) {
    await this.trx
      .insertInto('memberships')
      .columns(['member_id'])
      .expression((eb) => eb.selectFrom('users').select('id').where('id', '=', memberId))
      .onConflict((conflict) => conflict.column('member_id').doNothing())
      .execute();
    return this.#lock(memberId);
  }

  #lineOf({ type, amount, balanceAfter, description, bookingId, purchaseId, at }: CreditEntry): CreditTransactionView {
    return { id: this.newLineId(), type, amount, balanceAfter, description, bookingId, purchaseId, createdAt: at.toISOString() };
  }
}

function lineToRow(memberId: string, line: CreditTransactionView): Insertable<CreditTransactionsTable> {
  return {
    id: line.id,
    member_id: memberId,
    type: line.type,
    amount: line.amount,
    balance_after: line.balanceAfter,
    description: line.description,
    booking_id: line.bookingId,
    purchase_id: line.purchaseId,
    created_at: line.createdAt,
  };
}
