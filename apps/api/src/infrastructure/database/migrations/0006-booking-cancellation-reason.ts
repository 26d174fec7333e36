import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * The studio's reason on the bookings it cancelled by cancelling their session; null on every other booking, so
 * a cancelled booking with a reason is the studio's and one without is its member's.
 */
export const bookingCancellationReason = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('bookings').addColumn('cancellation_reason', 'text').execute();
    await db.schema
      .alterTable('bookings')
      .addCheckConstraint('bookings_cancellation_reason_check', sql`cancellation_reason is null or status = 'cancelled'`)
      .execute();
  },
  async down(db: Kysely<any>) {
    // Drops its check constraint with it.
    await db.schema.alterTable('bookings').dropColumn('cancellation_reason').execute();
  },
} satisfies Migration;
