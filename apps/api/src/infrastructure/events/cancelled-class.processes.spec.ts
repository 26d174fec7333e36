import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { seedMembersWithTokens, startApiProcesses, startWorkerProcess, type ApiProcesses, type WorkerProcess } from '../../testing/api-processes';
import { createTestPostgres, type TestDatabase } from '../../testing/databases';
import { freshWeek } from '../../testing/scheduling';
import { TEST_JWT_SECRET, TEST_REDIS_URL, forgetRedisKeys } from '../../testing/test-env';
import { TEST_CREDITS } from '../../testing/test-app';

/**
 * The shared shape, as deployed: two API processes and one worker (`main.ts`, `worker.ts`) on one PostgreSQL
 * database and Redis. A trainer cancels a class with 30 bookings; the worker cancels them all with a full refund,
 * once, even when it is killed in the middle and started again.
 */
describe('a cancelled class, across two API processes and a worker', () => {
  const bookingsPerClass = 30;
  let database: TestDatabase & { url: string };
  let apis: ApiProcesses;
  let env: Record<string, string>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createTestPostgres();
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `fitflow-test-${randomBytes(6).toString('hex')}:`,
      JWT_SECRET: TEST_JWT_SECRET,
      // A claim whose worker died is due again after this: short, so the restarted worker need not wait long.
      EVENT_LEASE: '2s',
    };
    apis = await startApiProcesses(2, env);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await apis?.stop();
    await database?.close();
    await forgetRedisKeys(env['REDIS_PREFIX'] as string); // the workers' job schedules
  });

  const call = async (url: string, method: string, path: string, authorization: string, body?: object) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as { id: string } };
  };

  /** A published class booked by `bookingsPerClass` members, half through each API process. */
  async function bookedClass(): Promise<{ sessionId: string; cancel: () => Promise<number> }> {
    const [trainer] = await seedMembersWithTokens(database.db, env['JWT_SECRET'] as string, 1);
    if (!trainer) throw new Error('No trainer seeded');
    await database.db.updateTable('users').set({ role: 'trainer' }).where('id', '=', trainer.id).execute();
    const [first, second] = apis.urls as [string, string];
    const week = freshWeek();
    const created = await call(first, 'POST', '/sessions', trainer.authorization, {
      name: 'Sunrise Flow',
      capacity: bookingsPerClass,
      creditCost: 2,
      startsAt: week.at(2, '07:00'),
      endsAt: week.at(2, '08:00'),
    });
    expect(created.status).toBe(201);
    const sessionId = created.json.id;
    expect((await call(first, 'POST', `/sessions/${sessionId}/publish`, trainer.authorization)).status).toBe(200);
    const members = await seedMembersWithTokens(database.db, env['JWT_SECRET'] as string, bookingsPerClass);
    const booked = await Promise.all(members.map(({ authorization }, i) => call(i % 2 ? second : first, 'POST', `/sessions/${sessionId}/book`, authorization)));
    expect(booked.map((response) => response.status)).toEqual(members.map(() => 201));
    const cancel = async () => (await call(second, 'POST', `/sessions/${sessionId}/cancel`, trainer.authorization, { reason: 'The studio is flooded' })).status;
    return { sessionId, cancel };
  }

  const bookingsOf = (sessionId: string) =>
    database.db
      .selectFrom('bookings')
      .select(['id', 'status', 'refund_percentage', 'credits_refunded', 'cancellation_reason'])
      .where('session_id', '=', sessionId)
      .execute();
  const cancelledCount = async (sessionId: string) => (await bookingsOf(sessionId)).filter((booking) => booking.status === 'cancelled').length;

  /** BookingCancelled events per booking of the session: each must appear exactly once. */
  async function cancellationEventsPerBooking(sessionId: string): Promise<number[]> {
    const events = await database.db.selectFrom('outbox').select(['aggregate_id', 'payload']).where('type', '=', 'BookingCancelled').execute();
    const counts = new Map<string, number>();
    for (const event of events) {
      if ((event.payload as { sessionId?: string }).sessionId === sessionId) counts.set(event.aggregate_id, (counts.get(event.aggregate_id) ?? 0) + 1);
    }
    return [...counts.values()];
  }

  async function expectAllCancelledOnce(sessionId: string): Promise<void> {
    const bookings = await bookingsOf(sessionId);
    expect(bookings).toHaveLength(bookingsPerClass);
    for (const booking of bookings) {
      expect(booking).toMatchObject({ status: 'cancelled', refund_percentage: 100, credits_refunded: 2, cancellation_reason: 'The studio is flooded' });
    }
    expect(await cancellationEventsPerBooking(sessionId)).toEqual(bookings.map(() => 1));
    // Each member got the 2 credits back once: one refund line per booking, every balance whole again.
    const refunds = await database.db
      .selectFrom('credit_transactions')
      .select(['booking_id', 'amount'])
      .where('type', '=', 'refund')
      .where('booking_id', 'in', bookings.map((booking) => booking.id))
      .execute();
    expect(refunds.map((line) => line.amount).sort()).toEqual(bookings.map(() => 2));
    const balances = await database.db
      .selectFrom('bookings')
      .innerJoin('memberships', 'memberships.member_id', 'bookings.member_id')
      .select('memberships.balance')
      .where('bookings.session_id', '=', sessionId)
      .execute();
    expect(balances.map((row) => row.balance)).toEqual(bookings.map(() => TEST_CREDITS));
  }

  it(`cancels all ${bookingsPerClass} bookings with a full refund within seconds, each once`, async () => {
    workers.push(await startWorkerProcess(env));
    const { sessionId, cancel } = await bookedClass();

    const cancelledAt = Date.now();
    expect(await cancel()).toBe(200);

    await expect.poll(() => cancelledCount(sessionId), { timeout: 20_000, interval: 100 }).toBe(bookingsPerClass);
    console.info(`${bookingsPerClass} bookings cancelled by the worker ${Date.now() - cancelledAt} ms after the class was`);
    await expectAllCancelledOnce(sessionId);
  }, 240_000);

  it('finishes the work of a worker killed (SIGKILL) in the middle of it, once, after a restart', async () => {
    const worker = workers[0] ?? (await startWorkerProcess(env));
    workers.length = 0;
    const { sessionId, cancel } = await bookedClass();
    // Hold one booking's row, so the worker's cascade stops halfway: the session row locked, bookings not yet done.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      const [held] = await bookingsOf(sessionId);
      await blocker.query('begin');
      await blocker.query('select 1 from bookings where id = $1 for update', [held?.id]);
      expect(await cancel()).toBe(200);
      await expect.poll(() => workerWaitsOnALock(blocker), { timeout: 20_000, interval: 100 }).toBe(true);

      await worker.kill();
      await blocker.query('rollback');
    } finally {
      await blocker.end();
    }
    expect(await cancelledCount(sessionId)).toBe(0);

    workers.push(await startWorkerProcess(env));

    await expect.poll(() => cancelledCount(sessionId), { timeout: 30_000, interval: 200 }).toBe(bookingsPerClass);
    await expectAllCancelledOnce(sessionId);
    const delivery = await database.db
      .selectFrom('event_deliveries')
      .innerJoin('outbox', 'outbox.id', 'event_deliveries.event_id')
      .select(['status', 'attempts'])
      .where('outbox.type', '=', 'SessionCancelled')
      .where('outbox.aggregate_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(delivery).toEqual({ status: 'handled', attempts: 2 });
  }, 240_000);
});


/** Some other connection of this database waits for a lock (the worker's cascade, behind the blocker's row). */
async function workerWaitsOnALock(blocker: pg.Client): Promise<boolean> {
  const { rows } = await blocker.query(
    `select count(*)::int as waiting from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
  );
  return (rows[0] as { waiting: number }).waiting > 0;
}
