import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * Bookings. The unique partial index makes "one confirmed booking per member and session" hold under
 * concurrency; a cancelled booking leaves room for a new one. Capacity is enforced by locking the session's row.
 */
export const bookings = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('bookings')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('session_id', 'uuid', (col) => col.notNull().references('class_sessions.id'))
      .addColumn('member_id', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('credits_spent', 'integer', (col) => col.notNull())
      .addColumn('credits_refunded', 'integer')
      .addColumn('refund_percentage', 'integer')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('cancelled_at', 'timestamptz')
      .addColumn('checked_in_at', 'timestamptz')
      .addCheckConstraint('bookings_status_check', sql`status in ('confirmed', 'cancelled', 'no_show')`)
      .addCheckConstraint('bookings_credits_spent_check', sql`credits_spent >= 0`)
      .addCheckConstraint('bookings_credits_refunded_check', sql`credits_refunded between 0 and credits_spent`)
      .addCheckConstraint('bookings_refund_percentage_check', sql`refund_percentage between 0 and 100`)
      .execute();
    // One confirmed booking per member and session.
    await db.schema
      .createIndex('bookings_one_confirmed_per_member_idx')
      .on('bookings')
      .columns(['session_id', 'member_id'])
      .unique()
      .where(sql.ref('status'), '=', 'confirmed')
      .execute();
    // My Bookings.
    await db.schema.createIndex('bookings_member_id_created_at_idx').on('bookings').columns(['member_id', 'created_at']).execute();
    // Counting a session's taken spots (under its lock, and on the schedule).
    await db.schema
      .createIndex('bookings_session_id_confirmed_idx')
      .on('bookings')
      .column('session_id')
      .where(sql.ref('status'), '=', 'confirmed')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('bookings').execute();
  },
} satisfies Migration;
