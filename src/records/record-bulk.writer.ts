import type { ImportSession } from '../imports/import.store.ts';
import { dropForeignKeys, dropSecondaryIndexes, rebuildSecondaryIndexes, restoreForeignKeys, type ForeignKey, type SecondaryIndex, type TransactionQuery } from '../db/secondary-indexes.ts';
import { crashPoint } from '../shared/crash-point.ts';
import { RECORD_FIELDS_ORDER, copyFreshRecords, type FreshRow } from './record-batch.writer.ts';

/**
 * The record writer's bulk half (see record.writer.ts): new rows already
 * staged by the importer in its unlogged tables (rows, search fields, readings,
 * keyed by the file's ord) are moved into records, record_events and
 * record_readings set-wise — three INSERT … SELECT statements — with the same
 * values, events and readings the row path writes for them
 * (copyFreshRecords). Changed rows do not come here: they take the staged
 * path (record-batch.writer.ts), which diffs each one (claims, conflicts).
 *
 * All of it runs in the caller's one transaction. When the tables are nearly
 * empty the secondary indexes are dropped first and rebuilt from the catalog
 * after (src/db/secondary-indexes.ts), still in that transaction: a crash at
 * any point rolls everything back, indexes included.
 */
export interface BulkTables {
  /** Staged rows: ord, line, then RECORD_FIELDS_ORDER. */
  rows: string;
  /** ord, name_latin, birthplace_places. */
  search: string;
  /** ord, then record_readings' columns (record_id 0). */
  readings: string;
  /** ord of every staged row already in records (not moved here). */
  existing: string;
  /** Created here: ord → the new record's id. */
  ids: string;
}

export interface BulkMoveOptions {
  actor: string;
  jobId: number;
  /** Columns of the staged readings (readingRows' columns). */
  readingColumns: readonly string[];
  /**
   * Drop the secondary indexes before the move and rebuild them after: 'auto'
   * does when the move at least doubles records (it is empty or nearly so),
   * where one build is cheaper than maintaining them row by row.
   */
  indexes: 'auto' | 'keep' | 'rebuild';
  onPhase?: (phase: 'load' | 'index build', done: number, total: number) => void;
}

export const BULK_TABLES = ['records', 'record_events', 'record_readings'] as const;

/** Moves the staged new rows in; returns how many records were inserted. */
export async function moveFreshRecords(session: ImportSession, t: BulkTables, o: BulkMoveOptions): Promise<number> {
  const query: TransactionQuery = session.query;
  // Ids in file order, from the records' own sequence (as copyFreshRecords takes them). The
  // moves below have no ORDER BY: sorting a million wide rows would spill to disk, and the
  // staged rows are already in file order.
  await query(`
    CREATE UNLOGGED TABLE ${t.ids} AS
    SELECT n.ord, nextval(pg_get_serial_sequence('records', 'id')) AS id
    FROM (SELECT s.ord FROM ${t.rows} s WHERE NOT EXISTS (SELECT 1 FROM ${t.existing} e WHERE e.ord = s.ord) ORDER BY s.ord) n`);
  const [{ n } = { n: 0 }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.ids}`);
  if (Number(n) === 0) return 0;
  const rebuild = await rebuildWanted(query, o.indexes, Number(n));
  const load: IndexedLoad = rebuild ? await dropIndexesForLoad(session) : { dropped: [], keys: [] };
  o.onPhase?.('load', 0, 3);
  const fields = RECORD_FIELDS_ORDER.join(', ');
  await query(`
    INSERT INTO records (id, ${fields}, name_latin, birthplace_places) OVERRIDING SYSTEM VALUE
    SELECT i.id, ${RECORD_FIELDS_ORDER.map((c) => `s.${c}`).join(', ')}, COALESCE(f.name_latin, ''), COALESCE(f.birthplace_places, '{}')
    FROM ${t.ids} i JOIN ${t.rows} s ON s.ord = i.ord LEFT JOIN ${t.search} f ON f.ord = i.ord`);
  crashPoint('bulk-move'); // records in, events and readings not yet: all inside the one transaction
  o.onPhase?.('load', 1, 3);
  await query(
    `INSERT INTO record_events (record_id, kind, actor, data)
     SELECT i.id, 'record.inserted', $1, jsonb_build_object('importJob', $2::bigint) FROM ${t.ids} i ORDER BY i.id`,
    [o.actor, o.jobId],
  );
  o.onPhase?.('load', 2, 3);
  if (o.readingColumns.length > 0) {
    const cols = o.readingColumns;
    await query(`
      INSERT INTO record_readings (record_id, ${cols.join(', ')})
      SELECT i.id, ${cols.map((c) => `r.${c}`).join(', ')} FROM ${t.readings} r JOIN ${t.ids} i ON i.ord = r.ord`);
  }
  o.onPhase?.('load', 3, 3);
  await finishLoad(session, load, o.onPhase);
  return Number(n);
}

/**
 * Secondary indexes and foreign keys dropped for a load, in its transaction,
 * to be rebuilt by finishLoad: one build is cheaper than maintaining them row
 * by row when the load at least doubles the tables.
 */
export interface IndexedLoad {
  dropped: SecondaryIndex[];
  keys: ForeignKey[];
}

export async function dropIndexesForLoad(session: ImportSession): Promise<IndexedLoad> {
  const dropped = await dropSecondaryIndexes(session.query, BULK_TABLES);
  // Events and readings point at records: their keys are checked once after the load, not per row.
  const keys = await dropForeignKeys(session.query, ['record_events', 'record_readings']);
  return { dropped, keys };
}

/** Rebuilds what dropIndexesForLoad dropped, then gives the planner statistics for what arrived. */
export async function finishLoad(session: ImportSession, load: IndexedLoad, onPhase?: BulkMoveOptions['onPhase']): Promise<void> {
  const query: TransactionQuery = session.query;
  if (load.dropped.length > 0) {
    await rebuildSecondaryIndexes(query, load.dropped, {
      onIndex: (_index, done, total) => {
        if (done === 1) crashPoint('bulk-index'); // one index rebuilt, the others not yet
        onPhase?.('index build', done, total);
      },
    });
    onPhase?.('index build', load.dropped.length, load.dropped.length);
  }
  await restoreForeignKeys(query, load.keys);
  // ANALYZE may run in a transaction; VACUUM may not.
  await query(`ANALYZE records, record_events, record_readings`);
}

/**
 * A load into an empty database (nothing to compare with, nothing to keep
 * in order row by row): the indexes are dropped first, every batch goes
 * straight in through the row path's own writer (copyFreshRecords: the same
 * values, events and readings) while the next is read, and finishLoad builds
 * the indexes once. Returns the batch's record ids, in its order.
 */
export async function copyIntoEmpty(session: ImportSession, rows: readonly FreshRow[], actor: string, jobId: number, first: boolean): Promise<string[]> {
  const ids = await copyFreshRecords(session, rows, actor, jobId);
  if (first) crashPoint('bulk-move'); // a batch in, the rest of the file not yet: all inside the one transaction
  return ids;
}

async function rebuildWanted(query: TransactionQuery, indexes: BulkMoveOptions['indexes'], fresh: number): Promise<boolean> {
  if (indexes !== 'auto') return indexes === 'rebuild';
  // Counts no further than it needs to: at most `fresh` rows.
  const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM records LIMIT $1) r`, [fresh]);
  return Number(row?.n ?? 0) < fresh;
}
