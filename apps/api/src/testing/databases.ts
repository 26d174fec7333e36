import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import {
  connectPostgres,
  openPglite,
  type DatabaseHandle,
  type DatabaseKind,
} from '../infrastructure/database/connect';
import { migrateToLatest } from '../infrastructure/database/migrate';
import type { Database } from '../infrastructure/database/schema';

/** A fresh, migrated database of its own; `close()` disposes of it. */
export interface TestDatabase extends DatabaseHandle {
  /** The connection URL (PostgreSQL only), for a second process or a second pool on the same database. */
  readonly url?: string;
}

/** Every engine the API runs on: suites `describe.each(TEST_DATABASES)` so each runs on both. */
export const TEST_DATABASES = ['postgres', 'pglite'] as const satisfies readonly DatabaseKind[];

export function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'postgres' ? createTestPostgres() : createTestPglite();
}

const SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops the database, closing whatever is still connected. */
  drop(): Promise<void>;
}

/**
 * A new, empty database `<prefix>_<random>` on the test server (tests, benchmarks), so that runs never touch
 * each other's data; `drop()` removes it.
 */
export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(8).toString('hex')}`;
  await onServer(`create database ${name}`);
  return { name, url: urlOfDatabase(name), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

/** A new database `fitflow_test_<random>` on the test server, migrated; `close()` drops it. */
export async function createTestPostgres(): Promise<TestDatabase & { url: string }> {
  const { url, drop } = await scratchDatabase('fitflow_test');
  const handle = connectPostgres(url, { poolSize: 5, onPoolError: warnUnlessTerminatedByDrop });
  const close = async () => {
    await handle.close();
    await drop();
  };
  await migrateOrClose(handle, close);
  return { db: handle.db, kind: handle.kind, url, close };
}

/**
 * `pool.end()` resolves before the server has seen every connection go, so DROP ... WITH (FORCE) may terminate
 * (57P01) connections the pool already let go of: expected, not worth a warning.
 */
function warnUnlessTerminatedByDrop(error: Error & { code?: string }): void {
  if (error.code !== '57P01') {
    console.warn('Test database pool dropped a connection:', error);
  }
}

let template: Promise<PGlite> | undefined;

/**
 * A migrated in-memory PGlite. Starting and migrating PGlite takes seconds, so each process migrates one template
 * once and hands out clones of it (under a second each). The template lives as long as the process: in memory it
 * holds nothing that keeps the process alive.
 */
export async function createTestPglite(): Promise<TestDatabase> {
  template ??= createPgliteTemplate();
  return openPglite(await (await template).clone());
}

async function createPgliteTemplate(): Promise<PGlite> {
  const pglite = await PGlite.create();
  // A throwaway Kysely on the template: destroying it would close the template, so it is simply dropped.
  await migrateToLatest(openPglite(pglite).db);
  return pglite;
}

async function migrateOrClose(handle: DatabaseHandle, close: () => Promise<void>): Promise<void> {
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs one statement on the server's maintenance database: a database cannot create or drop itself. */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function urlOfDatabase(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** How many transactions of `db`'s PostgreSQL database wait on a lock now: a test sees a second one queue. */
export async function transactionsWaitingOnLocks(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::integer as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
  return rows[0]?.n ?? 0;
}
