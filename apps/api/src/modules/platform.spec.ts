import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../config';
import { createCore, type Core } from '../core';
import { seedMembersWithTokens } from '../testing/api-processes';
import { createTestDatabase, TEST_DATABASES } from '../testing/databases';
import { platformModule } from './platform';
import { TEST_JWT_SECRET } from '../testing/test-env';

const DAY = 86_400_000;

describe.each(TEST_DATABASES)('the housekeeping jobs on %s', (kind) => {
  let core: Core;
  let jobs: ReturnType<typeof platformModule>['jobs'];

  beforeAll(async () => {
    const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET });
    core = await createCore(config, pino({ level: 'silent' }), { database: await createTestDatabase(kind) });
    jobs = platformModule(core).jobs;
  });
  afterAll(() => core?.close());

  const run = (name: string) => jobs.find((job) => job.name === name)?.run();
  const ago = (ms: number) => new Date(Date.now() - ms);

  it('repeats both every hour', () => {
    expect(jobs.map(({ name, everyMs }) => ({ name, everyMs }))).toEqual([
      { name: 'idempotency-keys-purge', everyMs: 3_600_000 },
      { name: 'delivered-events-purge', everyMs: 3_600_000 },
    ]);
  });

  it('purges idempotency keys older than 24 h, and keeps the younger ones', async () => {
    const [user] = await seedMembersWithTokens(core.db, 'x'.repeat(32), 1);
    const key = (name: string, createdAt: Date) => ({ user_id: user?.id as string, key: name, fingerprint: 'f', created_at: createdAt });
    await core.db.insertInto('idempotency_keys').values([key('old', ago(DAY + 60_000)), key('young', ago(DAY - 60_000))]).execute();

    await run('idempotency-keys-purge');

    expect((await core.db.selectFrom('idempotency_keys').select('key').execute()).map((row) => row.key)).toEqual(['young']);
  });

  it('lets go of events handled more than a week ago, and keeps parked and recent ones with their events', async () => {
    const event = (publishedAt: Date) => ({ id: randomUUID(), type: 'Tested', aggregate_id: 'a', payload: '{}', occurred_at: publishedAt, published_at: publishedAt });
    const [oldHandled, oldParked, recentHandled, oldWithoutSubscriber] = [event(ago(8 * DAY)), event(ago(8 * DAY)), event(ago(DAY)), event(ago(8 * DAY))];
    await core.db.insertInto('outbox').values([oldHandled, oldParked, recentHandled, oldWithoutSubscriber]).execute();
    const delivery = (eventId: string, status: 'handled' | 'parked', finishedAt: Date) => ({
      event_id: eventId,
      subscriber: 'test.subscriber',
      status,
      next_attempt_at: finishedAt,
      finished_at: finishedAt,
    });
    await core.db
      .insertInto('event_deliveries')
      .values([delivery(oldHandled.id, 'handled', ago(8 * DAY)), delivery(oldParked.id, 'parked', ago(8 * DAY)), delivery(recentHandled.id, 'handled', ago(DAY))])
      .execute();

    await run('delivered-events-purge');

    const events = (await core.db.selectFrom('outbox').select('id').where('type', '=', 'Tested').execute()).map((row) => row.id);
    expect(events.sort()).toEqual([oldParked.id, recentHandled.id].sort());
    const deliveries = (await core.db.selectFrom('event_deliveries').select('event_id').execute()).map((row) => row.event_id);
    expect(deliveries.sort()).toEqual([oldParked.id, recentHandled.id].sort());
  });
});
