import type { Delivery, EventEnvelope, Inbox } from '../ports';

interface Row {
  envelope: EventEnvelope;
  subscriber: string;
  status: 'pending' | 'handled' | 'parked';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

/**
 * The inbox in memory, as the PostgreSQL one behaves: `handleOnce` marks a delivery handled only when its work
 * resolves, so a throw leaves it pending (the work's own in-memory changes are the test's to roll back).
 */
export class InMemoryInbox implements Inbox {
  readonly rows: Row[] = [];

  async enqueue(entries: readonly { envelope: EventEnvelope; subscribers: readonly string[] }[]): Promise<void> {
    for (const { envelope, subscribers } of entries) {
      for (const subscriber of subscribers) {
        if (this.#find(envelope.id, subscriber)) continue;
        this.rows.push({ envelope, subscriber, status: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null });
      }
    }
  }

  async claimDue(limit: number, now: Date, leaseUntil: Date): Promise<Delivery[]> {
    const due = this.rows.filter((row) => row.status === 'pending' && row.nextAttemptAt <= now.getTime()).slice(0, limit);
    return due.map((row) => {
      row.attempts += 1;
      row.nextAttemptAt = leaseUntil.getTime();
      return { subscriber: row.subscriber, attempt: row.attempts, envelope: row.envelope };
    });
  }

  async handleOnce(delivery: Delivery, work: () => Promise<void>): Promise<boolean> {
    const row = this.#rowOf(delivery);
    if (row.status !== 'pending') return false;
    await work();
    row.status = 'handled';
    row.lastError = null;
    return true;
  }

  async retryAt(delivery: Delivery, error: string, at: Date): Promise<boolean> {
    return this.#updatePending(delivery, { lastError: error, nextAttemptAt: at.getTime() });
  }

  async park(delivery: Delivery, error: string): Promise<boolean> {
    return this.#updatePending(delivery, { lastError: error, status: 'parked' });
  }

  #updatePending(delivery: Delivery, change: Partial<Row>): boolean {
    const row = this.#rowOf(delivery);
    if (row.status !== 'pending') return false;
    Object.assign(row, change);
    return true;
  }

  statusOf(eventId: string, subscriber: string): Row | undefined {
    return this.#find(eventId, subscriber);
  }

  #find(eventId: string, subscriber: string): Row | undefined {
    return this.rows.find((row) => row.envelope.id === eventId && row.subscriber === subscriber);
  }

  #rowOf(delivery: Delivery): Row {
    const row = this.#find(delivery.envelope.id, delivery.subscriber);
    if (!row) throw new Error(`No delivery of ${delivery.envelope.id} to ${delivery.subscriber}`);
    return row;
  }
}
