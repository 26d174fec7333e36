import type { DomainEvent } from '@fitflow/domain-shared';
import { type Email, EmailTakenError, User, type UserSnapshot } from '@fitflow/domain-membership';
import type { UserRepository } from '../ports';
import type { Checkpointable } from '@fitflow/application-shared/testing';

/** Rows as snapshots, so every load is a fresh aggregate as from a database, plus the outbox it writes. */
export class InMemoryUserRepository implements UserRepository, Checkpointable {
  #rows = new Map<string, UserSnapshot>();
  #outbox: DomainEvent[] = [];

  async get(id: string): Promise<User | null> {
    const row = this.#rows.get(id);
    return row ? User.restore(row) : null;
  }

  async getForUpdate(id: string): Promise<User | null> {
    return this.get(id);
  }

  async findByEmail(email: Email): Promise<User | null> {
    const row = this.rows().find((candidate) => candidate.email === email.value);
    return row ? User.restore(row) : null;
  }

  async save(user: User): Promise<void> {
    const row = user.snapshot();
    // Stands in for the unique index on users.email.
    if (this.rows().some((other) => other.email === row.email && other.id !== row.id)) throw new EmailTakenError();
    this.#rows.set(row.id, row);
    this.#outbox.push(...user.pullEvents());
  }

  /** Stores accounts as already existing: their creation events are dropped, not written to the outbox. */
  seed(...users: User[]): this {
    for (const user of users) {
      user.pullEvents();
      this.#rows.set(user.id, user.snapshot());
    }
    return this;
  }

  rows(): UserSnapshot[] {
    return [...this.#rows.values()].map((row) => ({ ...row }));
  }

  row(id: string): UserSnapshot | undefined {
    return this.rows().find((row) => row.id === id);
  }

  /** The events written to the outbox by committed saves, oldest first. */
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
