import { pino } from 'pino';
import { buildApp } from './app';
import { compose } from './composition';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { DEMO_ACCOUNTS, seedDemoData } from './demo/seed-demo';
import { SystemClock } from './infrastructure/system';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino({ level: config.logLevel });
  if (config.jwtSecretGenerated) logger.warn('JWT_SECRET is not set: a random one signs tokens until this process stops');

  const composition = await compose(config, logger);
  if (config.admin) await composition.ensureAdmin.handle(config.admin);
  if (config.demoData) {
    const { membership, scheduling, bookings } = composition.deps;
    const clock = new SystemClock();
    await seedDemoData(membership, composition.ensureAdmin, { handlers: scheduling, bookings, timeZone: config.studio.timeZone, clock });
  }

  const app = await buildApp({ ...composition.deps, loggerInstance: logger });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ database: composition.database.kind, redis: Boolean(config.redisUrl) }, 'FitFlow API ready');
  if (config.demoData) printDemoAccounts();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const forced = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await composition.close();
    clearTimeout(forced);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

function printDemoAccounts(): void {
  console.log('\nDemo accounts:');
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(22)} ${account.password}`);
  console.log('');
}

main().catch((error: unknown) => {
  console.error('FitFlow API failed to start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error('Cause:', error.cause);
  process.exit(1);
});
