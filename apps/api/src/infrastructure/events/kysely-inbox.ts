import type { Delivery, EventEnvelope, Inbox, Subscriber } from '@fitflow/application-shared';
import { sql, type Kysely, type Updateable } from 'kysely';
import { joiningTransaction } from '../database/kysely-unit-of-work';
import type { Database, EventDeliveriesTable } from '../database/schema';

/** Before any clock's now, a test's moved one included. */
export const DUE_AT_ONCE = new Date(0);

interface ClaimedRow {
  event_id: string;
  subscriber: string;
  attempts: number;
  type: string;
  aggregate_id: string;
  payload: object;
  occurred_at: Date;
}

/**
 * The inbox in PostgreSQL (`event_deliveries`), shared by every process. A claim commits at once (the attempt is
 * counted even if the process then dies) and leases the row; the run locks it again in its own transaction, so two
 * processes that both hold a claim (a lease ran out under a slow run) run it one after the other, and the second
 * finds it handled.
 */
export class KyselyInbox implements Inbox {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(entries: readonly { envelope: EventEnvelope; subscribers: readonly string[] }[]): Promise<void> {
    const rows = entries.flatMap(({ envelope, subscribers }) =>
      subscribers.map((subscriber) => ({ event_id: envelope.id, subscriber, next_attempt_at: DUE_AT_ONCE })),
    );
    if (rows.length === 0) return;
    await this.db.insertInto('event_deliveries').values(rows).onConflict((conflict) => conflict.doNothing()).execute();
  }

  /** Records the deliveries `subscribers` lack of the events published in the last `withinMs` (see EventEngine). */
  async catchUp(subscribers: readonly Subscriber[], withinMs: number): Promise<void> {
    for (const { name, eventType } of subscribers) {
      await this.db
        .insertInto('event_deliveries')
        .columns(['event_id', 'subscriber', 'next_attempt_at'])
        .expression((eb) =>
          eb
            .selectFrom('outbox')
            .select(['id', sql.lit(name).as('subscriber'), sql<Date>`${DUE_AT_ONCE}::timestamptz`.as('next_attempt_at')])
            .where('type', '=', eventType)
            .where('published_at', '>=', sql<Date>`now() - ${sql.lit(`${withinMs} milliseconds`)}::interval`),
        )
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }

  async claimDue(limit: number, now: Date, leaseUntil: Date): Promise<Delivery[]> {
    const { rows } = await sql<ClaimedRow>`
      with due as (
        select d.event_id, d.subscriber from event_deliveries d join outbox o on o.id = d.event_id
        where d.status = 'pending' and d.next_attempt_at <= ${now}
        order by d.next_attempt_at, o.seq
        limit ${limit}
        for update of d skip locked
      )
      update event_deliveries d
      set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}
      from due, outbox o
      where d.event_id = due.event_id and d.subscriber = due.subscriber and o.id = d.event_id
      returning d.event_id, d.subscriber, d.attempts, o.type, o.aggregate_id, o.payload, o.occurred_at
    `.execute(this.db);
    return rows.map(toDelivery);
  }

  handleOnce(delivery: Delivery, work: () => Promise<void>, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('event_deliveries')
        .select('status')
        .where('event_id', '=', delivery.envelope.id)
        .where('subscriber', '=', delivery.subscriber)
        .forUpdate()
        .executeTakeFirst();
      if (row?.status !== 'pending') return false;
      await joiningTransaction(trx, work);
      await trx
        .updateTable('event_deliveries')
        .set({ status: 'handled', finished_at: now, last_error: null })
        .where('event_id', '=', delivery.envelope.id)
        .where('subscriber', '=', delivery.subscriber)
        .execute();
      return true;
    });
  }

  retryAt(delivery: Delivery, error: string, at: Date): Promise<boolean> {
    return this.#updatePending(delivery, { last_error: error, next_attempt_at: at });
  }

  park(delivery: Delivery, error: string, now: Date): Promise<boolean> {
    return this.#updatePending(delivery, { status: 'parked', last_error: error, finished_at: now });
  }

  async #updatePending(delivery: Delivery, change: Updateable<EventDeliveriesTable>): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable('event_deliveries')
      .set(change)
      .where('event_id', '=', delivery.envelope.id)
      .where('subscriber', '=', delivery.subscriber)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }
}

function toDelivery(row: ClaimedRow): Delivery {
  return {
    subscriber: row.subscriber,
    attempt: row.attempts,
    envelope: {
      id: row.event_id,
      event: { type: row.type, aggregateId: row.aggregate_id, occurredAt: new Date(row.occurred_at).toISOString(), payload: row.payload },
    },
  };
}
