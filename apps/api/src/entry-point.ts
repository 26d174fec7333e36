import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig, type AppConfig } from './config';

/** The configuration and logger of an entry point; a bad variable ends the process with one line naming it. */
export function startProcess(): { config: AppConfig; logger: Logger } {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  return { config, logger: pino({ level: config.logLevel }) };
}

/** On SIGTERM or SIGINT: `stop` finishes the work in flight; after 10 s the process ends anyway. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing the work in flight');
    const forced = setTimeout(() => process.exit(1), 10_000).unref();
    await stop();
    clearTimeout(forced);
    process.exit(0);
  };
  process.once('SIGTERM', () => void onSignal('SIGTERM'));
  process.once('SIGINT', () => void onSignal('SIGINT'));
}

/** Runs an entry point's `main`, ending the process with the reason when it fails to start. */
export function run(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`${name} failed to start:`, error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error('Cause:', error.cause);
    process.exit(1);
  });
}
