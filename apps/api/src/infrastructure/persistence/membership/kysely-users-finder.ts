import { sql, type Kysely } from 'kysely';
import type { Page } from '@fitflow/application-shared';
import type { AccountAccess, ListUsersQuery, UsersFinder, UserView } from '@fitflow/application-membership';
import type { Role } from '@fitflow/domain-membership';
import type { Database, UserRow } from '../../database/schema';

function toView(row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'created_at'>): UserView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at.toISOString() };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export class KyselyUsersFinder implements UsersFinder {
  constructor(private readonly db: Kysely<Database>) {}

  async byId(id: string): Promise<UserView | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toView(row) : null;
  }

  async roleOf(id: string): Promise<Role | null> {
    const row = await this.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirst();
    return row?.role ?? null;
  }

  async accessOf(id: string): Promise<AccountAccess | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['role', 'credentials_version'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { role: row.role, credentialsVersion: row.credentials_version } : null;
  }

  /** One query a page: the window count gives the total alongside the rows. */
  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    let select = this.db.selectFrom('users');
    if (query.role) select = select.where('role', '=', query.role);
    if (query.q) {
      const pattern = likePattern(query.q);
      select = select.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
    }
    const rows = await select
      .select(['id', 'email', 'name', 'role', 'created_at', sql<string>`count(*) over ()`.as('total')])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const total = rows.length > 0 ? Number(rows[0].total) : await this.#countBeyondLastPage(query);
    return { items: rows.map(toView), page: query.page, pageSize: query.pageSize, total };
  }

  async trainers(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('users').select(['id', 'name']).where('role', '=', 'trainer').orderBy('name').execute();
  }

  /** A page past the end has no rows to carry the window count; the total is still worth telling. */
  async #countBeyondLastPage(query: ListUsersQuery): Promise<number> {
    if (query.page === 1) return 0;
    const { total } = await this.list({ ...query, page: 1, pageSize: 1 });
    return total;
  }
}
