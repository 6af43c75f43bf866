import type pg from 'pg';

/**
 * The PostgreSQL pools this process has open, for the metrics (connections in
 * use, idle, and queries waiting for one). Ended pools drop out on the next read.
 */
const pools = new Map<pg.Pool, string>();

export function trackPool(pool: pg.Pool, name: string): void {
  pools.set(pool, name);
}

export interface PoolStat {
  pool: string;
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export function poolStats(): PoolStat[] {
  const out: PoolStat[] = [];
  for (const [pool, name] of pools) {
    if (pool.ended) {
      pools.delete(pool);
      continue;
    }
    out.push({ pool: name, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 });
  }
  return out;
}
