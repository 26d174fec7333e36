/** The rows the benches seed straight in SQL: trainers, members and published sessions. */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark drives the API from outside, on purpose: it migrates
   and seeds with the API's own adapters; nothing imports the benchmark. */
import { connectPostgres } from '../../../apps/api/src/infrastructure/database/connect';
import { migrateToLatest } from '../../../apps/api/src/infrastructure/database/migrate';
import type { Database } from '../../../apps/api/src/infrastructure/database/schema';
/* eslint-enable @nx/enforce-module-boundaries */

export type BenchDatabase = Kysely<Database>;

/** Connects, brings the schema up to date, seeds, and closes the connection however seeding ends. */
export async function seedDatabase<T>(url: string, seed: (db: BenchDatabase) => Promise<T>): Promise<T> {
  const { db, close } = connectPostgres(url);
  try {
    await migrateToLatest(db);
    return await seed(db);
  } finally {
    await close();
  }
}

/** A trainer for each name (`tess@bench.test` for Tess); they never sign in. */
export async function insertTrainers(db: BenchDatabase, names: readonly string[]): Promise<{ id: string }[]> {
  const trainers = names.map((name) => ({
    id: randomUUID(),
    email: `${name.toLowerCase()}@bench.test`,
    name,
    role: 'trainer' as const,
    password_hash: 'x',
  }));
  await db.insertInto('users').values(trainers).execute();
  return trainers;
}

/** `count` members, `member1@bench.test` on; they never sign in. */
export async function insertMembers(db: BenchDatabase, count: number): Promise<{ id: string }[]> {
  const { rows } = await sql<{ id: string }>`
    insert into users (id, email, name, role, password_hash)
    select gen_random_uuid(), 'member' || i || '@bench.test', 'Member ' || i, 'member', 'x'
    from generate_series(1, ${count}) as i
    returning id`.execute(db);
  return rows;
}

/** Published one-hour sessions one after the other, three days ahead, so booking them is open; 1 credit unless said. */
export async function insertSessions(
  db: BenchDatabase,
  trainerId: string,
  sessions: readonly { id: string; name: string; capacity: number; creditCost?: number }[],
): Promise<void> {
  const startsAt = Date.now() + 3 * 86_400_000;
  await db
    .insertInto('class_sessions')
    .values(
      sessions.map(({ id, name, capacity, creditCost = 1 }, i) => ({
        id,
        trainer_id: trainerId,
        name,
        starts_at: new Date(startsAt + i * 3_600_000),
        ends_at: new Date(startsAt + (i + 1) * 3_600_000),
        capacity,
        credit_cost: creditCost,
        status: 'published' as const,
      })),
    )
    .execute();
}
