import { Gauge, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import { PREFIX } from './metrics.ts';
import { readImportTotals } from './metrics.repository.ts';

/**
 * Gauges read from the database at scrape time: the same for every process,
 * so they live in a registry of their own that the metrics server reads once
 * (summing them over cluster workers would multiply them). Counting import
 * jobs and their rows covers the CLI's imports too, not only this server's.
 */
export function databaseMetrics(database: Database): Registry {
  const registry = new Registry();
  new Gauge({
    name: `${PREFIX}import_jobs`,
    help: 'Import jobs by status (queued, running, succeeded, failed)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const totals = await readImportTotals(database.db);
      this.reset();
      for (const status of ['queued', 'running', 'succeeded', 'failed']) this.set({ status }, totals.jobs[status] ?? 0);
      rows.set(totals.rowsRead);
    },
  });
  // Monotonic while jobs are kept: rate() of it is the import rows/s across every process.
  const rows = new Gauge({
    name: `${PREFIX}import_rows_read_total`,
    help: 'Rows read by all import jobs (rate() gives rows per second)',
    registers: [registry],
  });
  return registry;
}
