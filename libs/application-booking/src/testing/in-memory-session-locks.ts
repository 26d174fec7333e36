import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';
import type { SessionLocks, SpotCount } from '../ports';
import type { InMemoryBookingRepository } from './in-memory-booking-repository';

/**
 * The session rows as the booking context reads them, with taken spots counted from the booking rows plus
 * unexpired holds set by hand (until holds exist). The lock itself is the in-memory unit of work's: it runs one
 * transaction at a time.
 */
export class InMemorySessionLocks implements SessionLocks {
  readonly #rows = new Map<string, ClassSessionSnapshot>();
  readonly #held = new Map<string, number>();

  constructor(private readonly bookings: InMemoryBookingRepository) {}

  async getForUpdate(sessionId: string): Promise<ClassSession | null> {
    // Yield as a database round trip would, so concurrent callers interleave unless something serialises them.
    await Promise.resolve();
    const row = this.#rows.get(sessionId);
    return row ? ClassSession.restore(row) : null;
  }

  async takenSpots(sessionId: string): Promise<number> {
    await Promise.resolve();
    return this.bookings.confirmedCount(sessionId) + (this.#held.get(sessionId) ?? 0);
  }

  async spotsFor(sessionId: string, memberId: string): Promise<SpotCount> {
    const [takenSpots, mine] = await Promise.all([this.takenSpots(sessionId), this.bookings.findConfirmed(memberId, sessionId)]);
    return { takenSpots, alreadyBooked: mine !== null };
  }

  seed(...sessions: ClassSession[]): this {
    for (const session of sessions) {
      session.pullEvents();
      this.#rows.set(session.id, session.snapshot());
    }
    return this;
  }

  /** Unexpired holds on the session. */
  setHeld(sessionId: string, held: number): this {
    this.#held.set(sessionId, held);
    return this;
  }

  row(sessionId: string): ClassSessionSnapshot | undefined {
    const row = this.#rows.get(sessionId);
    return row && { ...row };
  }
}
