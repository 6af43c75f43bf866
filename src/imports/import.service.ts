import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { toColumns } from '../records/record.diff.ts';
import type { Logger } from '../shared/logger.ts';
import { mapColumns, type ColumnMapping } from './column-map.ts';
import { extraPlan, splitExtra, type PublicColumns } from './extra-columns.ts';
import type { ImportTarget } from './column-map.data.ts';
import { openCsv } from './csv-reader.ts';
import { ImportFileError, type RowError } from './import.errors.ts';
import { failJobs, finishJob, insertJob, listUnfinishedJobs, markJobRunning, saveJobProgress, type UnfinishedJob } from './import-jobs.repository.ts';
import { IdSet } from './id-set.ts';
import { ImportTally, summaryOf, type ImportSummary } from './import-report.ts';
import { SearchFieldsCache } from './import.search-fields.ts';
import { createSearchFieldsComputer } from './search-fields.pool.ts';
import { openImportStore, type ImportStore } from './import.store.ts';
import { BatchRace, STAGING_DDL, recordFields, writeBatch, type PreparedRow } from './import.writer.ts';
import { contentHash, derivedExternalId } from './row-identity.ts';
import { DEFAULT_VALIDATION, validateRow, type ValidationOptions } from './row-validation.ts';
import type { TextEncoding } from './text-encoding.ts';
import { isProcessAlive } from '../shared/process-alive.ts';
import { crashPoint } from '../shared/crash-point.ts';
import { queueLinking } from '../links/link-jobs.ts';

/** One import service, two doors (CLI and HTTP). */
export interface ImportOptions {
  /** Opens the file from its start; called twice with --strict (validate, then write). */
  open: () => AsyncIterable<Buffer | string>;
  fileName: string;
  actor: string;
  source?: string | undefined;
  dryRun?: boolean;
  strict?: boolean;
  encoding?: TextEncoding | undefined;
  map?: ReadonlyMap<string, ImportTarget | 'extra'>;
  /** Unknown columns made public for this source (`--public-columns`); 'all' for a restore, whose export marks private ones. */
  publicColumns?: PublicColumns;
  validation?: ValidationOptions;
  batchSize?: number;
  bytesTotal?: number | null;
  /** A job created earlier (POST /api/imports); otherwise one is created. */
  jobId?: number;
  /** The job is already this process's running job (the import runner claimed it); otherwise it is claimed here. */
  claimed?: boolean;
  /** PostgreSQL URL for the COPY path; without it rows are staged with INSERT. */
  connectionString?: string | undefined;
  onProgress?: (tally: ImportTally) => void;
  /** Worker threads decoding readings ahead of the writes (default 1; 0 = in-thread). */
  workers?: number;
  /** Concurrent batch writers on the COPY path (default 2; each its own connection and transaction). */
  writers?: number;
  /** Milliseconds per write step, summed (the benchmark prints them). */
  timings?: Record<string, number>;
  /** A link job for the rows it wrote, queued after the import commits (LINK_AUTO_CONFIRM_SCORE); false: none queued (the rows stay marked for `namebridge link`). */
  links?: { autoConfirmScore?: number | undefined } | false;
  /** Test hook: runs after each committed batch (throwing simulates a crash). */
  afterBatch?: (batch: number) => void | Promise<void>;
}

export interface ImportReport extends ImportSummary {
  jobId: number;
  conflicts: number;
  status: 'succeeded' | 'failed';
  exitCode: 0 | 1 | 2;
  fileError: { reason: string; message: string } | null;
  rowsRead: number;
  duplicateSample: unknown[];
}

export const DEFAULT_BATCH_SIZE = 5_000;
/** A batch is also cut at this many characters, so rows with long biographies keep memory flat too. */
const BATCH_CHARS = 4_000_000;
const ACTIVE_JOBS = new Set<number>();
const HOST = os.hostname();
/** This process, as import_jobs records the owner of a running job. */
export const JOB_OWNER = { pid: process.pid, host: HOST } as const;

/** The job is no longer this process's (reaped or taken over by another): the run stops, its committed batches stay. */
export class JobLostError extends Error {}

export async function runImport(database: Database, options: ImportOptions, logger?: Logger): Promise<ImportReport> {
  const db = database.db;
  await reapStaleJobs(db, logger);
  const jobId = options.jobId ?? (await createImportJob(db, options));
  ACTIVE_JOBS.add(jobId);
  const tally = new ImportTally(options.bytesTotal ?? null);
  const stores: ImportStore[] = [];
  try {
    if (!options.claimed && !(await markJobRunning(db, jobId, JOB_OWNER))) {
      throw new JobLostError(`import job ${jobId} is not queued: another process claimed it, or it was stopped`);
    }
    if (options.strict && !options.dryRun) {
      await scan(options, tally, [], jobId);
      if (tally.invalid > 0) {
        tally.warnings.push('--strict: some rows are invalid, so nothing was written');
        return await finish(db, jobId, tally, 'failed', 1, null);
      }
      tally.resetForSecondPass();
    }
    stores.push(await openImportStore(database, STAGING_DDL, options.connectionString));
    // Two COPY connections let PostgreSQL write one batch while it stages the next.
    const writers = stores[0]!.kind === 'copy' ? Math.max(1, options.writers ?? 2) : 1;
    while (stores.length < writers) stores.push(await openImportStore(database, STAGING_DDL, options.connectionString));
    await scan(options, tally, stores, jobId, db);
    const report = await finish(db, jobId, tally, 'succeeded', tally.invalid > 0 ? 1 : 0, null);
    // The rows it wrote are marked for linking with them (migration 0016); the job runs after the commit, off the import's path.
    if (options.links !== false && !options.dryRun && tally.inserted + tally.updated > 0) await queueLinking(database, options.links ?? {}, logger);
    return report;
  } catch (err) {
    if (err instanceof ImportFileError) {
      tally.addErrors([{ line: err.reason === 'no_name_column' || err.reason === 'header_only' ? 1 : 0, column: null, message: err.message }]);
      return await finish(db, jobId, tally, 'failed', 2, { reason: err.reason, message: err.message });
    }
    const message = err instanceof Error ? err.message : String(err);
    await finishJob(db, jobId, JOB_OWNER, { status: 'failed', exitCode: 2, fileError: `the import stopped: ${message}`, progress: tally.progress() }).catch(() => undefined);
    throw err;
  } finally {
    ACTIVE_JOBS.delete(jobId);
    await Promise.all(stores.map((s) => s.close()));
  }
}

/** Creates a queued job owned by this process (so no sweep takes it for abandoned while it waits). */
export async function createImportJob(
  db: Kysely<DB>,
  options: Pick<ImportOptions, 'source' | 'fileName' | 'actor' | 'dryRun' | 'strict' | 'bytesTotal'>,
): Promise<number> {
  const id = await insertJob(db, {
    source: options.source ?? null,
    fileName: options.fileName,
    actor: options.actor,
    dryRun: !!options.dryRun,
    strict: !!options.strict,
    bytesTotal: options.bytesTotal ?? null,
    pid: process.pid,
    host: HOST,
  });
  ACTIVE_JOBS.add(id);
  return id;
}

async function finish(
  db: Kysely<DB>,
  jobId: number,
  tally: ImportTally,
  status: 'succeeded' | 'failed',
  exitCode: 0 | 1 | 2,
  fileError: ImportReport['fileError'],
): Promise<ImportReport> {
  if (!(await finishJob(db, jobId, JOB_OWNER, { status, exitCode, fileError: fileError?.message ?? null, progress: tally.progress() }))) {
    throw new JobLostError(`import job ${jobId} was stopped or taken over by another process before it finished here`);
  }
  return { ...summaryOf(tally), jobId, conflicts: tally.conflicts, status, exitCode, fileError, rowsRead: tally.rowsRead, duplicateSample: tally.duplicateSample };
}

/**
 * One streaming pass over the file. Without a store it only validates
 * (--strict's first pass). With one, full batches are written while the next
 * is parsed: at most two batches are in memory.
 */
async function scan(options: ImportOptions, tally: ImportTally, stores: ImportStore[], jobId: number, db?: Kysely<DB>): Promise<void> {
  const store = stores.length > 0;
  const reader = await openCsv(options.open(), { encoding: options.encoding });
  const mapping: ColumnMapping = mapColumns(reader.headers, { overrides: options.map, sourceGiven: options.source !== undefined });
  tally.warnings.push(...mapping.warnings);
  const extras = extraPlan(mapping, options.publicColumns ?? []);
  if (extras.warning) tally.warnings.push(extras.warning);
  if (reader.encoding.encoding === 'cp1251') {
    tally.warnings.push(reader.encoding.detected ? 'the file is not UTF-8: it was read as Windows-1251 (cp1251)' : 'the file was read as Windows-1251 (cp1251), as asked');
  }
  const idColumn = mapping.byTarget.externalId === undefined ? null : mapping.columns[mapping.byTarget.externalId]!.header;
  const validation = options.validation ?? DEFAULT_VALIDATION;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const search = new SearchFieldsCache();
  const computer = createSearchFieldsComputer(store ? (options.workers ?? 1) : 0);
  const seen = new IdSet();
  let batch: PreparedRow[] = [];
  let batchChars = 0;
  let batches = 0;
  let ord = 0;
  // One write in flight per store; batches go to the stores in turn.
  const inFlight: Array<Promise<void> | undefined> = stores.map(() => undefined);
  let nextStore = 0;

  const compute = (items: Array<[string, string | null]>) => computer.computeBatch(items);
  const write = async (target: ImportStore, rows: PreparedRow[]) => {
    const context = { jobId, actor: options.actor, dryRun: !!options.dryRun, search, timings: options.timings };
    const run = (stagedOnly: boolean) =>
      target.transaction((session) => writeBatch(session, rows, compute, { ...context, stagedOnly }), { rollback: !!options.dryRun });
    // Another writer took one of the batch's keys, or changed one of its
    // records, meanwhile: the batch is rolled back and run again, staged.
    const retry = async (attempt: number): Promise<Awaited<ReturnType<typeof run>>> => {
      const started = performance.now();
      try {
        return await run(attempt > 0);
      } catch (err) {
        if (!(err instanceof BatchRace) || attempt >= 3) throw err;
        return retry(attempt + 1);
      } finally {
        if (options.timings && attempt > 0) options.timings['staged retry'] = (options.timings['staged retry'] ?? 0) + performance.now() - started;
      }
    };
    const outcome = await retry(0);
    tally.inserted += outcome.inserted;
    tally.updated += outcome.updated;
    tally.unchanged += outcome.unchanged;
    tally.conflicts += outcome.conflicts ?? 0;
    tally.addDuplicates(outcome.duplicates);
    batches++;
    if (!(await saveJobProgress(db!, jobId, JOB_OWNER, tally.progress()))) {
      throw new JobLostError(`import job ${jobId} was stopped or taken over by another process`);
    }
    await options.afterBatch?.(batches);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchChars = 0;
    const slot = nextStore;
    nextStore = (nextStore + 1) % stores.length;
    if (inFlight[slot]) await inFlight[slot];
    const writing = write(stores[slot]!, rows);
    writing.catch(() => undefined); // awaited at the next flush of this slot or at the end
    inFlight[slot] = writing;
  };
  const reject = (errors: readonly RowError[]) => {
    tally.invalid++;
    tally.addErrors(errors);
  };

  try {
    for await (const record of reader.records) {
      for (const e of record.errorsBefore) reject([e]);
      const result = validateRow(record.fields, record.line, mapping, validation);
      if (result.kind === 'blank') continue;
      tally.rowsRead++;
      crashPoint('parse');
      if (result.kind === 'invalid') {
        reject(result.errors);
      } else {
        const row = result.row;
        const source = options.source ?? row.source ?? options.fileName;
        const externalId = row.externalId ?? derivedExternalId(row);
        const key = `${source}\u0001${externalId}`;
        const first = seen.firstLine(key, row.line);
        if (first !== undefined) {
          reject([
            {
              line: row.line,
              column: row.externalId ? idColumn : null,
              message: row.externalId
                ? `external id "${externalId}" repeats the row on line ${first}`
                : `the row repeats line ${first} exactly (no external id; its derived id ${externalId} is the same)`,
            },
          ]);
        } else {
          if (store) {
            const columns = toColumns(row.values);
            const hash = contentHash(row);
            const extra = splitExtra(row.extra, extras);
            batch.push({
              ord: ord++,
              line: row.line,
              source,
              externalId,
              contentHash: hash,
              fullName: columns.full_name as string,
              birthYear: (columns.birth_year as number | null | undefined) ?? null,
              birthplace: (columns.birthplace as string | null | undefined) ?? null,
              fields: stores[0]!.encode(recordFields(source, externalId, hash, columns, extra.public, extra.private)),
            });
            for (const field of record.fields) batchChars += field.length;
            if (batch.length >= batchSize || batchChars >= BATCH_CHARS) await flush();
          }
        }
      }
      if ((tally.rowsRead & 255) === 0) {
        // Parsing never waits on its own (records come as microtasks): let the
        // writers' database replies in, or each round trip waits for a whole chunk.
        await new Promise((resolve) => setImmediate(resolve));
        tally.bytesRead = reader.bytesRead();
        if ((tally.rowsRead & 1023) === 0) options.onProgress?.(tally);
      }
    }
    for (const e of reader.trailingErrors()) reject([e]);
    if (tally.rowsRead === 0 && tally.invalid === 0) {
      throw new ImportFileError('header_only', `The file has a header row (${reader.headers.join(', ')}) but no records. Nothing was imported.`);
    }
    await flush();
    await Promise.all(inFlight);
  } finally {
    // Never leave a batch half-way: let the other writer finish or roll back first.
    await Promise.allSettled(inFlight);
    await computer.close();
  }
  tally.bytesRead = reader.bytesRead();
  options.onProgress?.(tally);
}

/** Whether the process that owns an unfinished job is gone. Same host: the pid is checked; another host: no heartbeat for 10 minutes. */
export function ownerGone(job: Pick<UnfinishedJob, 'id' | 'pid' | 'host' | 'heartbeat_at' | 'created_at'>): boolean {
  if (ACTIVE_JOBS.has(Number(job.id))) return false;
  if (job.host !== HOST) return Date.now() - new Date(job.heartbeat_at ?? job.created_at).getTime() > 10 * 60_000;
  return job.pid === null || job.pid === process.pid || !isProcessAlive(job.pid);
}

/**
 * CLI jobs left queued or running by a process that is gone (killed, crashed,
 * machine restarted) are marked failed. Uploads are not: their file is in the
 * spool and the server resumes them (src/imports/import.spool-sweep.ts).
 */
export async function reapStaleJobs(db: Kysely<DB>, logger?: Logger): Promise<number[]> {
  const stale = (await listUnfinishedJobs(db)).filter((job) => job.spool_file === null && ownerGone(job));
  const failed = await failJobs(
    db,
    stale.map((job) => ({ id: Number(job.id), pid: job.pid, host: job.host })),
    'the importing process stopped before the import finished (killed or crashed); committed batches are kept — run the import again to complete it',
  );
  if (failed.length > 0) logger?.warn({ jobs: failed }, 'marked abandoned import jobs failed');
  return failed;
}
