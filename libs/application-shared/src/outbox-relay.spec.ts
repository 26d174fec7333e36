import { describe, expect, it } from 'vitest';
import { domainEvent } from '@fitflow/domain-shared';
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
    const seen: string[] = [];
    const bus = { publish: async (envelopes: readonly EventEnvelope[]) => void seen.push(...envelopes.map((e) => e.id)) };

    await new OutboxRelay(outbox, bus, { batchSize: 2 }).wake();

    expect(seen).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(outbox.pending).toEqual([]);
  });

  it('keeps an event whose publishing failed, and delivers it on the next wake', async () => {
    const outbox = new InMemoryOutbox();
    outbox.add('e1');
    let fail = true;
    const seen: string[] = [];
    const bus = {
      publish: async (envelopes: readonly EventEnvelope[]) => {
        if (fail) throw new Error('bus down');
        seen.push(...envelopes.map((e) => e.id));
      },
    };
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
