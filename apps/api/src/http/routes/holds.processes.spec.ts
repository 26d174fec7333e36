import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { seedMembersWithTokens, startApiProcesses, type ApiProcesses } from '../../testing/api-processes';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { freshWeek } from '../../testing/scheduling';

/** Holds across two real API processes on one PostgreSQL database and Redis, as deployed. */
describe('holds across two API processes', () => {
  let database: TestDatabase & { url: string };
  let apis: ApiProcesses;
  const prefix = `fitflow-test-${randomBytes(6).toString('hex')}:`;
  const jwtSecret = 'test-secret-that-is-long-enough-0123456789';

  beforeAll(async () => {
    database = await createTestPostgres();
    apis = await startApiProcesses(2, { DATABASE_URL: database.url, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: prefix, JWT_SECRET: jwtSecret });
  }, 240_000);
  afterAll(async () => {
    await apis?.stop();
    await database?.close();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const post = async (i: number, path: string, authorization: string, body?: object) => {
    const response = await fetch(`${apis.urls[i % apis.urls.length]}${path}`, {
      method: 'POST',
      headers: { authorization, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as { id: string; code?: string } };
  };

  async function publishedSession(capacity: number): Promise<string> {
    const [trainer] = await seedMembersWithTokens(database.db, jwtSecret, 1);
    if (!trainer) throw new Error('No trainer seeded');
    await database.db.updateTable('users').set({ role: 'trainer' }).where('id', '=', trainer.id).execute();
    const week = freshWeek();
    const body = { name: 'Rush Hold', capacity, creditCost: 1, startsAt: week.at(2, '07:00'), endsAt: week.at(2, '08:00') };
    const { json } = await post(0, '/sessions', trainer.authorization, body);
    expect((await post(1, `/sessions/${json.id}/publish`, trainer.authorization)).status).toBe(200);
    return json.id;
  }

  const taken = async (sessionId: string) => {
    const row = await database.db
      .selectFrom('class_sessions as s')
      .select((eb) => [
        eb.selectFrom('bookings').select(eb.fn.countAll<string>().as('n')).whereRef('session_id', '=', 's.id').where('status', '=', 'confirmed').as('booked'),
        eb.selectFrom('holds').select(eb.fn.countAll<string>().as('n')).whereRef('session_id', '=', 's.id').where('status', '=', 'pending').as('held'),
      ])
      .where('s.id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return Number(row.booked) + Number(row.held);
  };

  it('never gives more than 10 spots to 100 members racing holds and bookings, and ends with 10 bookings once all confirm', async () => {
    const sessionId = await publishedSession(10);
    const members = await seedMembersWithTokens(database.db, jwtSecret, 100);

    const answers = await Promise.all(
      members.map(({ authorization }, i) => post(i, `/sessions/${sessionId}/${i % 2 ? 'hold' : 'book'}`, authorization)),
    );

    const granted = answers.filter((answer) => answer.status === 201);
    expect(granted).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 409 && answer.json.code === 'SESSION_FULL')).toHaveLength(90);
    expect(await taken(sessionId)).toBe(10);

    const holders = answers.flatMap((answer, i) => (answer.status === 201 && i % 2 ? [{ holdId: answer.json.id, authorization: members[i]?.authorization as string }] : []));
    const confirmed = await Promise.all(holders.map(({ holdId, authorization }, i) => post(i, `/holds/${holdId}/confirm`, authorization)));
    expect(confirmed.map((answer) => answer.status)).toEqual(holders.map(() => 201));
    const bookings = await database.db.selectFrom('bookings').select('id').where('session_id', '=', sessionId).where('status', '=', 'confirmed').execute();
    expect(bookings).toHaveLength(10);
  }, 120_000);

  it('refuses the sixth hold of a minute, whichever process each request reaches', async () => {
    const [member] = await seedMembersWithTokens(database.db, jwtSecret, 1);
    const sessions = await Promise.all(Array.from({ length: 6 }, () => publishedSession(5)));

    const statuses: number[] = [];
    for (const [i, sessionId] of sessions.entries()) statuses.push((await post(i, `/sessions/${sessionId}/hold`, member?.authorization as string)).status);

    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  }, 120_000);
});
