import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/** A connection that answers only when told to, and remembers what reached it. */
export class HeldConnection implements DatabaseConnection {
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

/** A Kysely whose every transaction runs on `connection`: what reaches it, and when, is the test's to see. */
export function kyselyOn(connection: HeldConnection): Kysely<{ t: { n: number } }> {
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    // Noted, and answered at once: what a test holds is the statements' answers.
    commitTransaction: async () => void connection.received.push('commit'),
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
