/**
 * `npm run events:failed`: lists the event deliveries that failed for the last time (parked), newest first.
 * `npm run events:failed -- retry <eventId> [subscriber]` makes them due again; a running worker (or API process in
 * the embedded default) delivers them. On the embedded PGlite database, stop the API first: one process at a time.
 */
import { connectDatabase } from '../database/connect';
import { migrateToLatest } from '../database/migrate';
import { ParkedDeliveries } from './parked-deliveries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main([command, eventId, subscriber]: string[]): Promise<void> {
  if (command !== undefined && (command !== 'retry' || !eventId || !UUID.test(eventId))) {
    console.error('Usage: npm run events:failed [-- retry <eventId> [subscriber]]');
    process.exitCode = 2;
    return;
  }
  const handle = await connectDatabase({ databaseUrl: process.env['DATABASE_URL'] || undefined, dataDir: process.env['DATA_DIR'] || '.fitflow-data' });
  try {
    await migrateToLatest(handle.db);
    const parked = new ParkedDeliveries(handle.db);
    if (command === 'retry') {
      const count = await parked.retry(eventId as string, subscriber);
      console.log(count > 0 ? `${count} delivery(ies) of ${eventId} will be tried again` : `No parked delivery of ${eventId}${subscriber ? ` to ${subscriber}` : ''}`);
      if (count === 0) process.exitCode = 1;
      return;
    }
    printParked(await parked.list());
  } finally {
    await handle.close();
  }
}

function printParked(rows: Awaited<ReturnType<ParkedDeliveries['list']>>): void {
  if (rows.length === 0) {
    console.log('No failed event deliveries.');
    return;
  }
  for (const row of rows) {
    console.log(`${row.parkedAt?.toISOString() ?? '-'}  ${row.eventId}  ${row.eventType} (${row.aggregateId}) -> ${row.subscriber}, ${row.attempts} attempts`);
    console.log(`    ${row.lastError ?? '(no error recorded)'}`);
  }
  console.log(`\n${rows.length} failed. Retry one with: npm run events:failed -- retry <eventId> [subscriber]`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
