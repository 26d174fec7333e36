import { buildApp } from './app';
import { compose } from './composition';
import { DEMO_ACCOUNTS, seedDemoData } from './demo/seed-demo';
import { run, startProcess, stopOnSignals } from './entry-point';

/** Serves HTTP. Without REDIS_URL it also delivers events and runs jobs, so the embedded default needs nothing else. */
async function main(): Promise<void> {
  const { config, logger } = startProcess();
  if (config.jwtSecretGenerated) logger.warn('JWT_SECRET is not set: a random one signs tokens until this process stops');
  const composition = await compose(config, logger, { role: 'api' });
  if (config.admin) await composition.ensureAdmin.handle(config.admin);
  if (config.demoData) {
    const { membership, scheduling, bookings, attendance, credits } = composition.handlers;
    const { timeZone, currency } = config.studio;
    const paymentsMode = composition.paymentsMode;
    const schedule = { handlers: scheduling, bookings, attendance, credits, timeZone, currency, paymentsMode, clock: composition.clock };
    await seedDemoData(membership, composition.ensureAdmin, schedule);
  }

  const app = await buildApp({ ...composition.deps, loggerInstance: logger });
  await app.listen({ port: config.port, host: config.host });
  const background = composition.events ? 'in this process' : 'in the worker (npm run worker)';
  logger.info({ database: composition.database.kind, redis: Boolean(config.redisUrl), events: background }, 'FitFlow API ready');
  if (config.demoData) printDemoAccounts();

  stopOnSignals(logger, async () => {
    await app.close();
    await composition.close();
  });
}

function printDemoAccounts(): void {
  console.log('\nDemo accounts:');
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(22)} ${account.password}`);
  console.log('');
}

run('FitFlow API', main);
