import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server benchmarks create their databases on (as the test suites do). */
export const SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops the database, closing whatever is still connected. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one benchmark run, named `<prefix>_<random>` so that runs (and different
 * benchmarks) never touch each other's data.
 */
export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(`create database ${name}`);
  return {
    name,
    url: Object.assign(new URL(SERVER_URL), { pathname: `/${name}` }).toString(),
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
