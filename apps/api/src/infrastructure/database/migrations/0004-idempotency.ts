import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * Idempotency keys: per caller and key, the request's fingerprint and its first answer (Stripe's "idempotent
 * requests"). The primary key makes "one first answer per caller and key" hold across API processes. A row is in
 * progress while `lock_token` is set and `response_status` is not; `effect` is written in the same transaction as
 * the request's change, so a crash before the answer is stored can still answer it.
 */
export const idempotency = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('fingerprint', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .addColumn('lock_token', 'uuid')
      .addColumn('locked_at', 'timestamptz')
      .addColumn('effect', 'jsonb')
      .addColumn('response_status', 'integer')
      .addColumn('response_headers', 'jsonb')
      .addColumn('response_body', 'text')
      .addColumn('completed_at', 'timestamptz')
      .addPrimaryKeyConstraint('idempotency_keys_pkey', ['user_id', 'key'])
      .addCheckConstraint('idempotency_keys_key_check', sql`char_length(key) between 1 and 255`)
      .execute();
    // The purge of keys older than 24 h.
    await db.schema.createIndex('idempotency_keys_created_at_idx').on('idempotency_keys').column('created_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('idempotency_keys').execute();
  },
} satisfies Migration;
