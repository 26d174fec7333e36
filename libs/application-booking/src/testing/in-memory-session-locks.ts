import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';
import type { GrantedSpot } from '@fitflow/domain-booking';
import { SpotTakenMeanwhileError } from '../errors';
import type { LockedSession, SessionLocks, SpotCheck, SpotCount } from '../ports';
import type { InMemoryMemberDirectory } from './in-memory-member-directory';
import type { Clock } from '@fitflow/domain-shared';
import type { InMemoryBookingRepository } from './in-memory-booking-repository';
import type { InMemoryHoldRepository } from './in-memory-hold-repository';

/**
 * The session rows as the booking context reads them, with taken spots counted from the booking rows plus
 * unexpired holds: the hold rows still active at the clock's now, and any set by hand. The lock itself is the in-memory unit of work's: it runs one transaction at a time;
 * each lock is noted in the bookings' lock journal.
 */
export class InMemorySessionLocks implements SessionLocks {
  readonly #rows = new Map<string, ClassSessionSnapshot>();
  readonly #held = new Map<string, number>();

  constructor(
    private readonly bookings: InMemoryBookingRepository,
    /** Names the trainer for `lockForSpot`. */
    private readonly directory: InMemoryMemberDirectory,
    private readonly holds?: { repository: InMemoryHoldRepository; clock: Clock },
  ) {}

  async getForUpdate(sessionId: string): Promise<LockedSession | null> {
    // Yield as a database round trip would, so concurrent callers interleave unless something serialises them.
    await Promise.resolve();
    const row = this.#rows.get(sessionId);
    if (!row) return null;
    this.bookings.locks.take(`session:${sessionId}`);
    return ClassSession.restore(row) as LockedSession;
  }

  async spotsFor(session: LockedSession, memberId: string): Promise<SpotCount> {
    await Promise.resolve();
    const confirmed = this.bookings.rows().filter((row) => row.sessionId === session.id && row.status === 'confirmed');
    return {
      takenSpots: this.#taken(session.id),
      alreadyBooked: confirmed.some((row) => row.memberId === memberId),
      alreadyHolding: this.holds?.repository.isHolding(session.id, memberId, this.holds.clock.now()) ?? false,
    };
  }

  async lockForSpot(sessionId: string, memberId: string): Promise<SpotCheck | null> {
    const session = await this.getForUpdate(sessionId);
    return session && this.#checkOf(session, memberId);
  }

  /** As `lockForSpot`, noted in the journal as shared. */
  async shareForSpot(sessionId: string, memberId: string): Promise<SpotCheck<ClassSession> | null> {
    await Promise.resolve();
    const row = this.#rows.get(sessionId);
    if (!row) return null;
    this.bookings.locks.take(`session:${sessionId}:shared`);
    return this.#checkOf(ClassSession.restore(row) as LockedSession, memberId);
  }

  async #checkOf(session: LockedSession, memberId: string): Promise<SpotCheck> {
    const trainerName = this.directory.findNow(session.trainerId)?.name ?? '';
    return { session, spots: await this.spotsFor(session, memberId), trainerName };
  }

  /** Fails as the database's check would: the new booking's or hold's own row is stored by the time it is asked. */
  async confirmClaim(check: SpotCheck<ClassSession>, spot: GrantedSpot): Promise<void> {
    await Promise.resolve();
    const { id } = check.session;
    const now = this.holds?.clock.now();
    const stakes =
      this.bookings.rows().filter((row) => row.sessionId === id && row.memberId === spot.memberId && row.status !== 'cancelled').length +
      (this.holds && now && this.holds.repository.isHolding(id, spot.memberId, now) ? 1 : 0);
    if (this.#taken(id) > check.session.capacity.value || stakes > 1) throw new SpotTakenMeanwhileError(id);
  }

  #taken(sessionId: string): number {
    return this.#booked(sessionId) + (this.#held.get(sessionId) ?? 0) + this.#activeHolds(sessionId);
  }

  #booked(sessionId: string): number {
    return this.bookings.rows().filter((row) => row.sessionId === sessionId && row.status === 'confirmed').length;
  }

  #activeHolds(sessionId: string): number {
    return this.holds ? this.holds.repository.activeCount(sessionId, this.holds.clock.now()) : 0;
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
