import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  sql,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';
import { pipelined } from './pipelining';

/** A connection that answers only when told to, and remembers what reached it. */
class HeldConnection implements DatabaseConnection {
  readonly received: string[] = [];
  readonly #answers: (() => void)[] = [];

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.received.push(query.sql);
    return new Promise((resolve) => this.#answers.push(() => resolve({ rows: [] })));
  }

  answerAll(): void {
    for (const answer of this.#answers.splice(0)) answer();
  }

  // eslint-disable-next-line require-yield -- never streamed
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('not streamed');
  }
}

function kyselyOn(connection: HeldConnection): Kysely<{ t: { n: number } }> {
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  return new Kysely({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

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
