import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../infrastructure/database/schema';

/**
 * The member's stored balance, once money is proven to add up: it is the sum of the ledger's amounts, and every
 * line's balanceAfter is the running total in the order the lines were written.
 */
export async function balanceAddsUp(db: Kysely<Database>, memberId: string): Promise<number> {
  const lines = await db.selectFrom('credit_transactions').select(['amount', 'balance_after']).where('member_id', '=', memberId).orderBy('seq').execute();
  const stored = await db.selectFrom('memberships').select('balance').where('member_id', '=', memberId).executeTakeFirst();
  let running = 0;
  const chain = lines.map((line) => ({ amount: line.amount, balanceAfter: (running += line.amount) }));
  expect(lines.map((line) => ({ amount: line.amount, balanceAfter: line.balance_after }))).toEqual(chain);
  expect(stored?.balance ?? 0).toBe(running);
  return running;
}
