import { InMemoryAggregateStore } from '@fitflow/application-shared/testing';
import { Booking, type BookingSnapshot } from '@fitflow/domain-booking';
import type { BookingRepository } from '../ports';

/** A second confirmed booking of one member on one session: what the database's unique index refuses. */
export class UniqueConfirmedBookingViolation extends Error {
  constructor(memberId: string, sessionId: string) {
    super(`Unique index: member ${memberId} already has a confirmed booking on session ${sessionId}`);
  }
}

/** Bookings as snapshots with the outbox they write, and the unique index of one confirmed booking per member and session. */
export class InMemoryBookingRepository extends InMemoryAggregateStore<Booking, BookingSnapshot> implements BookingRepository {
  constructor() {
    super((snapshot) => Booking.restore(snapshot));
  }

  async findConfirmed(memberId: string, sessionId: string): Promise<Booking | null> {
    const row = this.rows().find((r) => r.memberId === memberId && r.sessionId === sessionId && r.status === 'confirmed');
    return row ? Booking.restore(row) : null;
  }

  confirmedCount(sessionId: string): number {
    return this.rows().filter((row) => row.sessionId === sessionId && row.status === 'confirmed').length;
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
