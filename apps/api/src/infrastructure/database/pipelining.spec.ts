import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';
import { HeldConnection, kyselyOn } from '../../testing/held-connection';
import { LateStatementError, pipelined } from './pipelining';

describe('pipelined', () => {
  it('hands statements started together to the connection before the first is answered', async () => {
    const connection = new HeldConnection();
    const db = kyselyOn(connection);

    const work = db.transaction().execute((trx) =>
      pipelined(trx, (piped) => {
        const both = Promise.all([piped.selectFrom('t').select('n').execute(), piped.insertInto('t').values({ n: 1 }).execute()]);
        queueMicrotask(() => setTimeout(() => connection.answerAll(), 0));
        return both;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(connection.received).toEqual(['select "n" from "t"', 'insert into "t" ("n") values ($1)']);
    await work;
  });

  it('refuses a statement started on its view once the work has returned: it never reaches the connection', async () => {
    const connection = new HeldConnection();
    const db = kyselyOn(connection);

    await db.transaction().execute(async (trx) => {
      let view: typeof trx | undefined;
      await pipelined(trx, async (piped) => void (view = piped));
      // Still inside the transaction, before its commit: where a late write of `commitBehind` would land.
      await expect(view?.selectFrom('t').select('n').execute()).rejects.toBeInstanceOf(LateStatementError);
    });

    expect(connection.received).toEqual(['commit']);
  });

  it('leaves plain Kysely one statement at a time (which is why it exists)', async () => {
    const connection = new HeldConnection();
    const db = kyselyOn(connection);

    const work = db.transaction().execute((trx) =>
      Promise.all([trx.selectFrom('t').select('n').execute(), trx.insertInto('t').values({ n: 1 }).execute()]),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(connection.received).toEqual(['select "n" from "t"']);
    connection.answerAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    connection.answerAll();
    await work;
  });
});

describe.each(TEST_DATABASES)('pipelined on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await sql`create table pipelined_rows (n int primary key)`.execute(database.db);
  });
  afterAll(() => database?.close());

  it('runs statements started together in the order they were started', async () => {
    const [, , seen] = await database.db.transaction().execute((trx) =>
      pipelined(trx, (piped) =>
        Promise.all([
          sql`insert into pipelined_rows values (1)`.execute(piped),
          sql`insert into pipelined_rows values (2)`.execute(piped),
          sql<{ n: number }>`select count(*)::int as n from pipelined_rows`.execute(piped),
        ]),
      ),
    );

    expect(seen.rows).toEqual([{ n: 2 }]);
  });

  it('fails with the first failing statement and rolls back all of them', async () => {
    const work = database.db.transaction().execute((trx) =>
      pipelined(trx, (piped) =>
        Promise.all([
          sql`insert into pipelined_rows values (10)`.execute(piped),
          sql`insert into pipelined_rows values (1)`.execute(piped),
          sql`insert into pipelined_rows values (11)`.execute(piped),
        ]),
      ),
    );

    await expect(work).rejects.toThrow(/duplicate key/);
    const rows = await sql<{ n: number }>`select n from pipelined_rows order by n`.execute(database.db);
    expect(rows.rows).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
