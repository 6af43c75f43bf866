import http from 'node:http';
import { AggregatorRegistry, register } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { Logger } from '../shared/logger.ts';
import { databaseMetrics } from './database.metrics.ts';
import { startProcessMetrics } from './metrics.ts';

/**
 * A cluster worker answers the primary's metrics requests (prom-client's IPC
 * listener is installed by constructing an AggregatorRegistry) with its global registry.
 */
export function reportMetricsToPrimary(): void {
  startProcessMetrics();
  new AggregatorRegistry();
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /metrics on its own port (METRICS_PORT), never on the public one: an
 * operator's Prometheus scrapes it from inside the network. `cluster: true`
 * (the primary of `npm start`) sums the workers' metrics with prom-client's
 * AggregatorRegistry; otherwise this process's own. The database-wide gauges
 * (import jobs) are read once per scrape here, not once per worker.
 */
export async function startMetricsServer(options: { port: number; host: string; database: Database; cluster: boolean; logger: Logger }): Promise<MetricsServer> {
  const fromDatabase = databaseMetrics(options.database);
  const aggregator = options.cluster ? new AggregatorRegistry() : undefined;
  if (!aggregator) startProcessMetrics();
  const collect = async () => {
    const own = aggregator ? await aggregator.clusterMetrics() : await register.metrics();
    return `${own.trimEnd()}\n${await fromDatabase.metrics()}`;
  };
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the metrics are at /metrics\n');
      return;
    }
    collect().then(
      (body) => res.writeHead(200, { 'content-type': register.contentType }).end(body),
      (err: unknown) => {
        options.logger.error({ err }, 'metrics collection failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ host: options.host, port }, 'metrics listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
