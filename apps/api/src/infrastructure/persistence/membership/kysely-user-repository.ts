import type { Transaction } from 'kysely';
import type { OutboxWriter } from '@fitflow/application-shared';
import type { UserRepository } from '@fitflow/application-membership';
import { EmailTakenError, User, type Email } from '@fitflow/domain-membership';
import type { Database, UserRow } from '../../database/schema';
import { isUniqueViolation } from '../errors';

export function rowToUser(row: UserRow): User {
  return User.restore({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    credentialsVersion: row.credentials_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export class KyselyUserRepository implements UserRepository {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly outbox: OutboxWriter,
  ) {}

  async get(id: string): Promise<User | null> {
    const row = await this.trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToUser(row) : null;
  }

  async getForUpdate(id: string): Promise<User | null> {
    const row = await this.trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? rowToUser(row) : null;
  }

  async findByEmail(email: Email): Promise<User | null> {
    const row = await this.trx.selectFrom('users').selectAll().where('email', '=', email.value).executeTakeFirst();
    return row ? rowToUser(row) : null;
  }

  async lockAdmins(): Promise<string[]> {
    const admins = await this.trx.selectFrom('users').select('id').where('role', '=', 'admin').orderBy('id').forUpdate().execute();
    return admins.map((admin) => admin.id);
  }

  /** Inserts or updates; the unique email index turns a concurrent second registration into EMAIL_TAKEN. */
  async save(user: User): Promise<void> {
    const s = user.snapshot();
    const row = {
      id: s.id,
      email: s.email,
      name: s.name,
      role: s.role,
      password_hash: s.passwordHash,
      credentials_version: s.credentialsVersion,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    };
    try {
      await this.trx
        .insertInto('users')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet({
            email: row.email,
            name: row.name,
            role: row.role,
            password_hash: row.password_hash,
            credentials_version: row.credentials_version,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    } catch (error) {
      if (isUniqueViolation(error, 'email')) throw new EmailTakenError();
      throw error;
    }
    await this.outbox.append(user.pullEvents());
  }
}
