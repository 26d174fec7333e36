import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASES, transactionsWaitingOnLocks, type TestDatabase } from '../../testing/databases';
import { migrateToLatest, MigrationFailedError } from './migrate';
import { migrations } from './migrations';
import type { Database } from './schema';

function newUser(email: string) {
  return { id: randomUUID(), email, name: 'Test User', role: 'member' as const, password_hash: 'hash' };
}

/** A trainer's published session and `count` members, straight in SQL. */
async function seedSessionWithMembers(db: Kysely<Database>, count: number) {
  const trainer = { ...newUser('tess@example.com'), role: 'trainer' as const };
  const members = Array.from({ length: count }, (_, i) => newUser(`member${i}@example.com`));
  await db.insertInto('users').values([trainer, ...members]).execute();
  const session = { id: randomUUID(), trainer_id: trainer.id, name: 'Yoga', starts_at: new Date('2027-01-04T07:00:00Z'), ends_at: new Date('2027-01-04T08:00:00Z'), capacity: 5, credit_cost: 0, status: 'published' as const };
  await db.insertInto('class_sessions').values(session).execute();
  return { session, members };
}

describe.each(TEST_DATABASES)('migrations on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('creates the schema, and running them again changes nothing', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
    const tables = await database.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['users', 'refresh_tokens', 'outbox']));
  });

  it('refuses a second account with the same email', async () => {
    await database.db.insertInto('users').values(newUser('twice@example.com')).execute();
    await expect(database.db.insertInto('users').values(newUser('twice@example.com')).execute()).rejects.toThrow(
      /users_email_key|unique/,
    );
  });

  it('refuses an unknown role and an email that is not normalised', async () => {
    const unknownRole = { ...newUser('boss@example.com'), role: 'owner' as 'admin' };
    await expect(database.db.insertInto('users').values(unknownRole).execute()).rejects.toThrow(/users_role_check/);
    await expect(database.db.insertInto('users').values(newUser('Mixed@Example.com')).execute()).rejects.toThrow(
      /users_email_lower_check/,
    );
  });

  it('deletes the refresh tokens of a deleted user', async () => {
    const user = newUser('leaving@example.com');
    await database.db.insertInto('users').values(user).execute();
    await database.db
      .insertInto('refresh_tokens')
      .values({ id: randomUUID(), family_id: randomUUID(), user_id: user.id, token_hash: 'h1', expires_at: new Date() })
      .execute();
    await database.db.deleteFrom('users').where('id', '=', user.id).execute();
    const tokens = await database.db.selectFrom('refresh_tokens').select('id').where('user_id', '=', user.id).execute();
    expect(tokens).toEqual([]);
  });

  it('counts the bookings each session already keeps when 0011 adds the booked counts, and forgets them on a truncate', async () => {
    const scratch = await createTestDatabase(kind);
    try {
      await migrations['0011_session_booked_count']?.down?.(scratch.db);
      const { session, members } = await seedSessionWithMembers(scratch.db, 3);
      const statuses = ['confirmed', 'no_show', 'cancelled'] as const;
      await scratch.db
        .insertInto('bookings')
        .values(members.map((member, i) => ({ id: randomUUID(), session_id: session.id, member_id: member.id, status: statuses[i], credits_spent: 0 })))
        .execute();

      // Each migration runs in a transaction of its own, as `migrateToLatest` runs it (0011 locks `bookings` in it).
      await scratch.db.transaction().execute((trx) => migrations['0011_session_booked_count']?.up(trx) ?? Promise.resolve());

      const counts = () => scratch.db.selectFrom('session_booked_counts').selectAll().execute();
      expect(await counts()).toEqual([{ session_id: session.id, booked: 2 }]);
      await sql`truncate bookings cascade`.execute(scratch.db);
      expect(await counts()).toEqual([]);
    } finally {
      await scratch.close();
    }
  });

  it.runIf(kind === 'postgres')('misses no booking another process commits while 0011 counts them', async () => {
    const scratch = await createTestDatabase(kind);
    try {
      await migrations['0011_session_booked_count']?.down?.(scratch.db);
      const { session, members } = await seedSessionWithMembers(scratch.db, 2);
      const book = (db: Kysely<Database>, memberId: string) =>
        db.insertInto('bookings').values({ id: randomUUID(), session_id: session.id, member_id: memberId, status: 'confirmed', credits_spent: 0 }).execute();
      await book(scratch.db, members[0].id);
      // Another API process books, its transaction open when the migration starts and committed while it runs.
      const other = await scratch.db.startTransaction().execute();
      await book(other, members[1].id);
      const migrating = scratch.db.transaction().execute((trx) => migrations['0011_session_booked_count']?.up(trx) ?? Promise.resolve());
      await expect.poll(() => transactionsWaitingOnLocks(scratch.db), { timeout: 10_000, interval: 50 }).toBe(1);
      await other.commit().execute();
      await migrating;

      expect(await scratch.db.selectFrom('session_booked_counts').selectAll().execute()).toEqual([{ session_id: session.id, booked: 2 }]);
    } finally {
      await scratch.close();
    }
  });

  it('rolls back and names the migration that fails', async () => {
    const scratch = await createTestDatabase(kind);
    try {
      for (const name of Object.keys(migrations).sort().reverse()) await migrations[name]?.down?.(scratch.db);
      await sql`delete from kysely_migration`.execute(scratch.db);
      // A leftover table in the way: 0001 creates users and refresh_tokens, then fails on outbox.
      await sql`create table outbox (id int)`.execute(scratch.db);

      const failure = await migrateToLatest(scratch.db).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(MigrationFailedError);
      expect(failure).toMatchObject({
        migrationName: '0001_accounts',
        message: expect.stringContaining('0001_accounts'),
      });
      const tables = (await scratch.db.introspection.getTables()).map((table) => table.name);
      expect(tables).not.toContain('users');
    } finally {
      await scratch.close();
    }
  });
});
