/**
 * An immutable, JSON-serialisable record of something that happened, carrying everything its handlers need
 * (self-contained: no handler queries back). The outbox gives each one a unique id when it is stored.
 */
export interface DomainEvent<TType extends string = string, TPayload extends object = object> {
  readonly type: TType;
  readonly aggregateId: string;
  readonly occurredAt: string;
  readonly payload: TPayload;
}

export function domainEvent<TType extends string, TPayload extends object>(
  type: TType,
  aggregateId: string,
  occurredAt: Date,
  payload: TPayload,
): DomainEvent<TType, TPayload> {
  return Object.freeze({ type, aggregateId, occurredAt: occurredAt.toISOString(), payload: Object.freeze(payload) });
}
