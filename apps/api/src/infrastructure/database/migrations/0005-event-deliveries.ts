import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * The inbox: one row per (event, subscriber) that must see it, written by the relay when it takes the event from
 * the outbox. A row is `pending` until the subscriber's change commits with `status = 'handled'` in the same
 * transaction, or `parked` after its last attempt. `attempts` counts claims (a run that a crash cut short counts
 * too); `next_attempt_at` is when it is due again: after a backoff, or when a claim's lease runs out.
 */
export const eventDeliveries = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('event_deliveries')
      .addColumn('event_id', 'uuid', (col) => col.notNull().references('outbox.id').onDelete('cascade'))
      .addColumn('subscriber', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('finished_at', 'timestamptz')
      .addPrimaryKeyConstraint('event_deliveries_pkey', ['event_id', 'subscriber'])
      .addCheckConstraint('event_deliveries_status_check', sql`status in ('pending', 'handled', 'parked')`)
      .execute();
    // The dispatcher's claim: due pending rows, soonest first; handled rows pile up and must not slow it down.
    await db.schema
      .createIndex('event_deliveries_due_idx')
      .on('event_deliveries')
      .column('next_attempt_at')
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    // The operator's list and the retention sweep.
    await db.schema.createIndex('event_deliveries_status_finished_idx').on('event_deliveries').columns(['status', 'finished_at']).execute();
    // The retention sweep of published events.
    await db.schema
      .createIndex('outbox_published_at_idx')
      .on('outbox')
      .column('published_at')
      .where(sql.ref('published_at'), 'is not', null)
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('outbox_published_at_idx').execute();
    await db.schema.dropTable('event_deliveries').execute();
  },
} satisfies Migration;
