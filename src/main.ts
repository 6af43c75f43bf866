import cluster from 'node:cluster';
import { bootstrap, type Runtime } from './bootstrap.ts';
import { loadConfig, workerCount } from './config/config.ts';
import { runPrimary } from './http/cluster.ts';
import { createApp } from './http/app.ts';
import { listen, type RunningServer } from './http/server.ts';
import { startImports, stopImportRunner } from './imports/import.runner.ts';
import { onStopSignal } from './http/stop-signal.ts';
import { reportMetricsToPrimary, startMetricsServer } from './metrics/metrics.server.ts';
import { startReadingsUpkeep } from './search/reindex.start.ts';
import { startSeeding } from './seed/seed.ts';
import { StartupError } from './shared/errors.ts';
import { createLogger } from './shared/logger.ts';
import { linkJobs, stopLinkJobs } from './links/link-jobs.ts';

/**
 * `npm start`: one process on the embedded database (or WORKERS=1); otherwise a
 * primary that migrates, seeds and supervises, and one worker per CPU that
 * serves HTTP (src/http/cluster.ts).
 */
async function main(): Promise<void> {
  if (cluster.isWorker) return serveAsWorker();
  const config = loadConfig();
  const workers = workerCount(config);
  if (workers > 1) return runPrimary(workers);
  return serveAlone();
}

/** One process does everything: migrate, listen, seed in the background. */
async function serveAlone(): Promise<void> {
  const runtime = await bootstrap();
  // Uploads a crash interrupted are queued again before the server takes new ones.
  await startImports(runtime, { sweep: true, run: false });
  const running = await serve(runtime);
  const { config, database, logger } = runtime;
  const metrics = config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST, database, cluster: false, logger });
  await startImports(runtime, { sweep: false, run: true });
  await startLinkJobs(runtime);
  // An empty database gets the embedded default records, after listening (src/seed/seed.ts).
  const stopSeeding = new AbortController();
  const seeding = (runtime.config.SEED ? startSeeding(runtime, stopSeeding.signal) : Promise.resolve()).then(() => startReadingsUpkeep(runtime, stopSeeding.signal));
  onStopSignal(runtime.logger, async () => {
    stopSeeding.abort();
    await Promise.all([running.stop(), metrics?.close()]);
    await seeding;
    await stopImportRunner(runtime.database);
    await stopLinkJobs(runtime.database);
    await runtime.database.close();
  });
}

/** A cluster worker serves HTTP only: the primary has migrated and does the seeding. */
async function serveAsWorker(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL).child({ worker: cluster.worker?.id });
  const runtime = await bootstrap({ migrate: false, logger });
  if (config.METRICS_PORT !== undefined) reportMetricsToPrimary();
  // The stop handler is in place before the worker listens: the primary may pass on a SIGTERM
  // while the import runner and link jobs are still starting, and Node's default would end the
  // worker without draining. The drain waits for the start to finish, then stops each part.
  const starting = (async () => {
    const running = await serve(runtime);
    await startImports(runtime, { sweep: false, run: true });
    await startLinkJobs(runtime);
    return running;
  })();
  onStopSignal(logger, async () => {
    const running = await starting;
    await running.stop();
    await stopImportRunner(runtime.database);
    await stopLinkJobs(runtime.database);
    await runtime.database.close();
  });
  await starting;
}

/** Link jobs (src/links/link-jobs.ts) in every process that serves HTTP; records left marked get a job at once. */
function startLinkJobs({ config, logger, database }: Runtime): Promise<void> {
  return linkJobs(database, logger, { autoConfirmScore: config.LINK_AUTO_CONFIRM_SCORE }).start();
}

async function serve({ config, logger, database }: Runtime): Promise<RunningServer> {
  return listen(createApp({ config, logger, database }), config.PORT, config.HOST, logger);
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
