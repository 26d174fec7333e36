import { CancellationPolicy } from '@fitflow/domain-booking';
import { FixedClock } from '@fitflow/domain-shared';
import { CAST } from './cast';
import { InMemoryBookingRepository } from './in-memory-booking-repository';
import { InMemoryMemberDirectory } from './in-memory-member-directory';
import { InMemorySessionLocks } from './in-memory-session-locks';
import { InMemoryBookingUnitOfWork } from './in-memory-unit-of-work';
import { InMemoryUserBookingsFinder } from './in-memory-user-bookings-finder';
import { LockJournal } from './lock-journal';
import { FAKE_NOW } from './session.mother';
import { SequentialIds } from '@fitflow/application-shared/testing';

/** Every port of the booking context, faked and wired to one in-memory store; the CAST is in the directory. */
export function createBookingFakes(now: Date | string = FAKE_NOW) {
  const locks = new LockJournal();
  const bookings = new InMemoryBookingRepository(locks);
  const sessions = new InMemorySessionLocks(bookings);
  const members = new InMemoryMemberDirectory();
  for (const { userId, email, name } of Object.values(CAST)) members.add(userId, email, name);
  return {
    bookings,
    sessions,
    locks,
    members,
    uow: new InMemoryBookingUnitOfWork({ bookings, sessions, members }),
    finder: new InMemoryUserBookingsFinder(bookings, sessions),
    ids: new SequentialIds('bbbbbbbb-0000-4000-8000-'),
    clock: new FixedClock(now),
    policy: CancellationPolicy.default(),
  };
}

export type BookingFakes = ReturnType<typeof createBookingFakes>;
