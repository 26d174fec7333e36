import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type PostgresPool } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';
import { TYPE_PARSERS } from './type-parsers';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Ends the pool or closes PGlite; waits for running queries. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL when set; the embedded PGlite otherwise. */
  readonly databaseUrl?: string;
  /** The application's data folder; PGlite keeps its files in `<dataDir>/pglite`. */
  readonly dataDir: string;
  readonly poolSize?: number;
  /** An idle pooled connection failed (e.g. the server restarted); the pool has already dropped it. */
  readonly onPoolError?: (error: Error) => void;
}

export const DEFAULT_POOL_SIZE = 10;

export function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? Promise.resolve(connectPostgres(options.databaseUrl, options))
    : connectPglite(join(options.dataDir, 'pglite'));
}

export function connectPostgres(
  databaseUrl: string,
  options: Pick<ConnectOptions, 'poolSize' | 'onPoolError'> = {},
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types: { getTypeParser: pgTypeParser },
    // Statements issued together go out together (see `pipelined`); one at a time they behave as without it.
    pipeline: true,
  } as pg.PoolConfig);
  // Without a listener, an idle client's error (server restart, terminated backend) crashes the process.
  pool.on('error', options.onPoolError ?? ((error) => console.warn('PostgreSQL pool dropped a connection:', error)));
  return handleFor(new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingStatements(pool) }) }), 'postgres');
}

/**
 * Names every statement after its text, so each connection prepares it once and PostgreSQL keeps its plan.
 * Our queries come in a few shapes built by code, and for the busiest (the schedule's week) planning cost four
 * times the execution. The set of names is bounded by the shapes of our queries.
 */
function preparingStatements(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query: ((text: string, values: unknown[]) => {
          writeTogether(client);
          const sent = client.query({ name: statementName(text), text, values });
          return text === 'begin' ? answeredAtOnce(sent) : sent;
        }) as never,
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}

/**
 * Holds the connection's socket writes until the code running now is done, so statements issued together (see
 * `pipelined`) leave in one system call rather than one each: with the database on the same machine, those calls
 * were a quarter of the API's CPU time in the booking rush (node-postgres corks only each statement's own messages).
 */
function writeTogether(client: pg.PoolClient): void {
  const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
  if (socket.writableCorked > 0) return;
  socket.cork();
  process.nextTick(() => socket.uncork());
}

/**
 * BEGIN answered before PostgreSQL answers it, so the transaction's first statements follow it in the same round
 * trip instead of one later. It fails only with its connection (no timeout is set on our statements), and the
 * statements behind it then fail too.
 */
function answeredAtOnce(sent: Promise<pg.QueryResult>): Promise<Pick<pg.QueryResult, 'command' | 'rowCount' | 'rows'>> {
  sent.catch(() => undefined);
  return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [] });
}

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    // Bounded like the server's side: a runaway number of shapes only costs hashing again.
    if (statementNames.size >= 1000) statementNames.clear();
    name = `k${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

/** PGlite in `pgDataDir` (created if missing), or in memory when it is `memory://`. */
export async function connectPglite(pgDataDir: string): Promise<DatabaseHandle> {
  if (!pgDataDir.startsWith('memory://')) {
    // PGlite creates its own folder but not the parents.
    await mkdir(dirname(pgDataDir), { recursive: true });
  }
  return openPglite(await PGlite.create(pgDataDir));
}

/** Wraps an open PGlite (a test's clone, for instance); closing the handle closes it. */
export function openPglite(pglite: PGliteInterface): DatabaseHandle {
  return handleFor(new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), 'pglite');
}

/** Readiness: resolves when the database answers, rejects otherwise. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

function handleFor(db: Kysely<Database>, kind: DatabaseKind): DatabaseHandle {
  return { db, kind, close: () => db.destroy() };
}

/** Our overrides (see type-parsers.ts) for text results, `pg`'s defaults for everything else. */
const pgTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  format !== 'binary' && oid in TYPE_PARSERS
    ? TYPE_PARSERS[oid]
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;
