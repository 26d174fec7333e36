import { CancellationPolicy } from '@fitflow/domain-booking';
import { FixedClock } from '@fitflow/domain-shared';
import { CAST } from './cast';
import { InMemoryBookingRepository } from './in-memory-booking-repository';
import { InMemoryHoldRepository } from './in-memory-hold-repository';
import { InMemoryMemberDirectory } from './in-memory-member-directory';
import { InMemorySessionLocks } from './in-memory-session-locks';
import { InMemoryBookingUnitOfWork, InMemoryHoldUnitOfWork } from './in-memory-unit-of-work';
import { InMemoryUserBookingsFinder } from './in-memory-user-bookings-finder';
import { LockJournal } from './lock-journal';
import { FAKE_NOW } from './session.mother';
import { InMemoryMembershipRepository } from '@fitflow/application-membership/testing';
import { SequentialIds } from '@fitflow/application-shared/testing';

/** Every CAST member's starting balance. */
export const FUNDED_CREDITS = 100;

/**
 * Every port of the booking context, faked and wired to one in-memory store; the CAST is in the directory. Taken
 * spots count the hold rows still active at `clock`'s now.
 */
export function createBookingFakes(now: Date | string = FAKE_NOW) {
  const locks = new LockJournal();
  const clock = new FixedClock(now);
  const bookings = new InMemoryBookingRepository(locks);
  const holds = new InMemoryHoldRepository(locks);
  const members = new InMemoryMemberDirectory();
  const sessions = new InMemorySessionLocks(bookings, members, { repository: holds, clock });
  for (const { userId, email, name } of Object.values(CAST)) members.add(userId, email, name);
  // Every account in the directory can pay, with enough credits that only the tests about credits (which `fund`
  // their own balance) meet a refusal.
  const memberships = new InMemoryMembershipRepository({
    holderOf: (id) => {
      const member = members.findNow(id);
      return member && { memberId: member.id, memberEmail: member.email, memberName: member.name };
    },
    startingBalance: FUNDED_CREDITS,
  });
  return {
    bookings,
    holds,
    sessions,
    locks,
    members,
    memberships,
    uow: new InMemoryBookingUnitOfWork({ bookings, sessions, members, memberships }),
    holdUow: new InMemoryHoldUnitOfWork({ bookings, sessions, members, memberships, holds }),
    finder: new InMemoryUserBookingsFinder(bookings, sessions),
    ids: new SequentialIds('bbbbbbbb-0000-4000-8000-'),
    clock,
    policy: CancellationPolicy.default(),
  };
}

export type BookingFakes = ReturnType<typeof createBookingFakes>;
