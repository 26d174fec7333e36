import type { HoldRepositories } from '@fitflow/application-booking';
import type { Clock } from '@fitflow/domain-shared';
import type { RepositoryFactory } from '../../database/kysely-unit-of-work';
import { KyselyMembershipRepository } from '../membership/kysely-membership-repository';
import { KyselyBookingRepository } from './kysely-booking-repository';
import { KyselyHoldRepository } from './kysely-hold-repository';
import { KyselyMemberDirectory } from './kysely-member-directory';
import { KyselySessionLocks } from './kysely-session-locks';

/** Every repository a booking or hold transaction works with, bound to it: the module's and the specs' one wiring. */
export function bookingRepositories(clock: Clock): RepositoryFactory<HoldRepositories> {
  return (trx, outbox) => ({
    bookings: new KyselyBookingRepository(trx, outbox),
    holds: new KyselyHoldRepository(trx, outbox),
    sessions: new KyselySessionLocks(trx, clock),
    members: new KyselyMemberDirectory(trx),
    memberships: new KyselyMembershipRepository(trx, outbox),
  });
}
