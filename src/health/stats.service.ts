import type { Database } from '../db/database.ts';
import type { AppContext } from '../shared/context.ts';
import { readStats, type Stats } from './stats.repository.ts';

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

/** The counts read now (`namebridge stats`: one read, nothing to cache). */
export function currentStats(db: Database['readDb']): Promise<Stats> {
  return readStats(db);
}
