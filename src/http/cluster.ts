import cluster, { type Worker } from 'node:cluster';
import { bootstrap } from '../bootstrap.ts';
import { startMetricsServer } from '../metrics/metrics.server.ts';
import { startImports, stopImportRunner } from '../imports/import.runner.ts';
import { startReadingsUpkeep } from '../search/reindex.start.ts';
import { startSeeding } from '../seed/seed.ts';
import { StartupError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { onStopSignal } from './stop-signal.ts';
import { stopLinkJobs } from '../links/link-jobs.ts';

/**
 * The primary of `npm start` on PostgreSQL (src/main.ts). Searching is CPU work
 * in Node (ranking, explaining), and one Node process uses one core, so the
 * primary forks one HTTP worker per core; the workers share the listening
 * socket (node:cluster hands out connections in turn).
 *
 * What must happen once happens here, not in the workers: migrations (before
 * any worker starts) and seeding an empty database (after they listen). What
 * all workers must agree on lives in PostgreSQL (sessions, rate-limit counts).
 * On SIGTERM or SIGINT every worker drains its in-flight requests, then the
 * primary stops seeding and closes its connections.
 */
export async function runPrimary(workers: number): Promise<void> {
  const runtime = await bootstrap();
  const { config, logger } = runtime;
  let stopping = false;
  // Uploads a crash interrupted are queued again before any worker takes new ones; the workers run them.
  await startImports(runtime, { sweep: true, run: false });
  try {
    await forkAll(workers, logger, () => stopping);
  } catch (err) {
    stopping = true;
    await stopWorkers();
    await stopImportRunner(runtime.database);
    await runtime.database.close();
    throw err;
  }
  logger.info({ workers }, 'all workers listening');
  // The workers' metrics, summed, on METRICS_PORT (src/metrics/metrics.server.ts).
  const metrics = config.METRICS_PORT === undefined ? undefined : await startMetricsServer({ port: config.METRICS_PORT, host: config.METRICS_HOST, database: runtime.database, cluster: true, logger });
  const stopSeeding = new AbortController();
  const seeding = (config.SEED ? startSeeding(runtime, stopSeeding.signal) : Promise.resolve()).then(() => startReadingsUpkeep(runtime, stopSeeding.signal));
  onStopSignal(logger, async () => {
    stopping = true;
    stopSeeding.abort();
    await Promise.all([stopWorkers(), metrics?.close()]);
    await seeding;
    await stopImportRunner(runtime.database);
    await stopLinkJobs(runtime.database);
    await runtime.database.close();
  });
}

/**
 * Forks the workers and resolves once each listens. A worker that dies before
 * listening is a start-up failure (port taken, database gone): the whole start
 * fails. One that dies later is replaced, so a crash costs one worker's
 * in-flight requests, not the service.
 */
function forkAll(count: number, logger: Logger, stopping: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let listening = 0;
    const fork = (): Worker => {
      const worker = cluster.fork();
      let up = false;
      worker.once('listening', () => {
        up = true;
        if (++listening === count) resolve();
      });
      worker.once('exit', (code, signal) => {
        if (stopping()) return;
        if (!up) return reject(new StartupError(`a server worker exited while starting (code ${code ?? signal}); its error is above`));
        logger.error({ worker: worker.id, code, signal }, 'worker died; starting another');
        fork();
      });
      return worker;
    };
    for (let i = 0; i < count; i++) fork();
  });
}

/** Asks every worker to drain (each runs its own graceful stop) and waits for all to exit. */
async function stopWorkers(): Promise<void> {
  const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
  await Promise.all(
    alive.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}
