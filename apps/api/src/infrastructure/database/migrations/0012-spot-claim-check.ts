import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * The check behind a spot (a booking or a hold) decided while other bookings and holds shared the session's row
 * (`SessionLocks.confirmClaim`). Issued after the spot's insert, it takes the session's booked-count row (a booking's
 * insert has already taken it; a hold takes it here), so the spot-takers of a session check one at a time, each
 * seeing what the ones before it committed: it fails the transaction when the kept bookings and the holds running at
 * `at`, its own among them, are more than `most`, the spots the decision saw taken plus those it saw free. It fails
 * in the database, not in the API, because the commit travels right behind it (`commitBehind`): the failed
 * statement turns that commit into a rollback.
 */
export const spotClaimCheck = {
  async up(db: Kysely<any>) {
    await sql`create function check_spot_claim(claimed_session uuid, at timestamptz, most integer) returns void
      language plpgsql as $$
      declare
        kept integer;
      begin
        insert into session_booked_counts (session_id, booked) values (claimed_session, 0) on conflict do nothing;
        select c.booked into kept from session_booked_counts c where c.session_id = claimed_session for update;
        -- A statement of its own, after the row is held: it sees every hold committed by the spot-takers before.
        if kept + (select count(*) from holds h
                      where h.session_id = claimed_session and h.status = 'pending' and h.expires_at > at) > most then
          raise exception 'The spots this decision counted on were taken meanwhile'
            using errcode = 'check_violation', constraint = 'session_spot_claim';
        end if;
      end $$`.execute(db);
  },
  async down(db: Kysely<any>) {
    await sql`drop function check_spot_claim(uuid, timestamptz, integer)`.execute(db);
  },
} satisfies Migration;
