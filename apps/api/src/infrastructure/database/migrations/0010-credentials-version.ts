import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is frozen in time: it must not follow later
   changes of the Database interface, so it works on an untyped Kysely. */

/**
 * A password change signs every other session out at once: the account's credentials version moves on, and access
 * and refresh tokens issued under an earlier one are refused. Existing accounts and tokens start at 0, which is
 * also what an access token without the claim is read as, so nobody is signed out by the upgrade itself.
 */
export const credentialsVersion = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('users')
      .addColumn('credentials_version', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('users')
      .addCheckConstraint('users_credentials_version_check', sql`credentials_version >= 0`)
      .execute();
    await db.schema
      .alterTable('refresh_tokens')
      .addColumn('credentials_version', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('refresh_tokens').dropColumn('credentials_version').execute();
    // Drops its check constraint with it.
    await db.schema.alterTable('users').dropColumn('credentials_version').execute();
  },
} satisfies Migration;
