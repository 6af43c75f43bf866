import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { StartupError } from '../shared/errors.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { trackPool } from './pool-stats.ts';
import type { DB } from './schema.ts';

export type Backend = 'postgres' | 'pglite';

export interface Database {
  /** Primary: every write and every read that must see its own writes. */
  db: Kysely<DB>;
  /** Searches go here; the primary unless DATABASE_READ_URL names a replica. */
  readDb: Kysely<DB>;
  /**
   * Search probes go here: on PostgreSQL a pool of its own (on the replica when
   * there is one) whose sessions carry SEARCH_SESSION_SETTINGS, so a search
   * needs no transaction or SET round trips; on PGlite the one connection, and
   * the settings are applied per transaction (searchDbTuned false).
   */
  searchDb: Kysely<DB>;
  searchDbTuned: boolean;
  /** statement_timeout of every search statement (0: none); PostgreSQL only (PGlite has no timer to cancel a statement). */
  searchTimeoutMs: number;
  backend: Backend;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  readUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** statement_timeout of the search pool; DEFAULT_SEARCH_TIMEOUT_MS when not given. */
  searchTimeoutMs?: number | undefined;
  /** Tests use an in-memory PGlite with no data directory (and no lock). */
  inMemory?: boolean;
}

export function optionsFromConfig(config: Config): OpenOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
    searchTimeoutMs: config.SEARCH_TIMEOUT_MS,
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? openPostgres(options) : await openPglite(options);
  try {
    await assertUtf8(database.db);
    if (database.readDb !== database.db) await assertUtf8(database.readDb);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/**
 * Session settings of the search pool. Search is index probes by design
 * (src/search/candidates.repository.ts explains the planner's view), and `%`
 * takes its pg_trgm threshold from the session. No parallel workers: a search
 * is a few bounded probes, and many run at once; a parallel plan starts extra
 * backends for one of them and takes cores from the others (at 1,000,000
 * records the planner chose one for the pair probe: 2 workers, the CPU of 3).
 * work_mem 16MB: a filter's bitmaps (a birth year and a province, ~70,000 and
 * ~80,000 records at 3,100,000) went lossy at the server's 4MB default and
 * their recheck read every row of 5,842 pages (257–339 ms → 167 ms for «Ван»
 * born 1870 in Shandong). Per search connection, per bitmap or sort node:
 * DB_POOL_SIZE connections × a few nodes × 16MB at the very worst.
 */
export const SEARCH_SESSION_SETTINGS = {
  enable_seqscan: 'off',
  'pg_trgm.similarity_threshold': '0.35',
  max_parallel_workers_per_gather: '0',
  work_mem: '16MB',
} as const;

/**
 * One search statement may not hold a core longer than this: a hostile query
 * (src/search/candidates.repository.ts, "partial") gets what was found so far.
 */
export const DEFAULT_SEARCH_TIMEOUT_MS = 1500;

/** The search pool's settings, with its statement_timeout. */
export function searchSessionSettings(timeoutMs: number): Record<string, string> {
  return { ...SEARCH_SESSION_SETTINGS, statement_timeout: String(timeoutMs) };
}

const asOptions = (settings: Record<string, string>) =>
  Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');

export function postgresKysely(url: string, poolSize = 10, settings?: Record<string, string>): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(settings ? { options: asOptions(settings) } : {}) });
  // An idle client's error (server restart) must not crash the process; the pool
  // drops that client and the next query gets a fresh one.
  pool.on('error', () => undefined);
  trackPool(pool, settings ? 'search' : 'general');
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

function openPostgres(options: OpenOptions): Database {
  const db = postgresKysely(options.databaseUrl!, options.poolSize);
  const readDb = options.readUrl ? postgresKysely(options.readUrl, options.poolSize) : db;
  const searchTimeoutMs = options.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS;
  const searchDb = postgresKysely(options.readUrl ?? options.databaseUrl!, options.poolSize, searchSessionSettings(searchTimeoutMs));
  return {
    db,
    readDb,
    searchDb,
    searchDbTuned: true,
    searchTimeoutMs,
    backend: 'postgres',
    async close() {
      await searchDb.destroy();
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
    },
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  // Loaded lazily: a PostgreSQL deployment never pays for the WASM build.
  const [{ PGlite }, { PGliteDialect }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  const lock = options.inMemory ? undefined : lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create({
      ...(options.inMemory ? {} : { dataDir: options.dataDir }),
      extensions: { pg_trgm, unaccent },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      readDb: db,
      searchDb: db,
      searchDbTuned: false,
      searchTimeoutMs: options.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS,
      backend: 'pglite',
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/**
 * pg_trgm on a SQL_ASCII or LATIN1 database silently finds nothing for Cyrillic
 * and Chinese text, so such a database is refused at start rather than served.
 */
async function assertUtf8(db: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ encoding: string }>`SELECT current_setting('server_encoding') AS encoding`.execute(db);
  checkEncoding(rows[0]?.encoding ?? 'unknown');
}

export function checkEncoding(encoding: string): void {
  if (encoding.toUpperCase() !== 'UTF8') {
    throw new StartupError(
      `The database encoding is ${encoding}, but namebridge needs UTF8: Cyrillic and Chinese ` +
        `search would silently return nothing. Create the database with ENCODING 'UTF8' ` +
        `(e.g. CREATE DATABASE namebridge ENCODING 'UTF8' TEMPLATE template0).`,
    );
  }
}
