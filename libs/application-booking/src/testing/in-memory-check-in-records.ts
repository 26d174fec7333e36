import type { Checkpointable } from '@fitflow/application-shared/testing';
import type { CheckIn } from '@fitflow/domain-booking';
import { bookingStatusAt } from '@fitflow/domain-booking';
import type { BookingPlace, CheckInRecords } from '../attendance-ports';
import type { InMemoryBookingRepository } from './in-memory-booking-repository';
import type { InMemorySessionLocks } from './in-memory-session-locks';

/** A second record for one booking: what the table's primary key refuses. */
export class DuplicateCheckInViolation extends Error {
  constructor(bookingId: string) {
    super(`Primary key: booking ${bookingId} already has a check-in record`);
  }
}

/** The check-in records, reading places and due sessions from the booking and session fakes. */
export class InMemoryCheckInRecords implements CheckInRecords, Checkpointable {
  #records = new Map<string, CheckIn>();

  constructor(
    private readonly bookings: InMemoryBookingRepository,
    private readonly sessions: InMemorySessionLocks,
  ) {}

  async placeOf(bookingId: string): Promise<BookingPlace | null> {
    const booking = this.bookings.row(bookingId);
    const session = booking && this.sessions.row(booking.sessionId);
    return session ? { sessionId: session.id, trainerId: session.trainerId } : null;
  }

  async add(checkIn: CheckIn): Promise<void> {
    if (this.#records.has(checkIn.bookingId)) throw new DuplicateCheckInViolation(checkIn.bookingId);
    this.#records.set(checkIn.bookingId, checkIn);
  }

  async sessionsDueForNoShows(now: Date, limit: number): Promise<string[]> {
    const due = this.bookings
      .rows()
      .filter((row) => row.status === 'confirmed' && this.sessions.row(row.sessionId)?.status === 'published' && bookingStatusAt(row, now) === 'no_show')
      .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
    return [...new Set(due.map((row) => row.sessionId))].slice(0, limit);
  }

  records(): CheckIn[] {
    return [...this.#records.values()];
  }

  checkpoint(): () => void {
    const saved = new Map(this.#records);
    return () => {
      this.#records = new Map(saved);
    };
  }
}
