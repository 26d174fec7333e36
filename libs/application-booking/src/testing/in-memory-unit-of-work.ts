import type { InMemoryMembershipRepository } from '@fitflow/application-membership/testing';
import { InMemoryUnitOfWork } from '@fitflow/application-shared/testing';
import type { BookingRepositories, HoldRepositories } from '../ports';
import type { InMemoryBookingRepository } from './in-memory-booking-repository';
import type { InMemoryHoldRepository } from './in-memory-hold-repository';
import type { InMemoryMemberDirectory } from './in-memory-member-directory';
import type { InMemorySessionLocks } from './in-memory-session-locks';

export interface InMemoryBookingRepositories extends BookingRepositories {
  bookings: InMemoryBookingRepository;
  sessions: InMemorySessionLocks;
  members: InMemoryMemberDirectory;
  memberships: InMemoryMembershipRepository;
}

/** One transaction at a time, as the session row's lock makes it for bookings of one session. */
export class InMemoryBookingUnitOfWork extends InMemoryUnitOfWork<BookingRepositories> {
  constructor(repos: InMemoryBookingRepositories) {
    super(repos, [repos.bookings, repos.memberships]);
  }
}

export interface InMemoryHoldRepositories extends InMemoryBookingRepositories {
  holds: InMemoryHoldRepository;
}

/** The booking unit of work with holds: rolls back bookings and holds together. */
export class InMemoryHoldUnitOfWork extends InMemoryUnitOfWork<HoldRepositories> {
  constructor(repos: InMemoryHoldRepositories) {
    super(repos, [repos.bookings, repos.holds, repos.memberships]);
  }
}
