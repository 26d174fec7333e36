import type { EventBus, EventEnvelope, EventHandler } from './ports';

/** Delivers events to handlers in this process, in order; the embedded default and unit tests use it. */
export class InMemoryEventBus implements EventBus {
  readonly #handlers = new Map<string, EventHandler[]>();

  subscribe(type: string, handler: EventHandler): void {
    this.#handlers.set(type, [...(this.#handlers.get(type) ?? []), handler]);
  }

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) {
      for (const handler of this.#handlers.get(envelope.event.type) ?? []) {
        await handler(envelope);
      }
    }
  }
}
