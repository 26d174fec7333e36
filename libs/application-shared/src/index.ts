export * from './handler';
export * from './errors';
export * from './in-memory-event-bus';
export * from './outbox-relay';
export * from './ports';
