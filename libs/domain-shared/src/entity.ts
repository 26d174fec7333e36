import type { DomainEvent } from './domain-event';

export abstract class Entity<TId extends string = string> {
  protected constructor(readonly id: TId) {}

  equals(other: Entity<TId> | null | undefined): boolean {
    return other != null && other.constructor === this.constructor && other.id === this.id;
  }
}

/** The consistency boundary of a write: records the events of its changes until the unit of work pulls them. */
export abstract class AggregateRoot<TId extends string = string> extends Entity<TId> {
  #events: DomainEvent[] = [];

  protected record(event: DomainEvent): void {
    this.#events.push(event);
  }

  /** Hands over the recorded events and forgets them, so they are stored exactly once. */
  pullEvents(): DomainEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}
