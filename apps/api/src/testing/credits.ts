import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../infrastructure/database/schema';

/**
 * Gives members a balance of `credits` (no expiry) straight in the database, with the ledger line an admin's
 * adjustment would write: for tests and benches that seed members without the API. Members who already have a
 * balance are left alone (the insert would collide).
 */
export async function fundMembers(db: Kysely<Database>, memberIds: readonly string[], credits: number): Promise<void> {
  if (memberIds.length === 0 || credits <= 0) return;
  const at = new Date();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('memberships').values(memberIds.map((member_id) => ({ member_id, balance: credits, valid_until: null, updated_at: at }))).execute();
    await trx
      .insertInto('credit_transactions')
      .values(
        memberIds.map((member_id) => ({
          id: randomUUID(),
          member_id,
          type: 'adjustment' as const,
          amount: credits,
          balance_after: credits,
          description: 'Adjustment: Credits for the test',
          booking_id: null,
          purchase_id: null,
          created_at: at,
        })),
      )
      .execute();
  });
}
