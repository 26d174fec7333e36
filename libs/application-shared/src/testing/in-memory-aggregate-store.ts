import type { DomainEvent } from '@fitflow/domain-shared';
import type { Checkpointable } from './in-memory-unit-of-work';

interface StoredAggregate<TSnapshot> {
  readonly id: string;
  snapshot(): TSnapshot;
  pullEvents(): DomainEvent[];
}

/**
 * The common part of every in-memory repository: rows kept as snapshots, so every load is a fresh aggregate as
 * from a database, the outbox that saves write, and the checkpoint the in-memory unit of work rolls back to.
 */
export abstract class InMemoryAggregateStore<TAggregate extends StoredAggregate<TSnapshot>, TSnapshot extends { id: string }>
  implements Checkpointable
{
  #rows = new Map<string, TSnapshot>();
  #outbox: DomainEvent[] = [];

  protected constructor(private readonly restore: (snapshot: TSnapshot) => TAggregate) {}

  async get(id: string): Promise<TAggregate | null> {
    const row = this.#rows.get(id);
    return row ? this.restore(row) : null;
  }

  async getForUpdate(id: string): Promise<TAggregate | null> {
    return this.get(id);
  }

  async save(aggregate: TAggregate): Promise<void> {
    this.#store(aggregate.snapshot());
    this.#outbox.push(...aggregate.pullEvents());
  }

  /** Removes the row and writes the aggregate's events (a deletion's own event included). */
  protected async remove(aggregate: TAggregate): Promise<void> {
    this.#rows.delete(aggregate.id);
    this.#outbox.push(...aggregate.pullEvents());
  }

  /** Stores aggregates as already existing: their events are dropped, not written to the outbox. */
  seed(...aggregates: TAggregate[]): this {
    for (const aggregate of aggregates) {
      aggregate.pullEvents();
      this.#store(aggregate.snapshot());
    }
    return this;
  }

  /** In insertion order, which is creation order for handlers. */
  rows(): TSnapshot[] {
    return [...this.#rows.values()].map((row) => ({ ...row }));
  }

  row(id: string): TSnapshot | undefined {
    return this.rows().find((row) => row.id === id);
  }

  /** The events written to the outbox by committed saves, oldest first. */
  get outbox(): readonly DomainEvent[] {
    return [...this.#outbox];
  }

  checkpoint(): () => void {
    const rows = new Map(this.#rows);
    const outbox = [...this.#outbox];
    return () => {
      this.#rows = rows;
      this.#outbox = outbox;
    };
  }

  /** Refuses a row as the database's constraints would (a unique index), by throwing. */
  protected assertStorable(_row: TSnapshot): void {
    // Every row is fine unless a repository's constraints say otherwise.
  }

  #store(row: TSnapshot): void {
    this.assertStorable(row);
    this.#rows.set(row.id, row);
  }
}
