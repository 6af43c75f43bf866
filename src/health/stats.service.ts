import type { Database } from '../db/database.ts';
import type { AppContext } from '../shared/context.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { staleReadingsCount } from '../search/reading-versions.service.ts';
import { BY_SOURCE_LIMIT, countAll, countBySource, readSmallCounts, type Stats } from './stats.repository.ts';

export type { Stats } from './stats.repository.ts';

/** The counts of GET /api/stats and `namebridge stats`, read now (what each costs: stats.repository.ts). */
export async function readStats(db: Kysely<DB>, bySourceLimit = BY_SOURCE_LIMIT): Promise<Stats> {
  const [counts, bySource, staleReadings] = await Promise.all([readSmallCounts(db), countBySource(db, bySourceLimit), staleReadingsCount(db)]);
  // Every source listed: their sum is the exact total, and saves a second pass over the records.
  const complete = Object.keys(bySource).length >= counts.sources;
  const records = complete ? Object.values(bySource).reduce((a, b) => a + b, 0) : await countAll(db);
  return { records, ...counts, bySource, staleReadings };
}

interface Entry {
  stats: Promise<Stats>;
  at: number;
}

const byDatabase = new WeakMap<Database, Entry>();

/**
 * The counts of GET /api/stats and the home page, read at most once per
 * STATS_CACHE_SECONDS per process: counting the records walks an index of
 * every record, which a busy home page must not do per hit. Requests that
 * arrive while a read is running share it. 0 reads on every call.
 */
export function cachedStats(ctx: Pick<AppContext, 'config' | 'database'>): Promise<Stats> {
  const now = Date.now();
  const entry = byDatabase.get(ctx.database);
  if (entry && now - entry.at < ctx.config.STATS_CACHE_SECONDS * 1000) return entry.stats;
  const fresh: Entry = { stats: readStats(ctx.database.readDb), at: now };
  byDatabase.set(ctx.database, fresh);
  // A failed read is not cached: the next request tries again.
  fresh.stats.catch(() => byDatabase.get(ctx.database) === fresh && byDatabase.delete(ctx.database));
  return fresh.stats;
}

