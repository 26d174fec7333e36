import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@fitflow/application-shared';
import { domainEvent, type DomainEvent } from '@fitflow/domain-shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectPostgres, type DatabaseHandle } from './connect';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/databases';
import { KyselyOutboxReader, KyselyOutboxWriter } from './kysely-outbox';

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

function testEvent(n: number): DomainEvent {
  return domainEvent('TestHappened', `aggregate-${n}`, new Date(Date.UTC(2024, 0, 1, 0, 0, n)), { n });
}

function numbersOf(envelopes: readonly EventEnvelope[]): number[] {
  return envelopes.map((envelope) => (envelope.event.payload as { n: number }).n);
}

/** Claims batches until the outbox is empty (or gives up: events that never leave it would loop for ever). */
async function drain(reader: KyselyOutboxReader, limit: number): Promise<EventEnvelope[]> {
  const delivered: EventEnvelope[] = [];
  const publish = async (batch: EventEnvelope[]) => {
    await tick();
    delivered.push(...batch);
  };
  for (let round = 0; round < 100; round++) {
    if ((await reader.claimBatch(limit, publish)) === 0) {
      return delivered;
    }
  }
  throw new Error('The outbox never emptied: claimed events stay pending');
}

describe.each(TEST_DATABASES)('the outbox on %s', (kind) => {
  let database: TestDatabase;
  let reader: KyselyOutboxReader;

  const append = (events: DomainEvent[], { rollBack = false } = {}) =>
    database.db.transaction().execute(async (trx) => {
      await new KyselyOutboxWriter(trx, randomUUID).append(events);
      if (rollBack) {
        throw new Error('rolled back on purpose');
      }
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    reader = new KyselyOutboxReader(database.db, kind);
  });
  beforeEach(async () => {
    await database.db.deleteFrom('outbox').execute();
  });
  afterAll(() => database?.close());

  it('never hands out events of a transaction that rolled back', async () => {
    await expect(append([testEvent(1)], { rollBack: true })).rejects.toThrow('rolled back on purpose');
    await append([testEvent(2)]);

    expect(numbersOf(await drain(reader, 10))).toEqual([2]);
  });

  it('hands out committed events once each, oldest first, with their content', async () => {
    await append([testEvent(1), testEvent(2), testEvent(3)]);
    await append([testEvent(4), testEvent(5)]);

    const delivered = await drain(reader, 2);

    expect(numbersOf(delivered)).toEqual([1, 2, 3, 4, 5]);
    expect(delivered[0]).toEqual({ id: expect.any(String), event: testEvent(1) });
    expect(new Set(delivered.map((envelope) => envelope.id)).size).toBe(5);
    expect(await drain(reader, 10)).toEqual([]);
  });

  it('keeps a batch pending when publishing it fails, and rethrows', async () => {
    await append([testEvent(1), testEvent(2)]);
    const failure = new Error('bus unavailable');

    await expect(reader.claimBatch(10, () => Promise.reject(failure))).rejects.toBe(failure);

    expect(numbersOf(await drain(reader, 10))).toEqual([1, 2]);
  });

  it('lets the publisher use the database while it publishes', async () => {
    await append([testEvent(1)]);
    // An in-process handler reacts by writing in a transaction of its own (PGlite's one connection must be free).
    const handler = async () => append([testEvent(2)]);
    const timeout = tick(5_000).then(() => 'timed out');

    expect(await Promise.race([reader.claimBatch(10, handler), timeout])).toBe(1);
    expect(numbersOf(await drain(reader, 10))).toEqual([2]);
  });

  describe('with two readers claiming at the same time', () => {
    let second: DatabaseHandle | undefined;

    afterAll(() => second?.close());

    it('never delivers an event twice', async () => {
      await append(Array.from({ length: 40 }, (_, i) => testEvent(i)));
      // On PostgreSQL the second reader stands for another process: its own pool on the same database.
      second = database.url ? connectPostgres(database.url, { poolSize: 2 }) : undefined;
      const readers = [reader, new KyselyOutboxReader(second?.db ?? database.db, kind)];

      const delivered = (await Promise.all(readers.map((each) => drain(each, 3)))).flat();

      expect(numbersOf(delivered).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });
  });
});
