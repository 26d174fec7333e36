import { InMemoryAggregateStore, type Checkpointable } from '@fitflow/application-shared/testing';
import { Booking, type BookingSnapshot } from '@fitflow/domain-booking';
import type { BookingRepository, KeysetPage, LockedSession } from '../ports';
import { LockJournal } from './lock-journal';

/** A second confirmed booking of one member on one session: what the database's unique index refuses. */
export class UniqueConfirmedBookingViolation extends Error {
  constructor(memberId: string, sessionId: string) {
    super(`Unique index: member ${memberId} already has a confirmed booking on session ${sessionId}`);
  }
}

/** The rows, the outbox and the unique index of one confirmed booking per member and session. */
class BookingRows extends InMemoryAggregateStore<Booking, BookingSnapshot> {
  constructor() {
    super((snapshot) => Booking.restore(snapshot));
  }

  protected override assertStorable(row: BookingSnapshot): void {
    const clash = this.rows().some(
      (other) =>
        other.id !== row.id &&
        row.status === 'confirmed' &&
        other.status === 'confirmed' &&
        other.memberId === row.memberId &&
        other.sessionId === row.sessionId,
    );
    if (clash) throw new UniqueConfirmedBookingViolation(row.memberId, row.sessionId);
  }
}

/**
 * Bookings as snapshots with the outbox they write. It wraps the shared store rather than extending it, so its
 * `getForUpdate` has the port's shape: it needs the locked session, and notes each lock in the journal.
 */
export class InMemoryBookingRepository implements BookingRepository, Checkpointable {
  readonly #rows = new BookingRows();

  constructor(readonly locks: LockJournal = new LockJournal()) {}

  get(id: string): Promise<Booking | null> {
    return this.#rows.get(id);
  }

  async getForUpdate(session: LockedSession, id: string): Promise<Booking | null> {
    const row = this.#rows.row(id);
    if (!row || row.sessionId !== session.id) return null;
    this.locks.take(`booking:${id}`);
    return Booking.restore(row);
  }

  async confirmedForUpdate(session: LockedSession, { afterId, limit }: KeysetPage): Promise<Booking[]> {
    const page = this.#rows
      .rows()
      .filter((row) => row.sessionId === session.id && row.status === 'confirmed' && (afterId === null || row.id > afterId))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
    for (const row of page) this.locks.take(`booking:${row.id}`);
    return page.map((row) => Booking.restore(row));
  }

  save(booking: Booking): Promise<void> {
    return this.#rows.save(booking);
  }

  /** Stores bookings as already existing: their events are dropped, not written to the outbox. */
  seed(...bookings: Booking[]): this {
    this.#rows.seed(...bookings);
    return this;
  }

  rows(): BookingSnapshot[] {
    return this.#rows.rows();
  }

  row(id: string): BookingSnapshot | undefined {
    return this.#rows.row(id);
  }

  /** The events written to the outbox by committed saves, oldest first. */
  get outbox(): BookingRows['outbox'] {
    return this.#rows.outbox;
  }

  confirmedCount(sessionId: string): number {
    return this.rows().filter((row) => row.sessionId === sessionId && row.status === 'confirmed').length;
  }

  checkpoint(): () => void {
    return this.#rows.checkpoint();
  }
}
