import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noShowJobId } from '@fitflow/application-booking';
import { seedMembersWithTokens, startApiProcesses, startWorkerProcess, type ApiProcesses, type WorkerProcess } from '../../testing/api-processes';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { TEST_JWT_SECRET, TEST_REDIS_URL, forgetRedisKeys } from '../../testing/test-env';



interface ShortClass {
  sessionId: string;
  endsAt: string;
  trainer: string;
  members: { id: string; authorization: string; bookingId: string }[];
}

/**
 * No-shows with a real API process and worker on PostgreSQL and Redis, as deployed, on classes a few seconds long.
 * A class that ends while the worker is killed with SIGKILL has its no-shows marked once the worker is back; a
 * class whose no-show job is lost from Redis has them marked by the sweep (NO_SHOW_SWEEP_INTERVAL=1s).
 */
describe('no-shows with a worker', () => {
  let database: TestDatabase & { url: string };
  let api: ApiProcesses;
  let env: Record<string, string>;
  let jobs: Queue;
  const workers: WorkerProcess[] = [];
  const prefix = `fitflow-test-${randomBytes(6).toString('hex')}:`;

  beforeAll(async () => {
    database = await createTestPostgres();
    env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET: TEST_JWT_SECRET, NO_SHOW_SWEEP_INTERVAL: '1s' };
    api = await startApiProcesses(1, env);
    jobs = new Queue('no-shows', { connection: { url: TEST_REDIS_URL }, prefix: `${prefix}jobs` });
  }, 240_000);
  afterAll(async () => {
    await jobs?.close();
    await Promise.all(workers.map((worker) => worker.stop()));
    await api?.stop();
    await database?.close();
    await forgetRedisKeys(prefix);
  });

  const call = async <T = { id: string; code: string }>(method: 'GET' | 'POST', path: string, authorization: string, body?: object): Promise<T> => {
    const response = await fetch(`${api.urls[0]}${path}`, {
      method,
      headers: { authorization, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as T;
  };

  /** A published class starting `startsInMs` from now and lasting `lengthMs`, booked by `count` members. */
  async function shortClass(startsInMs: number, lengthMs: number, count: number): Promise<ShortClass> {
    const [trainer] = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, 1);
    if (!trainer) throw new Error('No trainer seeded');
    await database.db.updateTable('users').set({ role: 'trainer' }).where('id', '=', trainer.id).execute();
    const startsAt = new Date(Date.now() + startsInMs);
    const endsAt = new Date(startsAt.getTime() + lengthMs).toISOString();
    const { id: sessionId } = await call('POST', '/sessions', trainer.authorization, { name: 'Short Class', capacity: count, startsAt: startsAt.toISOString(), endsAt });
    await call('POST', `/sessions/${sessionId}/publish`, trainer.authorization);
    const seeded = await seedMembersWithTokens(database.db, TEST_JWT_SECRET, count);
    const members = await Promise.all(seeded.map(async (member) => ({ ...member, bookingId: (await call('POST', `/sessions/${sessionId}/book`, member.authorization)).id })));
    return { sessionId, endsAt, trainer: trainer.authorization, members };
  }

  /** The worker schedules the job once it has handled SessionPublished. */
  const jobScheduledFor = ({ sessionId, endsAt }: ShortClass) =>
    expect.poll(async () => Boolean(await jobs.getJob(noShowJobId(sessionId, endsAt))), { timeout: 30_000 }).toBe(true);
  const over = ({ endsAt }: ShortClass) => expect.poll(() => Date.now() >= Date.parse(endsAt), { timeout: 60_000, interval: 200 }).toBe(true);
  const statusesOf = async ({ members }: ShortClass) =>
    (await database.db.selectFrom('bookings').select(['id', 'status']).where('id', 'in', members.map((member) => member.bookingId)).orderBy('id').execute()).map(
      (row) => [row.id, row.status],
    );
  const noShowEventsOf = async ({ members }: ShortClass) =>
    (
      await database.db
        .selectFrom('outbox')
        .select('aggregate_id')
        .where('type', '=', 'BookingMarkedNoShow')
        .where('aggregate_id', 'in', members.map((member) => member.bookingId))
        .execute()
    )
      .map((row) => row.aggregate_id)
      .sort();

  it('marks the no-shows of a class that ended while the worker was killed with SIGKILL, once it is back', async () => {
    workers.push(await startWorkerProcess(env));
    const lesson = await shortClass(20_000, 10_000, 3);
    const [arrived, ...absent] = lesson.members;
    if (!arrived) throw new Error('No member booked');
    const { code } = await call('GET', `/bookings/${arrived.bookingId}/checkin-code`, arrived.authorization);
    await call('POST', '/checkins', lesson.trainer, { code });
    await jobScheduledFor(lesson);

    await Promise.all(workers.splice(0).map((worker) => worker.kill()));
    await over(lesson);

    // Nobody has stored them, yet every read already shows the absent members as no-shows.
    expect((await statusesOf(lesson)).map(([, status]) => status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const roster = await call<{ bookingId: string; status: string }[]>('GET', `/sessions/${lesson.sessionId}/roster`, lesson.trainer);
    expect(Object.fromEntries(roster.map((entry) => [entry.bookingId, entry.status]))).toEqual({
      [arrived.bookingId]: 'confirmed',
      ...Object.fromEntries(absent.map((member) => [member.bookingId, 'no_show'])),
    });

    workers.push(await startWorkerProcess(env));

    const expected = lesson.members.map((member) => [member.bookingId, member === arrived ? 'confirmed' : 'no_show']).sort();
    await expect.poll(() => statusesOf(lesson), { timeout: 30_000, interval: 200 }).toEqual(expected);
    expect(await noShowEventsOf(lesson)).toEqual(absent.map((member) => member.bookingId).sort());
  }, 240_000);

  it('marks the no-shows of a class whose job was lost from Redis, through the sweep', async () => {
    if (workers.length === 0) workers.push(await startWorkerProcess(env));
    const lesson = await shortClass(8_000, 2_000, 2);
    await jobScheduledFor(lesson);
    await jobs.remove(noShowJobId(lesson.sessionId, lesson.endsAt));
    expect(await jobs.getJob(noShowJobId(lesson.sessionId, lesson.endsAt))).toBeUndefined();

    await over(lesson);

    await expect.poll(async () => (await statusesOf(lesson)).map(([, status]) => status), { timeout: 30_000, interval: 200 }).toEqual(['no_show', 'no_show']);
    expect(await noShowEventsOf(lesson)).toEqual(lesson.members.map((member) => member.bookingId).sort());
  }, 240_000);
});
