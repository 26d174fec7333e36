import { compose } from './composition';
import { run, startProcess, stopOnSignals } from './entry-point';

/**
 * Delivers events (outbox relay and subscribers) and runs delayed and repeating jobs. Needs Redis: without it the
 * API process does this work itself, and a worker beside it would only compete for it.
 */
async function main(): Promise<void> {
  const { config, logger } = startProcess();
  if (!config.redisUrl || !config.databaseUrl) {
    console.error('The worker needs DATABASE_URL and REDIS_URL: without them the API process (npm run api) delivers events and runs jobs itself.');
    process.exit(1);
  }
  const composition = await compose(config, logger, { role: 'worker' });
  logger.info({ database: composition.database.kind }, 'FitFlow worker ready');
  process.send?.({ ready: true });
  stopOnSignals(logger, () => composition.close());
}

run('FitFlow worker', main);
