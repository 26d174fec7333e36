export * from './in-memory-unit-of-work';
