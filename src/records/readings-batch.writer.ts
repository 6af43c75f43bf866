import type { ImportSession } from '../imports/import.store.ts';
import type { SearchFields } from '../core/match/index.ts';
import { readingRows } from './record-batch.writer.ts';

/**
 * The record writer's set-wise readings swap (see record.writer.ts), for a
 * rebuild of many records' readings (reindex): a batch's derived search
 * columns and readings are loaded into session-private staging tables (COPY on
 * PostgreSQL, one INSERT per table on PGlite), then moved in four statements
 * inside the batch's transaction. A search sees each record's old readings or
 * its new ones, never none (the delete and the insert commit together).
 *
 * A record is only swapped if what the readings were derived from is still what
 * it holds — the same full name, birthplace and attested names — and it is
 * locked (in id order) while it is swapped. A record that another writer
 * changed meanwhile is skipped: that writer derived its readings itself
 * (replaceReadings), with the current decoder.
 */
export const READINGS_STAGING_DDL: readonly string[] = [
  // Cheap statements the planner overestimates (see record-batch.writer.ts).
  `SET jit = off`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_reindex_inputs (
     id bigint NOT NULL, full_name text NOT NULL, birthplace text, attested text[],
     name_latin text NOT NULL, birthplace_places text[] NOT NULL
   ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_reindex_readings (LIKE record_readings) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_reindex_target (id bigint NOT NULL) ON COMMIT DELETE ROWS`,
];

export interface DerivedReadings {
  id: string;
  /** What the readings were derived from, as read. */
  fullName: string;
  birthplace: string | null;
  /** Attested pinyin in id order, or null when none (array_agg of no rows). */
  attested: string[] | null;
  search: SearchFields;
}

const INPUT_COLUMNS = ['id', 'full_name', 'birthplace', 'attested', 'name_latin', 'birthplace_places'];

/* Locks the records whose inputs are unchanged, in id order (two writers locking many records never wait on each other in a cycle). */
const TARGET_SQL = `
INSERT INTO nb_reindex_target (id)
SELECT r.id FROM nb_reindex_inputs s JOIN records r ON r.id = s.id
WHERE r.full_name = s.full_name AND r.birthplace IS NOT DISTINCT FROM s.birthplace
  AND (SELECT array_agg(a.pinyin ORDER BY a.id) FROM attested_names a WHERE a.record_id = r.id) IS NOT DISTINCT FROM s.attested
ORDER BY r.id
FOR UPDATE OF r`;

/* Only rows whose search columns really change are updated: an unchanged row costs no new tuple and no index entries. */
const UPDATE_SQL = `
UPDATE records r SET name_latin = s.name_latin, birthplace_places = s.birthplace_places
FROM nb_reindex_inputs s JOIN nb_reindex_target t ON t.id = s.id
WHERE r.id = s.id AND (r.name_latin IS DISTINCT FROM s.name_latin OR r.birthplace_places IS DISTINCT FROM s.birthplace_places)`;

const DELETE_SQL = `DELETE FROM record_readings rr USING nb_reindex_target t WHERE rr.record_id = t.id`;

const insertSql = (columns: readonly string[]) => `
INSERT INTO record_readings (record_id, ${columns.join(', ')})
SELECT g.record_id, ${columns.map((c) => `g.${c}`).join(', ')} FROM nb_reindex_readings g JOIN nb_reindex_target t ON t.id = g.record_id`;

/** Swaps in the derived readings of a batch, in the caller's transaction; returns how many records were swapped. */
export async function swapReadings(session: ImportSession, items: readonly DerivedReadings[]): Promise<number> {
  if (items.length === 0) return 0;
  await session.load(
    'nb_reindex_inputs',
    INPUT_COLUMNS,
    items.map((i) => [i.id, i.fullName, i.birthplace, i.attested, i.search.nameLatin, i.search.birthplacePlaces]),
  );
  const readings = readingRows(items.map((i) => [i.id, i.search]));
  if (readings.columns.length > 0) await session.load('nb_reindex_readings', ['record_id', ...readings.columns], readings.rows);
  await session.query(TARGET_SQL);
  await session.query(UPDATE_SQL);
  await session.query(DELETE_SQL);
  if (readings.columns.length > 0) await session.query(insertSql(readings.columns));
  const [swapped] = await session.query<{ n: string }>(`SELECT count(*) AS n FROM nb_reindex_target`);
  return Number(swapped?.n ?? 0);
}
