import type { EventBus, EventEnvelope, Inbox } from '../ports';
import type { SubscriberRegistry } from './subscriber-registry';

/**
 * The bus the outbox relay publishes to: it records one inbox delivery per subscriber of each event, then lets
 * `afterEnqueue` start them. An event without a subscriber needs nothing more than its log line.
 */
export class EventFanOut implements EventBus {
  constructor(
    private readonly inbox: Inbox,
    private readonly subscribers: SubscriberRegistry,
    private readonly afterEnqueue: () => void = () => undefined,
  ) {}

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    const entries = envelopes
      .map((envelope) => ({ envelope, subscribers: this.subscribers.namesFor(envelope.event.type) }))
      .filter((entry) => entry.subscribers.length > 0);
    if (entries.length === 0) return;
    await this.inbox.enqueue(entries);
    this.afterEnqueue();
  }
}
