import { sql, type Transaction } from 'kysely';
import type { ClassSessionRow, Database } from '../../database/schema';

/**
 * Takes the session's place in line before its row is locked: a transaction-level advisory lock on the session's
 * id, shared by bookings and holds (which take the row `FOR SHARE`), exclusive for whatever locks the row
 * `FOR UPDATE`. PostgreSQL grants a new `FOR SHARE` of a row while a `FOR UPDATE` of it waits, so a rush of
 * bookings would hold off a cancel or a hold's confirmation until the rush ends; its lock manager queues a shared
 * advisory lock behind an exclusive one that waits, so they take turns. Issue it together with the row's lock: it
 * runs first, in the same round trip.
 */
export function queueForSession(trx: Transaction<Database>, sessionId: string, mode: 'shared' | 'exclusive'): Promise<unknown> {
  const key = sql`hashtextextended(${`session:${sessionId}`}, 0)`;
  return (mode === 'shared' ? sql`select pg_advisory_xact_lock_shared(${key})` : sql`select pg_advisory_xact_lock(${key})`).execute(trx);
}

/** The session's row `FOR UPDATE`, in its turn (`queueForSession`): both statements in one round trip. */
export async function sessionRowForUpdate(trx: Transaction<Database>, sessionId: string): Promise<ClassSessionRow | undefined> {
  const [, row] = await Promise.all([
    queueForSession(trx, sessionId, 'exclusive'),
    trx.selectFrom('class_sessions').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst(),
  ]);
  return row;
}
