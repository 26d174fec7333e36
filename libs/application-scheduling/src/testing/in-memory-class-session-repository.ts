import type { DomainEvent } from '@fitflow/domain-shared';
import { ClassSession, type ClassSessionSnapshot } from '@fitflow/domain-scheduling';
import type { ClassSessionRepository } from '../ports';
import type { Checkpointable } from '@fitflow/application-shared/testing';

/** Rows as snapshots, so every load is a fresh aggregate as from a database, plus the outbox it writes. */
export class InMemoryClassSessionRepository implements ClassSessionRepository, Checkpointable {
  #rows = new Map<string, ClassSessionSnapshot>();
  #outbox: DomainEvent[] = [];

  async get(id: string): Promise<ClassSession | null> {
    const row = this.#rows.get(id);
    return row ? ClassSession.restore(row) : null;
  }

  async getForUpdate(id: string): Promise<ClassSession | null> {
    return this.get(id);
  }

  async save(session: ClassSession): Promise<void> {
    this.#rows.set(session.id, session.snapshot());
    this.#outbox.push(...session.pullEvents());
  }

  /** Stores sessions as already existing: their events are dropped, not written to the outbox. */
  seed(...sessions: ClassSession[]): this {
    for (const session of sessions) {
      session.pullEvents();
      this.#rows.set(session.id, session.snapshot());
    }
    return this;
  }

  /** In insertion order, which is creation order for handlers. */
  rows(): ClassSessionSnapshot[] {
    return [...this.#rows.values()].map((row) => ({ ...row }));
  }

  row(id: string): ClassSessionSnapshot | undefined {
    return this.rows().find((row) => row.id === id);
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
}
