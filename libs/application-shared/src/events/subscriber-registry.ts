import type { Subscriber } from '../ports';

/** Who must see each type of event. Names are unique: the inbox keys every delivery on one. */
export class SubscriberRegistry {
  readonly #byName = new Map<string, Subscriber>();
  readonly #byType = new Map<string, Subscriber[]>();

  constructor(subscribers: readonly Subscriber[] = []) {
    for (const subscriber of subscribers) this.register(subscriber);
  }

  register(subscriber: Subscriber): void {
    if (this.#byName.has(subscriber.name)) throw new Error(`Two subscribers are named "${subscriber.name}"`);
    this.#byName.set(subscriber.name, subscriber);
    this.#byType.set(subscriber.eventType, [...(this.#byType.get(subscriber.eventType) ?? []), subscriber]);
  }

  /** The names of the subscribers of `eventType`, in registration order. */
  namesFor(eventType: string): string[] {
    return (this.#byType.get(eventType) ?? []).map((subscriber) => subscriber.name);
  }

  named(name: string): Subscriber | undefined {
    return this.#byName.get(name);
  }
}
