import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * Spot holds: a spot kept for one member until `expires_at`. A pending hold counts against its session's capacity
 * only while `expires_at` is after now, so a lapsed one frees its spot before the expiry sweep marks it `expired`.
 * Like bookings, holds are created and settled under their session's row lock. A booking made from a hold names it.
 */
export const holds = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('holds')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('session_id', 'uuid', (col) => col.notNull().references('class_sessions.id'))
      .addColumn('member_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addColumn('settled_at', 'timestamptz')
      .addColumn('booking_id', 'uuid')
      .addCheckConstraint('holds_source_check', sql`source in ('member', 'waitlist')`)
      .addCheckConstraint('holds_status_check', sql`status in ('pending', 'confirmed', 'expired', 'released')`)
      // Checked at commit: a confirmed hold and the booking it became point at each other and are saved in one
      // transaction, in either order.
      .addForeignKeyConstraint('holds_booking_id_fkey', ['booking_id'], 'bookings', ['id'], (fk) => fk.deferrable().initiallyDeferred())
      .execute();
    // One pending hold per member and session, under concurrency; a settled hold leaves room for a new one.
    await db.schema
      .createIndex('holds_one_pending_per_member_idx')
      .on('holds')
      .columns(['session_id', 'member_id'])
      .unique()
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    // Counting a session's running holds (`expires_at > now`, under its lock and on the schedule); settled holds
    // pile up and must not slow it down.
    await db.schema
      .createIndex('holds_session_id_pending_idx')
      .on('holds')
      .columns(['session_id', 'expires_at'])
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    // The expiry sweep: pending holds whose deadline has come, soonest first.
    await db.schema.createIndex('holds_due_idx').on('holds').column('expires_at').where(sql.ref('status'), '=', 'pending').execute();
    // The hold whose spot a booking took over; null for a direct booking.
    await db.schema.alterTable('bookings').addColumn('hold_id', 'uuid', (col) => col.references('holds.id')).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('bookings').dropColumn('hold_id').execute();
    await db.schema.dropTable('holds').execute();
  },
} satisfies Migration;
