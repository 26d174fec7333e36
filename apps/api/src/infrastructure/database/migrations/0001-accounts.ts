import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

export const accounts = {
  async up(db: Kysely<any>) {
    await createUsers(db);
    await createRefreshTokens(db);
    await createOutbox(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('outbox').execute();
    await db.schema.dropTable('refresh_tokens').execute();
    await db.schema.dropTable('users').execute();
  },
} satisfies Migration;

async function createUsers(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_role_check', sql`role in ('member', 'trainer', 'admin')`)
    // The unique index means "one account per address" only if addresses are stored normalised.
    .addCheckConstraint('users_email_lower_check', sql`email = lower(email)`)
    .execute();
  // The admin list filters by role or not, pages newest first (id breaks ties for keyset paging) and narrows by a
  // name/email substring, which no B-tree serves: the search filters the rows these indexes deliver in order.
  await db.schema.createIndex('users_role_created_at_idx').on('users').columns(['role', 'created_at', 'id']).execute();
  await db.schema.createIndex('users_created_at_idx').on('users').columns(['created_at', 'id']).execute();
}

async function createRefreshTokens(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('family_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('rotated_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  // Reuse of a rotated token revokes its whole family.
  await db.schema.createIndex('refresh_tokens_family_id_idx').on('refresh_tokens').column('family_id').execute();
  // Logging a user out everywhere, and the cascade when a user is deleted, find tokens by user.
  await db.schema.createIndex('refresh_tokens_user_id_idx').on('refresh_tokens').column('user_id').execute();
}

async function createOutbox(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('seq', 'bigint', (col) => col.notNull().generatedAlwaysAsIdentity())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('aggregate_id', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('published_at', 'timestamptz')
    .execute();
  // The relay reads the pending events oldest first; published ones pile up and must not slow that down.
  await db.schema
    .createIndex('outbox_pending_seq_idx')
    .on('outbox')
    .column('seq')
    .where(sql.ref('published_at'), 'is', null)
    .execute();
}
