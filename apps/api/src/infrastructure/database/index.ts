export { connectDatabase, connectPglite, connectPostgres, openPglite, ping, DEFAULT_POOL_SIZE } from './connect';
export type { ConnectOptions, DatabaseHandle, DatabaseKind } from './connect';
export { KyselyOutboxReader, KyselyOutboxWriter } from './kysely-outbox';
export { KyselyUnitOfWork } from './kysely-unit-of-work';
export type { KyselyUnitOfWorkOptions, RepositoryFactory } from './kysely-unit-of-work';
export { migrateToLatest, MigrationFailedError } from './migrate';
export { PGliteDialect } from './pglite-dialect';
export type { PGliteDialectConfig } from './pglite-dialect';
export * from './schema';
