import type { Page } from '@fitflow/application-shared';
import type { BookingSnapshot } from '@fitflow/domain-booking';
import { toBookingView } from '../booking-view';
import type { BookingRecord, BookingScope, BookingView, MyBookingsFilter, UserBookingsFinder } from '../ports';
import type { InMemoryBookingRepository } from './in-memory-booking-repository';
import type { InMemorySessionLocks } from './in-memory-session-locks';

const time = (date: Date | null) => date?.getTime() ?? 0;

/** Reads the committed booking rows with the scopes and orders `BOOKING_SCOPES` documents. */
export class InMemoryUserBookingsFinder implements UserBookingsFinder {
  constructor(
    private readonly bookings: InMemoryBookingRepository,
    private readonly sessions: InMemorySessionLocks,
  ) {}

  async list({ memberId, scope, page, pageSize, now }: MyBookingsFilter): Promise<Page<BookingView>> {
    const matching = this.bookings
      .rows()
      .filter((row) => row.memberId === memberId && inScope(row, scope, now))
      .sort((a, b) => compare(a, b, scope) || a.id.localeCompare(b.id));
    const items = matching.slice((page - 1) * pageSize, page * pageSize).map((row) => toBookingView(row, { now, checkInLate: false }));
    return { items, page, pageSize, total: matching.length };
  }

  async byId(id: string): Promise<BookingRecord | null> {
    const row = this.bookings.row(id);
    if (!row) return null;
    return { view: toBookingView(row), memberId: row.memberId, trainerId: this.sessions.row(row.sessionId)?.trainerId ?? '' };
  }
}

function inScope(row: BookingSnapshot, scope: BookingScope, now: Date): boolean {
  const started = row.startsAt.getTime() <= now.getTime();
  switch (scope) {
    case 'upcoming':
      return row.status === 'confirmed' && !started;
    case 'past':
      return row.status !== 'cancelled' && started;
    case 'cancelled':
      return row.status === 'cancelled';
  }
}

function compare(a: BookingSnapshot, b: BookingSnapshot, scope: BookingScope): number {
  switch (scope) {
    case 'upcoming':
      return a.startsAt.getTime() - b.startsAt.getTime();
    case 'past':
      return b.startsAt.getTime() - a.startsAt.getTime();
    case 'cancelled':
      return time(b.cancelledAt) - time(a.cancelledAt);
  }
}
