import type { Page } from '@fitflow/application-shared';
import type { Role, UserSnapshot } from '@fitflow/domain-membership';
import type { AccountAccess, ListUsersQuery, UserView, UsersFinder } from '../ports';
import type { InMemoryUserRepository } from './in-memory-user-repository';

/** Reads the committed rows of the in-memory repository, as the SQL finder reads the users table. */
export class InMemoryUsersFinder implements UsersFinder {
  constructor(private readonly users: InMemoryUserRepository) {}

  async byId(id: string): Promise<UserView | null> {
    const row = this.users.row(id);
    return row ? toView(row) : null;
  }

  async roleOf(id: string): Promise<Role | null> {
    return this.users.row(id)?.role ?? null;
  }

  async accessOf(id: string): Promise<AccountAccess | null> {
    const row = this.users.row(id);
    return row ? { role: row.role, credentialsVersion: row.credentialsVersion } : null;
  }

  async list({ page, pageSize, role, q }: ListUsersQuery): Promise<Page<UserView>> {
    const needle = q?.toLowerCase();
    const matching = this.users
      .rows()
      .filter((row) => role === undefined || row.role === role)
      .filter((row) => needle === undefined || `${row.name} ${row.email}`.toLowerCase().includes(needle))
      .sort(byNameThenEmail);
    const items = matching.slice((page - 1) * pageSize, page * pageSize).map(toView);
    return { items, page, pageSize, total: matching.length };
  }

  async trainers(): Promise<{ id: string; name: string }[]> {
    return this.users
      .rows()
      .filter((row) => row.role === 'trainer')
      .sort(byNameThenEmail)
      .map(({ id, name }) => ({ id, name }));
  }
}

function toView({ id, email, name, role, createdAt }: UserSnapshot): UserView {
  return { id, email, name, role, createdAt: createdAt.toISOString() };
}

function byNameThenEmail(a: UserSnapshot, b: UserSnapshot): number {
  return a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
}
