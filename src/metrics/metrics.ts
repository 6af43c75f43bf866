import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client';
import { poolStats } from '../db/pool-stats.ts';

/**
 * The process's metrics, on prom-client's global registry: that is the one a
 * cluster worker reports to the primary's AggregatorRegistry (src/metrics/
 * metrics.server.ts), which sums counters and histograms over the workers.
 * Served only on METRICS_PORT, never on the public port.
 */
export const PREFIX = 'namebridge_';

let started = false;
/** Node's own metrics (event-loop lag, heap, GC, handles) and the pool gauges; once per process. */
export function startProcessMetrics(): void {
  if (started) return;
  started = true;
  collectDefaultMetrics({ prefix: PREFIX, eventLoopMonitoringPrecision: 20 });
}

export const httpRequests = new Counter({
  name: `${PREFIX}http_requests_total`,
  help: 'HTTP requests by method, route (the route pattern, never the raw URL) and status',
  labelNames: ['method', 'route', 'status'] as const,
});

export const httpDuration = new Histogram({
  name: `${PREFIX}http_request_duration_seconds`,
  help: 'HTTP request latency by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export const rateLimitRefusals = new Counter({
  name: `${PREFIX}rate_limit_refusals_total`,
  help: 'Requests refused with 429 by a rate limit, by route',
  labelNames: ['route'] as const,
});

export const searchPhaseDuration = new Histogram({
  name: `${PREFIX}search_phase_duration_seconds`,
  help: 'Time in each phase of a search: decode (query readings), candidates (index probes), rank, load (result records)',
  labelNames: ['phase'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

export const searchCandidates = new Histogram({
  name: `${PREFIX}search_candidates`,
  help: 'Candidate records a search ranked (what the index probes returned)',
  buckets: [0, 1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
});

/** Connections of this process's PostgreSQL pools, read at scrape time (empty on PGlite). */
new Gauge({
  name: `${PREFIX}db_pool_connections`,
  help: 'PostgreSQL pool connections by pool (general, search) and state (in_use, idle, waiting = queries queued for a connection, max)',
  labelNames: ['pool', 'state'] as const,
  collect() {
    this.reset();
    for (const s of poolStats()) {
      this.inc({ pool: s.pool, state: 'in_use' }, s.total - s.idle);
      this.inc({ pool: s.pool, state: 'idle' }, s.idle);
      this.inc({ pool: s.pool, state: 'waiting' }, s.waiting);
      this.inc({ pool: s.pool, state: 'max' }, s.max);
    }
  },
});

/** Times one phase of a search; returns its result. */
export async function timePhase<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  const end = searchPhaseDuration.startTimer({ phase });
  try {
    return await work();
  } finally {
    end();
  }
}

export { register };
