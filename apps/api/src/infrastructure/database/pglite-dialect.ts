import type { PGliteInterface, Results } from '@electric-sql/pglite';
import {
  AbortedTransactionError,
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex';
import { TYPE_PARSERS } from './type-parsers';

export interface PGliteDialectConfig {
  /** The instance, or a factory run on first use. The dialect owns it: `db.destroy()` closes it. */
  readonly pglite: PGliteInterface | (() => Promise<PGliteInterface>);
}

/**
 * Kysely on PGlite. PGlite has one connection, so a transaction there would interleave with any other query or
 * transaction sent meanwhile (another transaction's COMMIT would commit our half-done work). The driver therefore
 * lends that connection to one holder at a time: a whole transaction, or one statement outside of one.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly config: PGliteDialectConfig) {}

  createDriver(): Driver {
    return new PGliteDriver(this.config);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect interface types it so
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  #connection: PGliteConnection | undefined;
  #release: (() => void) | undefined;

  constructor(private readonly config: PGliteDialectConfig) {}

  async init(): Promise<void> {
    const { pglite } = this.config;
    this.#connection = new PGliteConnection(typeof pglite === 'function' ? await pglite() : pglite);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    if (!this.#connection) {
      release();
      throw new Error('The PGlite driver has been destroyed');
    }
    this.#release = release;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const options = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode];
    await connection.executeQuery(CompiledQuery.raw(['start transaction', ...options.filter(Boolean)].join(' ')));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier error aborted the transaction.
    const { command } = await (connection as PGliteConnection).run(CompiledQuery.raw('commit'));
    if (command === 'ROLLBACK') {
      throw new AbortedTransactionError();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  /** Waits for the current holder to finish, so PGlite is never closed under a running transaction. */
  async destroy(): Promise<void> {
    const release = await this.#mutex.acquire();
    const connection = this.#connection;
    this.#connection = undefined;
    try {
      await connection?.pglite.close();
    } finally {
      release();
    }
  }
}

/** Commands whose row count Kysely reports as `numAffectedRows` (a bigint). */
const COUNTED_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PGliteConnection implements DatabaseConnection {
  constructor(readonly pglite: PGliteInterface) {}

  run<R>(query: CompiledQuery): Promise<Results<R>> {
    return this.pglite.query<R>(query.sql, [...query.parameters], { parsers: TYPE_PARSERS });
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return toQueryResult(await this.run<R>(query));
  }

  /** PGlite has no cursors over its API: the result is read whole, then handed out in chunks. */
  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (!Number.isInteger(chunkSize) || chunkSize <= 0) {
      throw new Error('chunkSize must be a positive integer');
    }
    const { rows, numAffectedRows } = await this.executeQuery<R>(query);
    for (let start = 0; start < rows.length; start += chunkSize) {
      yield { rows: rows.slice(start, start + chunkSize), ...(start === 0 && { numAffectedRows }) };
    }
  }
}

function toQueryResult<R>(result: Results<R>): QueryResult<R> {
  const counted = COUNTED_COMMANDS.has(result.command ?? '');
  return {
    rows: result.rows,
    ...(counted && { numAffectedRows: BigInt(result.rowCount ?? result.affectedRows ?? 0) }),
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
