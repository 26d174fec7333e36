import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * A session's booked spots (the bookings it keeps: confirmed or no-show) kept in a row of their own, so a booking
 * reads them instead of counting up to 500 rows under the session's lock, where every booking of a popular class
 * queues (the count was most of the lock's time in the booking-rush bench). Not a column of the session's row:
 * every booking would then update the very row the next bookings wait on, and each of them would re-read the new
 * version when its turn comes, which cost as much as the count (measured).
 *
 * A trigger keeps the count: every path that writes a booking (the API's, the jobs', the demo seed's and the
 * tests' own inserts) moves it in the same transaction, and a TRUNCATE of the bookings empties it. Booking paths
 * already hold the session's row (ARCHITECTURE.md's lock order: the session first), so the count's row is only
 * ever written by the session's lock holder; a change that keeps a booking kept (confirmed to no-show, a
 * check-in) touches nothing. The migration locks `bookings` against writers while it creates the trigger and
 * counts the rows already there, so a booking committed by another process meanwhile cannot be missed by both.
 */
export const sessionBookedCount = {
  async up(db: Kysely<any>) {
    await sql`lock table bookings in share row exclusive mode`.execute(db);
    await db.schema
      .createTable('session_booked_counts')
      .addColumn('session_id', 'uuid', (col) => col.primaryKey().references('class_sessions.id').onDelete('cascade'))
      .addColumn('booked', 'integer', (col) => col.notNull())
      .addCheckConstraint('session_booked_counts_booked_check', sql`booked >= 0`)
      .execute();
    await sql`create function count_kept_bookings() returns trigger language plpgsql as $$
      declare
        was_kept boolean := tg_op <> 'INSERT' and old.status <> 'cancelled';
        is_kept boolean := tg_op <> 'DELETE' and new.status <> 'cancelled';
      begin
        if tg_op = 'UPDATE' and was_kept = is_kept and old.session_id = new.session_id then
          return null;
        end if;
        if was_kept then
          update session_booked_counts set booked = booked - 1 where session_id = old.session_id;
        end if;
        if is_kept then
          update session_booked_counts set booked = booked + 1 where session_id = new.session_id;
          if not found then
            insert into session_booked_counts as c (session_id, booked) values (new.session_id, 1)
              on conflict (session_id) do update set booked = c.booked + 1;
          end if;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger bookings_count_kept
                after insert or update of status, session_id or delete on bookings
                for each row execute function count_kept_bookings()`.execute(db);
    await sql`create function forget_booked_counts() returns trigger language plpgsql as $$
      begin
        delete from session_booked_counts;
        return null;
      end $$`.execute(db);
    await sql`create trigger bookings_truncated after truncate on bookings
                for each statement execute function forget_booked_counts()`.execute(db);
    await sql`insert into session_booked_counts (session_id, booked)
                select session_id, count(*) from bookings where status <> 'cancelled' group by session_id`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`drop trigger bookings_truncated on bookings`.execute(db);
    await sql`drop function forget_booked_counts()`.execute(db);
    await sql`drop trigger bookings_count_kept on bookings`.execute(db);
    await sql`drop function count_kept_bookings()`.execute(db);
    await db.schema.dropTable('session_booked_counts').execute();
  },
} satisfies Migration;
