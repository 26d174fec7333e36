import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * The check behind a spot (a booking or a hold) decided while other bookings and holds shared the session's row
 * (`SessionLocks.confirmClaim`). Issued after the spot's insert, it takes the session's booked-count row (a booking's
 * insert has already taken it; a hold takes it here), so the spot-takers of a session check one at a time, each
 * seeing what the ones before it committed. It fails the transaction when the session keeps more bookings and
 * running holds (at `at`) than its capacity, or when the claimant holds more than one of them there: the new one and
 * another that a request of theirs committed meanwhile (a booking beside a hold, which no unique index covers). The
 * spot rule decided on the spots as it read them; this only tells that they changed under it, and the spot is then
 * decided again under the session's lock. It fails in the database, not in the API, because the commit travels
 * right behind it (`commitBehind`): the failed statement turns that commit into a rollback. (So the booked-count row
 * of migration 0011 is no longer written by the session's lock holder only: spot-takers sharing the row write it,
 * one at a time.)
 */
export const spotClaimCheck = {
  async up(db: Kysely<any>) {
    await sql`create function check_spot_claim(claimed_session uuid, claimant uuid, at timestamptz, capacity integer)
      returns void language plpgsql as $$
      declare
        kept integer;
      begin
        insert into session_booked_counts (session_id, booked) values (claimed_session, 0) on conflict do nothing;
        select c.booked into kept from session_booked_counts c where c.session_id = claimed_session for update;
        -- Statements of their own, after the row is held: they see every spot committed by the takers before.
        if kept + (select count(*) from holds h
                    where h.session_id = claimed_session and h.status = 'pending' and h.expires_at > at) > capacity
           or (select count(*) from bookings b
                where b.session_id = claimed_session and b.member_id = claimant and b.status <> 'cancelled')
            + (select count(*) from holds h
                where h.session_id = claimed_session and h.member_id = claimant and h.status = 'pending' and h.expires_at > at) > 1
        then
          raise exception 'The spots this decision counted on changed meanwhile'
            using errcode = 'check_violation', constraint = 'session_spot_claim';
        end if;
      end $$`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`drop function check_spot_claim(uuid, uuid, timestamptz, integer)`.execute(db);
  },
} satisfies Migration;
