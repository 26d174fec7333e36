import { Transaction, type DatabaseConnection } from 'kysely';

/**
 * Runs `work` on a view of Kysely's transaction `trx` that hands each statement to the connection the moment it is
 * issued. Kysely sends a transaction's statements one at a time (it cannot know the driver pipelines); node-postgres
 * in pipeline mode (`connect.ts`) writes statements issued together at once and answers them in order, so reads or
 * writes a use case starts together (`Promise.all`) cost one round trip. Under a popular class's row lock every
 * round trip holds up that class's queue. Statements still run in the order they were issued, and a failing one
 * aborts the transaction as before (those behind it fail with it). PGlite runs them one by one, in the same order.
 */
export function pipelined<DB, T>(trx: Transaction<DB>, work: (piped: Transaction<DB>) => Promise<T>): Promise<T> {
  return trx.getExecutor().provideConnection(async (connection) => {
    const open = { statements: true };
    try {
      return await work(directlyOn(trx, connection, open));
    } finally {
      // What follows on the connection is the commit (or the rollback), and then another unit of work: a statement
      // started after `work` returned (one a write issued after an await, behind `commitBehind`) must not run there.
      open.statements = false;
    }
  });
}

function directlyOn<DB>(trx: Transaction<DB>, connection: DatabaseConnection, open: { statements: boolean }): Transaction<DB> {
  const executor = trx.getExecutor().withConnectionProvider({
    provideConnection: (consume) => (open.statements ? consume(connection) : Promise.reject(new LateStatementError())),
  });
  // A Transaction needs its Kysely's dialect and driver only to open transactions, connections or introspection, which
  // a transaction refuses or never does; the executor carries the compiler, the adapter and the plugins.
  return new Transaction<DB>({ config: { dialect: NOT_INSIDE }, dialect: NOT_INSIDE, driver: NOT_INSIDE, executor });
}

/** A statement started on a unit of work's transaction after its work had returned: refused, never sent. */
export class LateStatementError extends Error {
  constructor() {
    super('A statement was started after its unit of work had returned; every write must issue its statements first');
  }
}

const NOT_INSIDE = new Proxy({} as never, {
  get: (_, property) => {
    throw new Error(`${String(property)} is not available inside a unit of work's transaction`);
  },
});
