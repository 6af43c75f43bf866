import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import type { Runtime } from '../bootstrap.ts';
import { reapStaleJobs, runImport } from '../imports/import.service.ts';

/**
 * The embedded default: `npm start` on an empty database loads the CSV files
 * of fixtures/seed/ (every Chinese row of Memorial's Moscow list and a fixed
 * sample of the others, fixtures/README.md) through the importer, so a
 * newcomer can search at once. Only the server does this, only when SEED is
 * true (the default), and only when the records table is empty — or when the
 * last seeding was interrupted (its import job failed), in which case it runs
 * again and the rows already written come back unchanged.
 *
 * It runs after the server listens, in the background: /healthz answers at
 * once and searches find more as batches commit. On shutdown it stops after
 * the batch being written (each batch is one transaction).
 */
export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed');
export const SEED_ACTOR = 'seed';
/** Small batches: on PGlite every other query waits for the batch in progress. */
export const SEED_BATCH_SIZE = 500;

export interface SeedResult {
  files: string[];
  inserted: number;
  invalid: number;
  ms: number;
}

class SeedStopped extends Error {
  constructor() {
    super('seeding stopped: the server is shutting down');
  }
}

/** Whether this database should be seeded now: empty, or a seeding that did not finish. */
export async function seedReason(runtime: Pick<Runtime, 'database' | 'logger'>): Promise<'empty' | 'interrupted' | null> {
  const db = runtime.database.db;
  const { rows } = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM records) AS any`.execute(db);
  if (!rows[0]?.any) return 'empty';
  await reapStaleJobs(db, runtime.logger);
  const last = await db.selectFrom('import_jobs').select('status').where('actor', '=', SEED_ACTOR).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.status === 'failed' ? 'interrupted' : null;
}

export async function seedDatabase(runtime: Runtime, options: { dir?: string; signal?: AbortSignal; batchSize?: number } = {}): Promise<SeedResult | null> {
  const lock = await claimSeeding(runtime.config.DATABASE_URL);
  if (!lock) {
    runtime.logger.info('another server is seeding this database');
    return null;
  }
  try {
    return await seedUnderLock(runtime, options);
  } finally {
    await lock.release();
  }
}

/**
 * Several servers may start on one empty PostgreSQL database at once (a
 * deployment of many machines): one seeds, the others see its lock and leave
 * it. Session-level advisory lock, held on a connection of its own for the
 * whole seeding and freed if the process dies. (Were two to seed anyway, the
 * upsert on (source, external id) would still write each record once.)
 * PGlite needs none: its data directory has one process.
 */
const SEED_LOCK = "hashtext('namebridge:seed')";
async function claimSeeding(databaseUrl: string | undefined): Promise<{ release(): Promise<void> } | null> {
  if (!databaseUrl) return { release: async () => undefined };
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // a dropped connection frees the lock; seeding goes on or fails on its own connections
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${SEED_LOCK}) AS locked`);
  if (!rows[0]?.locked) {
    await client.end();
    return null;
  }
  return { release: () => client.end() };
}

async function seedUnderLock(runtime: Runtime, options: { dir?: string; signal?: AbortSignal; batchSize?: number }): Promise<SeedResult | null> {
  const { database, config, logger } = runtime;
  const reason = await seedReason(runtime);
  if (!reason) return null;
  const dir = options.dir ?? SEED_DIR;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort() : [];
  if (files.length === 0) {
    logger.warn({ dir }, 'SEED: no CSV files to seed from');
    return null;
  }
  const signal = options.signal;
  const started = Date.now();
  logger.info({ dir, files, reason }, reason === 'empty' ? 'seeding the empty database (SEED=false skips this)' : 'seeding again: the last seeding did not finish');
  const result: SeedResult = { files, inserted: 0, invalid: 0, ms: 0 };
  for (const file of files) {
    const full = path.join(dir, file);
    const size = fs.statSync(full).size;
    let lastLog = 0;
    const report = await runImport(
      database,
      {
        open: () => fs.createReadStream(full, { highWaterMark: 256 * 1024, ...(signal ? { signal } : {}) }),
        fileName: `seed/${file}`,
        actor: SEED_ACTOR,
        bytesTotal: size,
        batchSize: options.batchSize ?? SEED_BATCH_SIZE,
        connectionString: config.DATABASE_URL,
        onProgress: (t) => {
          if (Date.now() - lastLog < 2_000) return;
          lastLog = Date.now();
          logger.info({ file, rowsRead: t.rowsRead, inserted: t.inserted, unchanged: t.unchanged }, 'seeding');
        },
        afterBatch: () => {
          if (signal?.aborted) throw new SeedStopped();
        },
      },
      logger,
    );
    result.inserted += report.inserted;
    result.invalid += report.invalid;
    if (report.exitCode !== 0) logger.warn({ file, exitCode: report.exitCode, errors: report.errors.slice(0, 5), fileError: report.fileError }, 'seed file not fully imported');
  }
  result.ms = Date.now() - started;
  logger.info({ ...result }, 'seeded');
  return result;
}

/**
 * Seeds in the background; never rejects (a failed or stopped seeding is
 * logged and retried at the next start). Abort `signal` to stop it.
 */
export function startSeeding(runtime: Runtime, signal: AbortSignal): Promise<void> {
  return seedDatabase(runtime, { signal }).then(
    () => undefined,
    (err: unknown) => {
      if (signal.aborted) runtime.logger.info('seeding stopped for shutdown; it continues at the next start');
      else runtime.logger.error({ err }, 'seeding failed; it is tried again at the next start');
    },
  );
}
