import { bootstrap } from './bootstrap.ts';
import { createApp } from './http/app.ts';
import { listen } from './http/server.ts';
import { startSeeding } from './seed/seed.ts';
import { StartupError } from './shared/errors.ts';

async function main(): Promise<void> {
  const { config, logger, database } = await bootstrap();
  const app = createApp({ config, logger, database });
  const running = await listen(app, config.PORT, config.HOST, logger);
  // An empty database gets the embedded default records, after listening (src/seed/seed.ts).
  const stopSeeding = new AbortController();
  const seeding = config.SEED ? startSeeding({ config, logger, database }, stopSeeding.signal) : Promise.resolve();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    stopSeeding.abort();
    await running.stop();
    await seeding;
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  // Start-up problems are the operator's to fix: say what, without a stack trace.
  if (err instanceof StartupError) {
    process.stderr.write(`namebridge: ${err.message}\n`);
  } else {
    process.stderr.write(`namebridge: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
