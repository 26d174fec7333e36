export * from './in-memory-unit-of-work';
export * from './in-memory-aggregate-store';
export * from './sequential-ids';
export * from './in-memory-inbox';
