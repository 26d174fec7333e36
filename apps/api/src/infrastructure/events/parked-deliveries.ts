import type { Kysely } from 'kysely';
import type { Database } from '../database/schema';
import { DUE_AT_ONCE } from './kysely-inbox';

export interface ParkedDelivery {
  eventId: string;
  eventType: string;
  aggregateId: string;
  subscriber: string;
  attempts: number;
  lastError: string | null;
  parkedAt: Date | null;
}

/** What an operator sees of deliveries that failed for the last time, and how one is tried again. */
export class ParkedDeliveries {
  constructor(private readonly db: Kysely<Database>) {}

  async list(limit = 100): Promise<ParkedDelivery[]> {
    const rows = await this.db
      .selectFrom('event_deliveries as d')
      .innerJoin('outbox as o', 'o.id', 'd.event_id')
      .select(['d.event_id', 'o.type', 'o.aggregate_id', 'd.subscriber', 'd.attempts', 'd.last_error', 'd.finished_at'])
      .where('d.status', '=', 'parked')
      .orderBy('d.finished_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      eventId: row.event_id,
      eventType: row.type,
      aggregateId: row.aggregate_id,
      subscriber: row.subscriber,
      attempts: row.attempts,
      lastError: row.last_error,
      parkedAt: row.finished_at,
    }));
  }

  /**
   * Makes the parked deliveries of `eventId` (to `subscriber` only, when given) due at once with a fresh count of
   * attempts; the running dispatchers pick them up. Answers how many were parked.
   */
  async retry(eventId: string, subscriber?: string): Promise<number> {
    let query = this.db
      .updateTable('event_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: DUE_AT_ONCE, finished_at: null })
      .where('event_id', '=', eventId)
      .where('status', '=', 'parked');
    if (subscriber) query = query.where('subscriber', '=', subscriber);
    const { numUpdatedRows } = await query.executeTakeFirst();
    return Number(numUpdatedRows);
  }
}
