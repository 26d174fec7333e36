import type { Migration } from 'kysely';
import { accounts } from './0001-accounts';
import { scheduling } from './0002-scheduling';
import { bookings } from './0003-bookings';
import { idempotency } from './0004-idempotency';
import { eventDeliveries } from './0005-event-deliveries';
import { bookingCancellationReason } from './0006-booking-cancellation-reason';
import { holds } from './0007-holds';
import { checkIns } from './0008-check-ins';
import { credits } from './0009-credits';
import { credentialsVersion } from './0010-credentials-version';
import { sessionBookedCount } from './0011-session-booked-count';
import { spotClaimCheck } from './0012-spot-claim-check';

/**
 * Every migration, keyed by name; Kysely runs them in name order. Listed in code rather than read from a folder
 * so the bundled build (one file per entry point) carries them. Never edit an applied migration: add the next.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_accounts': accounts,
  '0002_scheduling': scheduling,
  '0003_bookings': bookings,
  '0004_idempotency': idempotency,
  '0005_event_deliveries': eventDeliveries,
  '0006_booking_cancellation_reason': bookingCancellationReason,
  '0007_holds': holds,
  '0008_check_ins': checkIns,
  '0009_credits': credits,
  '0010_credentials_version': credentialsVersion,
  '0011_session_booked_count': sessionBookedCount,
  '0012_spot_claim_check': spotClaimCheck,
};
