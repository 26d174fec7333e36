import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations';

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';

  constructor(
    /** The migration that failed, or undefined when the run failed before one started (e.g. no connection). */
    readonly migrationName: string | undefined,
    options: { cause: unknown },
  ) {
    super(
      migrationName
        ? `Migration ${migrationName} failed: ${messageOf(options.cause)}`
        : `Migrating the database failed before any migration ran: ${messageOf(options.cause)}`,
      options,
    );
  }
}

/**
 * Brings the schema up to date; a no-op when it is. Safe to run from several processes at once: Kysely takes an
 * advisory lock, and each migration runs in its own transaction, so a failed one leaves nothing half applied.
 * Returns the migrations this call applied.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on an untyped Kysely
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationFailedError(results.find((result) => result.status === 'Error')?.migrationName, {
      cause: error,
    });
  }
  return results;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
