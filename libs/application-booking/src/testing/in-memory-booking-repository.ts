import type { Checkpointable } from '@fitflow/application-shared/testing';
import { Booking, type BookingSnapshot } from '@fitflow/domain-booking';
import type { DomainEvent } from '@fitflow/domain-shared';
import type { BookingRepository } from '../ports';

/** A second confirmed booking of one member on one session: what the database's unique index refuses. */
export class UniqueConfirmedBookingViolation extends Error {
  constructor(memberId: string, sessionId: string) {
    super(`Unique index: member ${memberId} already has a confirmed booking on session ${sessionId}`);
  }
}

/** Rows as snapshots, so every load is a fresh aggregate as from a database, plus the outbox it writes. */
export class InMemoryBookingRepository implements BookingRepository, Checkpointable {
  #rows = new Map<string, BookingSnapshot>();
  #outbox: DomainEvent[] = [];

  async get(id: string): Promise<Booking | null> {
    const row = this.#rows.get(id);
    return row ? Booking.restore(row) : null;
  }

  async getForUpdate(id: string): Promise<Booking | null> {
    return this.get(id);
  }

  async findConfirmed(memberId: string, sessionId: string): Promise<Booking | null> {
    const row = this.rows().find((r) => r.memberId === memberId && r.sessionId === sessionId && r.status === 'confirmed');
    return row ? Booking.restore(row) : null;
  }

  async save(booking: Booking): Promise<void> {
    this.#put(booking.snapshot());
    this.#outbox.push(...booking.pullEvents());
  }

  /** Stores bookings as already existing: their events are dropped. */
  seed(...bookings: Booking[]): this {
    for (const booking of bookings) {
      booking.pullEvents();
      this.#put(booking.snapshot());
    }
    return this;
  }

  confirmedCount(sessionId: string): number {
    return this.rows().filter((row) => row.sessionId === sessionId && row.status === 'confirmed').length;
  }

  /** In insertion order. */
  rows(): BookingSnapshot[] {
    return [...this.#rows.values()].map((row) => ({ ...row }));
  }

  row(id: string): BookingSnapshot | undefined {
    const row = this.#rows.get(id);
    return row && { ...row };
  }

  get outbox(): readonly DomainEvent[] {
    return [...this.#outbox];
  }

  checkpoint(): () => void {
    const rows = new Map(this.#rows);
    const outbox = [...this.#outbox];
    return () => {
      this.#rows = rows;
      this.#outbox = outbox;
    };
  }

  #put(row: BookingSnapshot): void {
    const clash = [...this.#rows.values()].some(
      (other) =>
        other.id !== row.id &&
        row.status === 'confirmed' &&
        other.status === 'confirmed' &&
        other.memberId === row.memberId &&
        other.sessionId === row.sessionId,
    );
    if (clash) throw new UniqueConfirmedBookingViolation(row.memberId, row.sessionId);
    this.#rows.set(row.id, row);
  }
}
