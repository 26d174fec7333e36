import { InMemoryAggregateStore, type Checkpointable } from '@fitflow/application-shared/testing';
import { AlreadyHoldingError, SpotHold, type SpotHoldSnapshot } from '@fitflow/domain-booking';
import type { DueHold, HoldRepository, LockedSession } from '../ports';
import { LockJournal } from './lock-journal';

class HoldRows extends InMemoryAggregateStore<SpotHold, SpotHoldSnapshot> {
  constructor() {
    super((snapshot) => SpotHold.restore(snapshot));
  }

  protected override assertStorable(row: SpotHoldSnapshot): void {
    const clash = this.rows().some(
      (other) =>
        other.id !== row.id &&
        row.status === 'pending' &&
        other.status === 'pending' &&
        other.memberId === row.memberId &&
        other.sessionId === row.sessionId,
    );
    // The database's unique index refuses a second pending hold of a member on a session; the adapter says so thus.
    if (clash) throw new AlreadyHoldingError(row.sessionId);
  }
}

/** Holds as snapshots with the outbox they write; each row lock is noted in the journal (`hold:<id>`). */
export class InMemoryHoldRepository implements HoldRepository, Checkpointable {
  readonly #rows = new HoldRows();

  constructor(readonly locks: LockJournal = new LockJournal()) {}

  get(id: string): Promise<SpotHold | null> {
    return this.#rows.get(id);
  }

  async getForUpdate(session: LockedSession, id: string): Promise<SpotHold | null> {
    const row = this.#rows.row(id);
    if (!row || row.sessionId !== session.id) return null;
    this.locks.take(`hold:${id}`);
    return SpotHold.restore(row);
  }

  async pendingOfMemberForUpdate(session: LockedSession, memberId: string): Promise<SpotHold | null> {
    const row = this.#rows.rows().find((r) => r.sessionId === session.id && r.memberId === memberId && r.status === 'pending');
    if (!row) return null;
    this.locks.take(`hold:${row.id}`);
    return SpotHold.restore(row);
  }

  async dueForExpiry(now: Date, limit: number): Promise<DueHold[]> {
    return this.#rows
      .rows()
      .filter((row) => row.status === 'pending' && row.expiresAt.getTime() <= now.getTime())
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
      .slice(0, limit)
      .map(({ id, sessionId }) => ({ id, sessionId }));
  }

  save(hold: SpotHold): Promise<void> {
    return this.#rows.save(hold);
  }

  /** Pending holds of the session that still keep their spot at `now`: what `spotsFor` counts. */
  activeCount(sessionId: string, now: Date): number {
    return this.rows().filter((row) => row.sessionId === sessionId && SpotHold.restore(row).isActiveAt(now)).length;
  }

  isHolding(sessionId: string, memberId: string, now: Date): boolean {
    return this.rows().some((row) => row.sessionId === sessionId && row.memberId === memberId && SpotHold.restore(row).isActiveAt(now));
  }

  /** Stores holds as already existing: their events are dropped, not written to the outbox. */
  seed(...holds: SpotHold[]): this {
    this.#rows.seed(...holds);
    return this;
  }

  rows(): SpotHoldSnapshot[] {
    return this.#rows.rows();
  }

  row(id: string): SpotHoldSnapshot | undefined {
    return this.#rows.row(id);
  }

  get outbox(): HoldRows['outbox'] {
    return this.#rows.outbox;
  }

  checkpoint(): () => void {
    return this.#rows.checkpoint();
  }
}
