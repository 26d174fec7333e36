import { sql } from 'kysely';
import type { Core } from '../core';
import type { AppModule } from './module';

const HOUR_MS = 3_600_000;

/** Housekeeping shared by every context: answers to idempotency keys expire, delivered events are let go. */
export function platformModule({ db, idempotency, logger }: Core) {
  return {
    handlers: {},
    jobs: [
      {
        name: 'idempotency-keys-purge',
        everyMs: HOUR_MS,
        async run() {
          const purged = await idempotency.purgeExpired();
          if (purged > 0) logger.info({ purged }, 'expired idempotency keys purged');
        },
      },
      {
        // An event stays a week after every subscriber handled it (for tracing); a parked delivery keeps its event.
        name: 'delivered-events-purge',
        everyMs: HOUR_MS,
        async run() {
          await db.deleteFrom('event_deliveries').where('status', '=', 'handled').where('finished_at', '<', sql<Date>`now() - interval '7 days'`).execute();
          await db
            .deleteFrom('outbox')
            .where('published_at', '<', sql<Date>`now() - interval '7 days'`)
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('event_deliveries as d').select('d.event_id').whereRef('d.event_id', '=', 'outbox.id'))))
            .execute();
        },
      },
    ],
  } satisfies AppModule;
}
