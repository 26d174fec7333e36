import type { EventEnvelope, OutboxReader, OutboxWriter } from '@fitflow/application-shared';
import type { DomainEvent } from '@fitflow/domain-shared';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseKind } from './connect';
import { Mutex } from './mutex';
import type { Database, OutboxRow } from './schema';

/** Writes a unit of work's events to the outbox inside its transaction, so they commit or roll back with it. */
export class KyselyOutboxWriter implements OutboxWriter {
  #appended = false;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly newEventId: () => string,
  ) {}

  /** Whether this transaction wrote any event (only then is the relay worth waking). */
  get appended(): boolean {
    return this.#appended;
  }

  async append(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    this.#appended = true;
    await this.trx
      .insertInto('outbox')
      .values(
        events.map((event) => ({
          id: this.newEventId(),
          type: event.type,
          aggregate_id: event.aggregateId,
          payload: JSON.stringify(event.payload),
          occurred_at: event.occurredAt,
        })),
      )
      .execute();
  }
}

type PendingRow = Pick<OutboxRow, 'id' | 'type' | 'aggregate_id' | 'payload' | 'occurred_at'>;
type Publish = (envelopes: EventEnvelope[]) => Promise<void>;

/**
 * Hands committed events to `publish`, oldest first, and marks them published once it resolves; when it throws
 * they stay pending for the next claim. Delivery is at least once (a crash after publishing repeats a batch).
 *
 * On PostgreSQL the batch stays row-locked (`FOR NO KEY UPDATE SKIP LOCKED`) in one transaction while it is published,
 * so relays in any number of processes never deliver an event twice. PGlite cannot do that: it has one
 * connection, and a transaction held open while publishing would block the fan-out's own inserts for ever.
 * There, where only one process can open the data, an in-process lock keeps readers apart and `publish` runs
 * outside any transaction.
 */
export class KyselyOutboxReader implements OutboxReader {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: DatabaseKind,
  ) {}

  claimBatch(limit: number, publish: Publish): Promise<number> {
    return this.kind === 'pglite' ? this.#claimInProcess(limit, publish) : this.#claimLocked(limit, publish);
  }

  #claimLocked(limit: number, publish: Publish): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // NO KEY UPDATE, not UPDATE: the inbox rows the fan-out inserts meanwhile (on another connection) reference
      // these rows, and their foreign-key check takes a KEY SHARE lock that FOR UPDATE would block for ever.
      const rows = await selectPending(trx, limit).forNoKeyUpdate().skipLocked().execute();
      return publishAndMark(trx, rows, publish);
    });
  }

  async #claimInProcess(limit: number, publish: Publish): Promise<number> {
    const release = await claimLockFor(this.db).acquire();
    try {
      return await publishAndMark(this.db, await selectPending(this.db, limit).execute(), publish);
    } finally {
      release();
    }
  }
}

const claimLocks = new WeakMap<Kysely<Database>, Mutex>();

function claimLockFor(db: Kysely<Database>): Mutex {
  let lock = claimLocks.get(db);
  if (!lock) {
    lock = new Mutex();
    claimLocks.set(db, lock);
  }
  return lock;
}

function selectPending(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('outbox')
    .select(['id', 'type', 'aggregate_id', 'payload', 'occurred_at'])
    .where('published_at', 'is', null)
    .orderBy('seq')
    .limit(limit);
}

async function publishAndMark(db: Kysely<Database>, rows: PendingRow[], publish: Publish): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  await publish(rows.map(toEnvelope));
  const ids = rows.map((row) => row.id);
  await db.updateTable('outbox').set({ published_at: sql`now()` }).where('id', 'in', ids).execute();
  return rows.length;
}

function toEnvelope(row: PendingRow): EventEnvelope {
  return {
    id: row.id,
    event: {
      type: row.type,
      aggregateId: row.aggregate_id,
      occurredAt: row.occurred_at.toISOString(),
      payload: row.payload,
    },
  };
}
