import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { seedMembersWithTokens, startApiProcesses, startWorkerProcess, type ApiProcesses, type WorkerProcess } from '../../testing/api-processes';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { freshWeek } from '../../testing/scheduling';
import { TEST_JWT_SECRET, TEST_REDIS_URL, forgetRedisKeys } from '../../testing/test-env';



/** Holds across two real API processes on one PostgreSQL database and Redis, as deployed. */
describe('holds across two API processes', () => {
  let database: TestDatabase & { url: string };
  let apis: ApiProcesses;
  const prefix = `fitflow-test-${randomBytes(6).toString('hex')}:`;

  beforeAll(async () => {
    database = await createTestPostgres();
    apis = await startApiProcesses(2, { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET: TEST_JWT_SECRET });
  }, 240_000);
  afterAll(async () => {
    await apis?.stop();
    await database?.close();
    await forgetRedisKeys(prefix);
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
    const [trainer] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1);
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
    const members = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 100);

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
    const [member] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1);
    const sessions = await Promise.all(Array.from({ length: 6 }, () => publishedSession(5)));

    const statuses: number[] = [];
    for (const [i, sessionId] of sessions.entries()) statuses.push((await post(i, `/sessions/${sessionId}/hold`, member?.authorization as string)).status);

    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  }, 120_000);
});

/**
 * Expiry with a worker: holds of 6 s, a sweep every second. A hold whose job is lost from Redis is expired by the
 * sweep; a worker killed with SIGKILL and started again loses no HoldExpired.
 */
describe('hold expiry with a worker', () => {
  let database: TestDatabase & { url: string };
  let apis: ApiProcesses;
  let env: Record<string, string>;
  const workers: WorkerProcess[] = [];
  const prefix = `fitflow-test-${randomBytes(6).toString('hex')}:`;

  beforeAll(async () => {
    database = await createTestPostgres();
    env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET: TEST_JWT_SECRET, HOLD_DURATION: '6s', HOLD_SWEEP_INTERVAL: '1s', RATE_LIMITS: 'hold=1000/1m' };
    apis = await startApiProcesses(1, env);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await apis?.stop();
    await database?.close();
    await forgetRedisKeys(prefix);
  });

  async function holds(count: number): Promise<string[]> {
    const [trainer] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1);
    if (!trainer) throw new Error('No trainer seeded');
    await database.db.updateTable('users').set({ role: 'trainer' }).where('id', '=', trainer.id).execute();
    const week = freshWeek();
    const call = async (path: string, authorization: string, body?: object) => {
      const response = await fetch(`${apis.urls[0]}${path}`, {
        method: 'POST',
        headers: { authorization, ...(body && { 'content-type': 'application/json' }) },
        ...(body && { body: JSON.stringify(body) }),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as { id: string };
    };
    const { id } = await call('/sessions', trainer.authorization, { name: 'Short Holds', capacity: count, startsAt: week.at(2, '07:00'), endsAt: week.at(2, '08:00') });
    await call(`/sessions/${id}/publish`, trainer.authorization);
    const members = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, count);
    return Promise.all(members.map(async ({ authorization }) => (await call(`/sessions/${id}/hold`, authorization)).id));
  }

  const statusesOf = async (ids: string[]) =>
    (await database.db.selectFrom('holds').select('status').where('id', 'in', ids).execute()).map((row) => row.status);
  const expiredEventsOf = async (ids: string[]) =>
    (await database.db.selectFrom('outbox').select('aggregate_id').where('type', '=', 'HoldExpired').where('aggregate_id', 'in', ids).execute()).map((row) => row.aggregate_id);

  it('expires a hold whose job was lost from Redis, through the sweep', async () => {
    workers.push(await startWorkerProcess(env));
    const [holdId] = await holds(1);
    const queue = new Queue('hold-expiry', { connection: { url: TEST_REDIS_URL }, prefix: `${prefix}jobs` });
    try {
      // The worker schedules the job once it has handled HoldCreated; then it is lost.
      await expect.poll(async () => Boolean(await queue.getJob(`hold-expiry-${holdId}`)), { timeout: 20_000 }).toBe(true);
      await queue.remove(`hold-expiry-${holdId}`);
      expect(await queue.getJob(`hold-expiry-${holdId}`)).toBeUndefined();
    } finally {
      await queue.close();
    }

    await expect.poll(() => statusesOf([holdId as string]), { timeout: 30_000, interval: 200 }).toEqual(['expired']);
    expect(await expiredEventsOf([holdId as string])).toEqual([holdId]);
  }, 120_000);

  it('loses no HoldExpired when the worker is killed with SIGKILL and started again', async () => {
    const running = workers.splice(0);
    const ids = await holds(10);
    await Promise.all(running.map((worker) => worker.kill()));

    await expect.poll(async () => (await database.db.selectFrom('holds').select('id').where('id', 'in', ids).where('expires_at', '<=', new Date()).execute()).length, { timeout: 20_000 }).toBe(10);
    expect(await statusesOf(ids)).toEqual(ids.map(() => 'pending')); // lapsed, and nobody to mark them
    workers.push(await startWorkerProcess(env));

    await expect.poll(() => statusesOf(ids), { timeout: 30_000, interval: 200 }).toEqual(ids.map(() => 'expired'));
    expect((await expiredEventsOf(ids)).sort()).toEqual([...ids].sort());
  }, 180_000);
});
