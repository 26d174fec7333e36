/**
 * `npm run db:migrate`: migrates the database the API would use (DATABASE_URL, else PGlite under DATA_DIR) and
 * prints one line. Exits non-zero when a migration fails.
 */
import { connectDatabase } from './connect';
import { migrateToLatest } from './migrate';

async function main(): Promise<void> {
  const handle = await connectDatabase({
    databaseUrl: process.env['DATABASE_URL'] || undefined,
    dataDir: process.env['DATA_DIR'] || '.fitflow-data',
  });
  try {
    const applied = (await migrateToLatest(handle.db)).map((result) => result.migrationName);
    console.log(
      applied.length > 0
        ? `Migrated the ${handle.kind} database: applied ${applied.join(', ')}`
        : `The ${handle.kind} database is up to date`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
