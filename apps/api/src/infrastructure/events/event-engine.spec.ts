import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { sql } from 'kysely';
import type { OutboxWriter, Subscriber } from '@fitflow/application-shared';
import { domainEvent } from '@fitflow/domain-shared';
import { loadConfig } from '../../config';
import { createCore, type Core } from '../../core';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';
import { connectPostgres } from '../database/connect';
import { EventEngine } from './event-engine';
import { ParkedDeliveries } from './parked-deliveries';
import { TEST_JWT_SECRET } from '../../testing/test-env';

const HAPPENED = 'ThingHappened';
const silent = pino({ level: 'silent' });
const config = loadConfig({
  JWT_SECRET: TEST_JWT_SECRET,
  EVENT_ATTEMPTS: '3',
  EVENT_RETRY_DELAY: '20ms',
  EVENT_LEASE: '1s',
});

interface Effects {
  effects: { recordEffect(subscriber: string, eventId: string): Promise<void> };
  outbox: OutboxWriter;
}

/** Subscribers whose effect is a row in `test_effects`, written through a unit of work (as real ones are). */
function effectSubscriber(core: Core, name: string, failFirst = 0): Subscriber & { runs: number } {
  const uow = core.unitOfWork<Effects>((trx, outbox) => ({
    outbox,
    effects: {
      recordEffect: async (subscriber, eventId) => void (await trx.insertInto('test_effects' as never).values({ subscriber, event_id: eventId } as never).execute()),
    },
  }));
  const subscriber = {
    name,
    eventType: HAPPENED,
    runs: 0,
    async handle({ id }: { id: string }) {
      subscriber.runs += 1;
      await uow.transaction(async ({ effects }) => {
        // The effect is written before the failure: it must roll back with it.
        await effects.recordEffect(name, id);
        if (subscriber.runs <= failFirst) throw new Error(`${name} failed run ${subscriber.runs}`);
      });
    },
  };
  return subscriber;
}

async function emit(core: Core, count: number): Promise<void> {
  const uow = core.unitOfWork((_, outbox) => outbox);
  await uow.transaction((outbox) =>
    outbox.append(Array.from({ length: count }, (_, i) => domainEvent(HAPPENED, `thing-${i}`, core.clock.now(), { i }))),
  );
}

async function effectsOf(core: Core): Promise<Record<string, number>> {
  const { rows } = await sql<{ subscriber: string; count: string }>`select subscriber, count(*) from test_effects group by subscriber`.execute(core.db);
  return Object.fromEntries(rows.map((row) => [row.subscriber, Number(row.count)]));
}

async function duplicateEffects(core: Core): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from (select 1 from test_effects group by subscriber, event_id having count(*) > 1) d`.execute(core.db);
  return Number(rows[0]?.n);
}

describe.each(TEST_DATABASES)('the event engine on %s', (kind) => {
  let database: TestDatabase;
  let core: Core;
  const engines: EventEngine[] = [];

  async function start(subscribers: Subscriber[], on: Core = core): Promise<EventEngine> {
    const engine = new EventEngine(on, subscribers);
    engines.push(engine);
    await engine.start();
    return engine;
  }

  async function setUp(): Promise<void> {
    database = await createTestDatabase(kind);
    await sql`create table test_effects (subscriber text not null, event_id uuid not null)`.execute(database.db);
    core = await createCore(config, silent, { database });
  }

  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await core.close();
  });

  it('gives every event to each of its subscribers, once', async () => {
    await setUp();
    const [notify, refund] = [effectSubscriber(core, 'test.notify'), effectSubscriber(core, 'test.refund')];
    await start([notify, refund]);

    await emit(core, 25);

    await expect.poll(() => effectsOf(core), { timeout: 15_000 }).toEqual({ 'test.notify': 25, 'test.refund': 25 });
    expect(await duplicateEffects(core)).toBe(0);
  });

  it('retries a subscriber that throws twice on its own: its effect once, the other subscriber run once', async () => {
    await setUp();
    const flaky = effectSubscriber(core, 'test.flaky', 2);
    const steady = effectSubscriber(core, 'test.steady');
    await start([flaky, steady]);

    await emit(core, 1);

    await expect.poll(() => effectsOf(core), { timeout: 15_000 }).toEqual({ 'test.flaky': 1, 'test.steady': 1 });
    expect([flaky.runs, steady.runs]).toEqual([3, 1]);
    const deliveries = await core.db.selectFrom('event_deliveries').select(['subscriber', 'status', 'attempts', 'last_error']).orderBy('subscriber').execute();
    expect(deliveries).toEqual([
      { subscriber: 'test.flaky', status: 'handled', attempts: 3, last_error: null },
      { subscriber: 'test.steady', status: 'handled', attempts: 1, last_error: null },
    ]);
  });

  it('parks a delivery after its last attempt, shows it to an operator, and delivers it once retried', async () => {
    await setUp();
    const broken = effectSubscriber(core, 'test.broken', 3);
    await start([broken]);

    await emit(core, 1);

    const parked = new ParkedDeliveries(core.db);
    await expect.poll(() => parked.list(), { timeout: 15_000 }).toHaveLength(1);
    const [delivery] = await parked.list();
    expect(delivery).toMatchObject({ eventType: HAPPENED, subscriber: 'test.broken', attempts: 3, lastError: 'Error: test.broken failed run 3' });
    expect(await effectsOf(core)).toEqual({});

    expect(await parked.retry(delivery?.eventId as string, 'test.broken')).toBe(1);

    await expect.poll(() => effectsOf(core), { timeout: 15_000 }).toEqual({ 'test.broken': 1 });
    expect(await parked.list()).toEqual([]);
  });

  it('runs subscribers outside the asynchronous context of the request whose commit woke it', async () => {
    await setUp();
    const request = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    await start([{ name: 'test.probe', eventType: HAPPENED, handle: async () => void seen.push(request.getStore()) }]);

    // The commit's after-commit signal wakes the engine synchronously, inside this "request".
    await request.run('a request with its idempotency claim', () => emit(core, 1));

    await expect.poll(() => seen, { timeout: 15_000 }).toHaveLength(1);
    expect(seen).toEqual([undefined]);
  });

  it.runIf(kind === 'postgres')('shares the work between engines in several processes without doing any twice', async () => {
    await setUp();
    // A second "process": its own pool on the same database, its own engine and subscribers.
    const second = await createCore(config, silent, { database: connectPostgres(database.url as string, { poolSize: 5 }) });
    try {
      await start([effectSubscriber(core, 'test.notify'), effectSubscriber(core, 'test.refund')]);
      await start([effectSubscriber(second, 'test.notify'), effectSubscriber(second, 'test.refund')], second);

      await Promise.all([emit(core, 40), emit(second, 40)]);

      await expect.poll(() => effectsOf(core), { timeout: 20_000 }).toEqual({ 'test.notify': 80, 'test.refund': 80 });
      expect(await duplicateEffects(core)).toBe(0);
    } finally {
      await Promise.all(engines.splice(0).map((engine) => engine.stop()));
      await second.close();
    }
  });
});
