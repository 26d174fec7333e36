import { describe, expect, it } from 'vitest';
import { domainEvent } from '@fitflow/domain-shared';
import { InMemoryEventBus } from './in-memory-event-bus';
import { OutboxRelay } from './outbox-relay';
import type { EventEnvelope, OutboxReader } from './ports';

class InMemoryOutbox implements OutboxReader {
  pending: EventEnvelope[] = [];

  add(id: string): void {
    this.pending.push({ id, event: domainEvent('Happened', 'a-1', new Date(0), { n: id }) });
  }

  async claimBatch(limit: number, publish: (envelopes: EventEnvelope[]) => Promise<void>): Promise<number> {
    const batch = this.pending.slice(0, limit);
    await publish(batch);
    this.pending = this.pending.slice(batch.length);
    return batch.length;
  }
}

describe('OutboxRelay', () => {
  it('publishes every pending event once, in order, across batches', async () => {
    const outbox = new InMemoryOutbox();
    ['e1', 'e2', 'e3', 'e4', 'e5'].forEach((id) => outbox.add(id));
    const bus = new InMemoryEventBus();
    const seen: string[] = [];
    bus.subscribe('Happened', async (envelope) => void seen.push(envelope.id));

    await new OutboxRelay(outbox, bus, { batchSize: 2 }).wake();

    expect(seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(outbox.pending).toEqual([]);
  });

  it('keeps an event whose publishing failed, and delivers it on the next wake', async () => {
    const outbox = new InMemoryOutbox();
    outbox.add('e1');
    const bus = new InMemoryEventBus();
    let fail = true;
    const seen: string[] = [];
    bus.subscribe('Happened', async (envelope) => {
      if (fail) throw new Error('bus down');
      seen.push(envelope.id);
    });
    const errors: unknown[] = [];
    const relay = new OutboxRelay(outbox, bus, { onError: (error) => errors.push(error) });

    await relay.wake();
    expect(outbox.pending).toHaveLength(1);
    expect(errors).toHaveLength(1);

    fail = false;
    await relay.wake();
    expect(seen).toEqual(['e1']);
  });
});
