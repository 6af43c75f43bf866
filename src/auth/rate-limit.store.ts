import { sql, type Kysely } from 'kysely';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { DB } from '../db/schema.ts';

/**
 * express-rate-limit's counts in PostgreSQL (table rate_limits), so that every
 * server process — the cluster's workers, or several machines behind a load
 * balancer — counts against one limit per client address. An in-memory store
 * would give each process a limit of its own: with N workers a client could
 * try N times as many passwords.
 *
 * The window is fixed per key, from its first hit (as express-rate-limit's
 * MemoryStore does); one upsert per counted request, atomic under concurrency.
 */
export class PostgresRateLimitStore implements Store {
  /** Counts are shared between processes, not local to this one. */
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;
  private increments = 0;

  constructor(
    private readonly db: Kysely<DB>,
    /** Names the limiter ("login"): limiters share the table, not their counts. */
    name: string,
  ) {
    this.prefix = `${name}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['hits', 'reset_at'])
      .where('key', '=', this.prefix + key)
      .where('reset_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row ? { totalHits: row.hits, resetTime: new Date(row.reset_at) } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    // Expired rows are only ever overwritten by their own key; now and then clear them all.
    if (++this.increments % 100 === 0) await this.db.deleteFrom('rate_limits').where('reset_at', '<=', sql<Date>`now()`).execute();
    const { rows } = await sql<{ hits: number; reset_at: Date | string }>`
      INSERT INTO rate_limits AS r (key, hits, reset_at)
      VALUES (${this.prefix + key}, 1, now() + ${this.windowMs}::double precision * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
        reset_at = CASE WHEN r.reset_at <= now() THEN EXCLUDED.reset_at ELSE r.reset_at END
      RETURNING hits, reset_at`.execute(this.db);
    const row = rows[0]!;
    return { totalHits: row.hits, resetTime: new Date(row.reset_at) };
  }

  async decrement(key: string): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set({ hits: sql<number>`greatest(hits - 1, 0)` })
      .where('key', '=', this.prefix + key)
      .execute();
  }

  async resetKey(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', this.prefix + key).execute();
  }
}
