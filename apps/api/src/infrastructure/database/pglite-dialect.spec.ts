import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';

type CounterTables = {
  counters: { id: number; value: number };
  notes: { id: number; text: string };
};

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

function newUser(email: string) {
  return { id: randomUUID(), email, name: 'Test User', role: 'member' as const, password_hash: 'hash' };
}

// Both engines run the same suite: the PGlite dialect must behave like PostgreSQL where it matters.
describe.each(TEST_DATABASES)('transactions and results on %s', (kind) => {
  let database: TestDatabase;
  const db = () => database.db.withTables<CounterTables>();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await sql`create table counters (id int primary key, value int not null)`.execute(database.db);
    await sql`create table notes (id int primary key, text text not null)`.execute(database.db);
  });
  afterAll(() => database?.close());

  it('serialises concurrent read-modify-write transactions that lock the row', async () => {
    await db().insertInto('counters').values({ id: 1, value: 0 }).execute();

    const increment = () =>
      db()
        .transaction()
        .execute(async (trx) => {
          const { value } = await trx
            .selectFrom('counters')
            .select('value')
            .where('id', '=', 1)
            .forUpdate()
            .executeTakeFirstOrThrow();
          await tick();
          await trx.updateTable('counters').set({ value: value + 1 }).where('id', '=', 1).execute();
        });
    await Promise.all(Array.from({ length: 10 }, increment));

    const counter = await db().selectFrom('counters').select('value').where('id', '=', 1).executeTakeFirst();
    expect(counter?.value).toBe(10);
  });

  it("does not let another transaction's commit commit a rolled-back insert", async () => {
    let signalInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (signalInserted = resolve));
    const failing = db()
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 1, text: 'rolled back' }).execute();
        signalInserted();
        await tick(50);
        throw new Error('changed my mind');
      });

    await inserted;
    await db().insertInto('notes').values({ id: 2, text: 'committed' }).execute();
    await expect(failing).rejects.toThrow('changed my mind');

    const notes = await db().selectFrom('notes').select('id').orderBy('id').execute();
    expect(notes).toEqual([{ id: 2 }]);
  });

  it('reports affected rows of insert, update and delete', async () => {
    const emails = ['affected-1@example.com', 'affected-2@example.com'];
    const insert = await database.db.insertInto('users').values(emails.map(newUser)).executeTakeFirstOrThrow();
    const update = await database.db
      .updateTable('users')
      .set({ name: 'Renamed' })
      .where('email', 'in', emails)
      .executeTakeFirstOrThrow();
    const remove = await database.db.deleteFrom('users').where('email', 'in', emails).executeTakeFirstOrThrow();

    expect([insert.numInsertedOrUpdatedRows, update.numUpdatedRows, remove.numDeletedRows]).toEqual([2n, 2n, 2n]);
  });

  // Only our dialect streams: `pg` needs the pg-cursor package for it, which the API does not use.
  if (kind === 'pglite')
  it('streams every row of a query in chunks', async () => {
    await db()
      .insertInto('notes')
      .values(Array.from({ length: 25 }, (_, i) => ({ id: 100 + i, text: `note ${i}` })))
      .execute();
    const streamed: number[] = [];
    for await (const row of db().selectFrom('notes').select('id').where('id', '>=', 100).orderBy('id').stream(10)) {
      streamed.push(row.id);
    }
    expect(streamed).toEqual(Array.from({ length: 25 }, (_, i) => 100 + i));
  });

  it('parses values the same way on every engine', async () => {
    const { rows } = await sql<{ count: unknown; big: unknown; day: unknown; at: unknown; amount: unknown }>`
      select count(*) as count, 42::int8 as big, '2024-03-01'::date as day,
             '2024-03-01T10:00:00Z'::timestamptz as at, 12.50::numeric(10, 2) as amount`.execute(database.db);
    expect(rows[0]).toEqual({
      count: 1,
      big: 42,
      day: '2024-03-01',
      at: new Date('2024-03-01T10:00:00Z'),
      amount: '12.50',
    });
  });

  it('refuses an int8 that a number cannot hold exactly', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(database.db)).rejects.toThrow(RangeError);
  });

  it('fails the commit of a transaction that an error aborted', async () => {
    const aborted = db()
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 3, text: 'lost' }).execute();
        await sql`select 1 / 0`.execute(trx).catch(() => undefined);
      });
    await expect(aborted).rejects.toThrow(/rolled back|aborted/i);
    expect(await db().selectFrom('notes').select('id').where('id', '=', 3).execute()).toEqual([]);
  });
});
