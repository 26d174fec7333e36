import { InMemoryAggregateStore } from '@fitflow/application-shared/testing';
import { type Email, EmailTakenError, User, type UserSnapshot } from '@fitflow/domain-membership';
import type { UserRepository } from '../ports';

export class InMemoryUserRepository extends InMemoryAggregateStore<User, UserSnapshot> implements UserRepository {
  constructor() {
    super((snapshot) => User.restore(snapshot));
  }

  async findByEmail(email: Email): Promise<User | null> {
    const row = this.rows().find((candidate) => candidate.email === email.value);
    return row ? User.restore(row) : null;
  }

  async lockAdmins(): Promise<string[]> {
    return this.rows()
      .filter((row) => row.role === 'admin')
      .map((row) => row.id);
  }

  override async save(user: User): Promise<void> {
    const email = user.snapshot().email;
    // Stands in for the unique index on users.email.
    if (this.rows().some((other) => other.email === email && other.id !== user.id)) throw new EmailTakenError();
    await super.save(user);
  }
}
