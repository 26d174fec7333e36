import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * Check-ins: how each booking was checked in (its method, whether late, by whom); the booking keeps when, in
 * `bookings.checked_in_at`, written in the same transaction. The primary key makes "one check-in per booking" hold
 * whatever happens above it.
 */
export const checkIns = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('check_ins')
      .addColumn('booking_id', 'uuid', (col) => col.primaryKey().references('bookings.id'))
      .addColumn('session_id', 'uuid', (col) => col.notNull().references('class_sessions.id'))
      .addColumn('method', 'text', (col) => col.notNull())
      .addColumn('is_late', 'boolean', (col) => col.notNull())
      // The trainer or admin at the door; kept when their account goes.
      .addColumn('recorded_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
      .addCheckConstraint('check_ins_method_check', sql`method in ('manual', 'qr')`)
      .execute();
    // Deleting an account sets `recorded_by` to null: without this, a scan of every check-in. (A session's roster
    // and the attendance report reach check-ins by their primary key, from the booking; sessions are never deleted,
    // so `session_id` needs no index of its own.)
    await db.schema
      .createIndex('check_ins_recorded_by_idx')
      .on('check_ins')
      .column('recorded_by')
      .where(sql.ref('recorded_by'), 'is not', null)
      .execute();
    // The bookings a session keeps (confirmed or no-show, never cancelled): its roster, the attendance report, the
    // count of its booked spots (index-only: the query's predicate is the index's) and a viewer's own booking on the
    // schedule, and whether anyone has checked in before the class is moved. Cancelled bookings pile up and stay out.
    await db.schema
      .createIndex('bookings_session_id_kept_idx')
      .on('bookings')
      .columns(['session_id', 'member_id'])
      .where(sql.ref('status'), '<>', 'cancelled')
      .execute();
    // The no-show sweep: confirmed bookings not checked in. Past ones leave it once marked (or checked in), so it
    // holds little more than the upcoming bookings, however long the studio has run.
    await db.schema
      .createIndex('bookings_awaiting_check_in_idx')
      .on('bookings')
      .column('session_id')
      .where(sql<boolean>`status = 'confirmed' and checked_in_at is null`)
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('bookings_awaiting_check_in_idx').execute();
    await db.schema.dropIndex('bookings_session_id_kept_idx').execute();
    await db.schema.dropTable('check_ins').execute();
  },
} satisfies Migration;
