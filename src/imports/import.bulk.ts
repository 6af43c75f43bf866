import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { copyIntoEmpty, dropIndexesForLoad, finishLoad, moveFreshRecords } from '../records/record-bulk.writer.ts';
import { RECORD_FIELDS_ORDER, readingRows } from '../records/record-batch.writer.ts';
import type { SearchFields } from '../core/match/index.ts';
import { saveJobProgress } from './import-jobs.repository.ts';
import type { ImportTally } from './import-report.ts';
import { preparedBatches, DEFAULT_BATCH_SIZE } from './import.rows.ts';
import { SearchFieldsCache } from './import.search-fields.ts';
import { openImportStore, type ImportSession, type ImportStore } from './import.store.ts';
import { STAGING_DDL, writeBatch, type PreparedRow } from './import.writer.ts';
import { createSearchFieldsComputer, type SearchFieldsComputer } from './search-fields.pool.ts';
import { changedRowsSql, classifiedCounts, createLoadedIds, createStaging, dropStaging, everyRowNew, freshDuplicates, freshNamesSql, loadedCandidates, probeBatch, stagingTables, type Staging } from './bulk-staging.ts';
import { JOB_OWNER, JobLostError } from './import.job-owner.ts';
import type { ImportOptions } from './import.service.ts';

/**
 * The bulk path (issue 13): the whole file in ONE transaction on one
 * connection. The main thread parses and validates (import.rows.ts, the same
 * row errors as the row path) and COPYs the rows into unlogged staging tables
 * without indexes while worker threads decode names; then, set-wise:
 *
 * 1. classify: which rows exist in records, and which of those changed (probed
 *    batch by batch while streaming; unchanged rows are not staged);
 * 2. changed rows go through the staged path in batches (the same diff, claims
 *    and conflicts as the row path: record-batch.writer.ts);
 * 3. new rows not decoded while streaming (the source had records already)
 *    are decoded now, read back through a cursor;
 * 4. probable duplicates of the new rows, set-wise (bulk-staging.ts);
 * 5. the record writer moves the new rows in (record-bulk.writer.ts), dropping
 *    and rebuilding the secondary indexes when the tables at least double.
 *
 * Into an EMPTY database none of that has anything to do: loadIntoEmpty
 * drops the indexes first and writes each batch straight into records, events
 * and readings while the next is parsed (no staging copy, PostgreSQL working
 * beside the parser instead of after it), then finds duplicates and builds
 * the indexes once.
 *
 * A crash anywhere rolls the one transaction back: the database is as before
 * (staging tables included, they were created in it), or the import is complete.
 * A dry run takes the row path (import-path.ts), so nothing here rolls back on purpose.
 */
export async function scanBulk(database: Database, options: ImportOptions, tally: ImportTally, jobId: number, db: Kysely<DB>): Promise<void> {
  const store = await openImportStore(database, STAGING_DDL, options.connectionString);
  const computer = createSearchFieldsComputer(options.workers ?? 1);
  try {
    await store.transaction(async (session) => {
      const t = stagingTables(jobId);
      const progressDb = database.backend === 'pglite' ? null : db;
      if (await stillEmpty(session)) {
        await loadIntoEmpty(session, store, computer, t, options, tally, jobId, progressDb);
        return;
      }
      await createStaging(session, t);
      const ahead = await everyRowNew(session, options.source);
      const staged: StagedColumns = { readings: [] };
      await streamBatches(store, computer, options, tally, jobId, progressDb, ahead, stageRows(session, t, ahead, staged));
      tally.enter('decode');
      options.onProgress?.(tally);
      const { changed, unchanged } = await classifiedCounts(session, t);
      tally.unchanged += unchanged;
      if (changed > 0) await writeChanged(session, store, computer, t, options, tally, jobId);
      const columns = ahead ? staged.readings : await decodeFresh(session, computer, t, options, tally);
      // The database has records (an empty one took loadIntoEmpty): the new rows are probed against them too.
      const duplicates = await freshDuplicates(session, t, true);
      tally.addDuplicateCount(duplicates.count, duplicates.sample);
      tally.enter('load');
      options.onProgress?.(tally);
      tally.inserted += await moveFreshRecords(session, t, {
        actor: options.actor,
        jobId,
        readingColumns: columns,
        indexes: 'auto',
        onPhase: (phase, done, total) => {
          tally.enter(phase, done, total);
          options.onProgress?.(tally);
        },
      });
      await dropStaging(session, t);
    });
  } finally {
    await computer.close();
    await store.close();
  }
  options.onProgress?.(tally);
}

/**
 * Whether records is empty, asked under a lock that keeps it so: another
 * import cannot add rows between this answer and the load that relies on it.
 * The lock is only taken when the table looked empty without it.
 */
async function stillEmpty(session: ImportSession): Promise<boolean> {
  if (!(await everyRowNew(session, undefined))) return false;
  await session.query(`LOCK TABLE records IN SHARE ROW EXCLUSIVE MODE`);
  return everyRowNew(session, undefined);
}

/**
 * An empty database: every row is new and no index has anything to keep in
 * order, so nothing is staged. The indexes are dropped, each batch goes
 * straight in (copyIntoEmpty) while the next is parsed and decoded, the
 * probable duplicates are found set-wise, and the indexes are built once.
 */
async function loadIntoEmpty(
  session: ImportSession, store: ImportStore, computer: SearchFieldsComputer, t: Staging,
  options: ImportOptions, tally: ImportTally, jobId: number, db: Kysely<DB> | null,
): Promise<void> {
  const load = await dropIndexesForLoad(session);
  await createLoadedIds(session, t);
  let inserted = 0;
  await streamBatches(store, computer, options, tally, jobId, db, true, async (rows, fields) => {
    const ids = await copyIntoEmpty(session, rows.map((r, i) => ({ fields: r.fields, search: fields![i]! })), options.actor, jobId, inserted === 0);
    await session.load(t.ids, ['ord', 'id', 'line'], rows.map((r, i) => [r.ord, ids[i], r.line]));
    inserted += rows.length;
  });
  tally.enter('load');
  options.onProgress?.(tally);
  const duplicates = await freshDuplicates(session, t, false, loadedCandidates(t));
  tally.addDuplicateCount(duplicates.count, duplicates.sample);
  await finishLoad(session, load, (phase, done, total) => {
    tally.enter(phase, done, total);
    options.onProgress?.(tally);
  });
  // Counted once it is all in: a crash before the commit leaves nothing.
  tally.inserted += inserted;
  await dropStaging(session, t);
}

/**
 * Stages one batch: its rows, and (decoded while streaming) their search fields
 * and readings. Unless every row is new (`ahead`), the batch is probed first
 * and its unchanged rows, a re-import's bulk, are not staged at all.
 */
interface StagedColumns {
  /** The staged readings' columns, kept from the first batch that had any. */
  readings: string[];
}

function stageRows(session: ImportSession, t: Staging, ahead: boolean, staged: StagedColumns): BatchWrite {
  return async (batch, fields) => {
    const unchanged = ahead ? null : await probeBatch(session, t, batch);
    const rows = unchanged && unchanged.size > 0 ? batch.filter((r) => !unchanged.has(r.ord)) : batch;
    await session.load(t.rows, ['ord', 'line', ...RECORD_FIELDS_ORDER], rows.map((r) => [r.ord, r.line, r.fields]));
    if (fields) staged.readings = await stageSearch(session, t, rows.map((r, i) => [r.ord, fields[i]!] as const), staged.readings);
  };
}

type BatchWrite = (rows: PreparedRow[], fields: SearchFields[] | null) => Promise<void>;

/** Streams the file's batches to `write`; with `ahead`, every row's search fields are computed on the way. */
async function streamBatches(
  store: ImportStore, computer: SearchFieldsComputer, options: ImportOptions, tally: ImportTally,
  jobId: number, db: Kysely<DB> | null, ahead: boolean, write: BatchWrite,
): Promise<void> {
  // One batch decoding in the worker while the one before is written and the next parsed.
  let previous: Promise<void> = Promise.resolve();
  const stage = async (rows: PreparedRow[], fields: SearchFields[] | null) => {
    await write(rows, fields);
    // PGlite has one connection, held by this transaction: the job row is saved when it ends.
    if (db && !(await saveJobProgress(db, jobId, JOB_OWNER, tally.progress()))) {
      throw new JobLostError(`import job ${jobId} was stopped or taken over by another process`);
    }
  };
  try {
    for await (const rows of preparedBatches(options, tally, store.encode)) {
      const fields = ahead ? computer.computeBatch(rows.map((r) => [r.fullName, r.birthplace])) : Promise.resolve(null);
      fields.catch(() => undefined);
      const before = previous;
      previous = (async () => {
        const computed = await fields;
        await before;
        await stage(rows, computed);
      })();
      previous.catch(() => undefined); // awaited below, or at the next batch
      await before;
    }
    await previous;
  } finally {
    await previous.catch(() => undefined);
  }
}

/** Search fields and readings of staged rows, by ord; returns the readings' columns (kept from the first batch that had any). */
async function stageSearch(session: ImportSession, t: Staging, items: ReadonlyArray<readonly [number, SearchFields]>, columns: string[]): Promise<string[]> {
  await session.load(t.search, ['ord', 'name_latin', 'birthplace_places'], items.map(([ord, f]) => [ord, f.nameLatin, f.birthplacePlaces]));
  const readings = readingRows(items);
  if (readings.rows.length === 0) return columns;
  await session.load(t.readings, ['ord', 'record_id', ...readings.columns], readings.rows.map(([ord, ...rest]) => [ord, 0, ...rest]));
  return readings.columns;
}

/** New rows decoded after classification (the source had records: only what is new is decoded), read back in batches. */
async function decodeFresh(session: ImportSession, computer: SearchFieldsComputer, t: Staging, options: ImportOptions, tally: ImportTally): Promise<string[]> {
  let columns: string[] = [];
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let done = 0;
  await session.query(`DECLARE nb_bulk_fresh NO SCROLL CURSOR FOR ${freshNamesSql(t)}`);
  for (;;) {
    const rows = await session.query<{ ord: number; full_name: string; birthplace: string | null }>(`FETCH ${size} FROM nb_bulk_fresh`);
    if (rows.length === 0) break;
    const fields = await computer.computeBatch(rows.map((r) => [r.full_name, r.birthplace]));
    columns = await stageSearch(session, t, rows.map((r, i) => [Number(r.ord), fields[i]!] as const), columns);
    done += rows.length;
    tally.enter('decode', done, 0);
    options.onProgress?.(tally);
  }
  await session.query(`CLOSE nb_bulk_fresh`);
  return columns;
}

/** Changed rows through the row path's staged write, batch by batch, inside the bulk transaction. */
async function writeChanged(
  session: ImportSession, store: ImportStore, computer: SearchFieldsComputer, t: Staging,
  options: ImportOptions, tally: ImportTally, jobId: number,
): Promise<void> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const search = new SearchFieldsCache();
  const compute = (items: Array<[string, string | null]>) => computer.computeBatch(items);
  await session.query(`DECLARE nb_bulk_changed NO SCROLL CURSOR FOR ${changedRowsSql(t)}`);
  for (;;) {
    const staged = await session.query<Record<string, unknown>>(`FETCH ${size} FROM nb_bulk_changed`);
    if (staged.length === 0) break;
    const rows: PreparedRow[] = staged.map((s) => ({
      ord: Number(s.ord),
      line: Number(s.line),
      source: s.source as string,
      externalId: s.external_id as string,
      contentHash: s.content_hash as string,
      fullName: s.full_name as string,
      birthYear: s.birth_year === null ? null : Number(s.birth_year),
      birthplace: (s.birthplace as string | null) ?? null,
      fields: store.encode(RECORD_FIELDS_ORDER.map((c) => s[c] ?? null)),
    }));
    // The staged path's temporary tables empty at commit; this transaction commits once, at the end.
    await session.query(`TRUNCATE nb_import_rows, nb_import_updates, nb_import_search, nb_import_readings, nb_import_result`);
    const outcome = await writeBatch(session, rows, compute, { jobId, actor: options.actor, dryRun: false, search, timings: options.timings, stagedOnly: true });
    tally.inserted += outcome.inserted;
    tally.updated += outcome.updated;
    tally.unchanged += outcome.unchanged;
    tally.conflicts += outcome.conflicts ?? 0;
    tally.addDuplicates(outcome.duplicates);
  }
  await session.query(`CLOSE nb_bulk_changed`);
}
