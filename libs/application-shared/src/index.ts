export * from './handler';
export * from './errors';
export * from './events/event-dispatcher';
export * from './events/event-fan-out';
export * from './events/retry-policy';
export * from './events/subscriber-registry';
export * from './outbox-relay';
export * from './ports';
