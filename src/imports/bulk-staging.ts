import type { BulkTables } from '../records/record-bulk.writer.ts';
import { RECORD_COLUMNS, columnType } from '../records/record-batch.writer.ts';
import type { ImportSession } from './import.store.ts';
import { toPair, withoutBitmapScans, type DuplicatePair, type DuplicateRow } from './import.writer.ts';

/**
 * The bulk path's staging: unlogged tables without indexes, created inside the
 * import's one transaction (so a crash leaves none behind) and dropped before
 * it commits, named for the job. Also the set-based steps that read them:
 * which staged rows exist, and the probable-duplicate probe.
 */
export interface Staging extends BulkTables {
  duplicates: string;
}

export function stagingTables(jobId: number): Staging {
  const name = (what: string) => `nb_bulk_${what}_${Math.trunc(jobId)}`;
  return { rows: name('rows'), search: name('search'), readings: name('readings'), existing: name('existing'), ids: name('ids'), duplicates: name('duplicates') };
}

export async function createStaging(session: ImportSession, t: Staging): Promise<void> {
  await session.query(`
    CREATE UNLOGGED TABLE ${t.rows} (
      ord integer NOT NULL, line integer NOT NULL, source text NOT NULL, external_id text NOT NULL, content_hash text NOT NULL,
      ${RECORD_COLUMNS.map((c) => `${c} ${columnType(c)}`).join(', ')},
      extra jsonb NOT NULL, extra_private jsonb NOT NULL)`);
  await session.query(`CREATE UNLOGGED TABLE ${t.search} (ord integer NOT NULL, name_latin text NOT NULL, birthplace_places text[] NOT NULL)`);
  await session.query(`CREATE UNLOGGED TABLE ${t.existing} (ord integer NOT NULL, changed boolean NOT NULL)`);
  // Shaped like record_readings whatever columns search adds (record_id staged as 0).
  await session.query(`CREATE UNLOGGED TABLE ${t.readings} (ord integer NOT NULL, LIKE record_readings)`);
}

export async function dropStaging(session: ImportSession, t: Staging): Promise<void> {
  await session.query(`DROP TABLE IF EXISTS ${[t.rows, t.search, t.readings, t.existing, t.ids, t.duplicates].join(', ')}`);
}

/** Whether every row of the file must be new: its source (or, without --source, the whole table) has no records yet. */
export async function everyRowNew(session: ImportSession, source: string | undefined): Promise<boolean> {
  const [row] =
    source === undefined
      ? await session.query<{ none: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM records) AS none`)
      : await session.query<{ none: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM records WHERE source = $1) AS none`, [source]);
  return !!row?.none;
}

/**
 * Which rows of a batch are in records already, and whether they changed: an
 * index probe per row (records_source_external_id_key), run batch by batch
 * while the file is read, so PostgreSQL answers beside the parser. Only what
 * is new or changed is staged afterwards. Returns the ords of unchanged rows.
 */
export async function probeBatch(session: ImportSession, t: Staging, rows: ReadonlyArray<{ ord: number; source: string; externalId: string; contentHash: string }>): Promise<Set<number>> {
  const found = await session.query<{ ord: number; changed: boolean }>(
    `INSERT INTO ${t.existing} (ord, changed)
     SELECT k.ord, r.content_hash IS DISTINCT FROM k.content_hash
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS k(ord, source, external_id, content_hash)
     JOIN LATERAL (SELECT r.content_hash FROM records r WHERE r.source = k.source AND r.external_id = k.external_id OFFSET 0) r ON true
     RETURNING ord, changed`,
    [rows.map((r) => r.ord), rows.map((r) => r.source), rows.map((r) => r.externalId), rows.map((r) => r.contentHash)],
  );
  return new Set(found.filter((f) => !f.changed).map((f) => Number(f.ord)));
}

/** How many rows the probes found changed and unchanged; gives the planner statistics for the steps that join the staged rows. */
export async function classifiedCounts(session: ImportSession, t: Staging): Promise<{ changed: number; unchanged: number }> {
  await session.query(`ANALYZE ${t.rows}, ${t.existing}`);
  const [row] = await session.query<{ changed: number; unchanged: number }>(
    `SELECT count(*) FILTER (WHERE changed)::int AS changed, count(*) FILTER (WHERE NOT changed)::int AS unchanged FROM ${t.existing}`,
  );
  return { changed: Number(row?.changed ?? 0), unchanged: Number(row?.unchanged ?? 0) };
}

/** Staged rows that are not in records: what still needs decoding when it was not done while streaming. */
export const freshNamesSql = (t: Staging) => `
  SELECT s.ord, s.full_name, s.birthplace FROM ${t.rows} s
  WHERE NOT EXISTS (SELECT 1 FROM ${t.existing} e WHERE e.ord = s.ord) ORDER BY s.ord`;

/** Staged rows that exist and changed, whole, for the staged path. */
export const changedRowsSql = (t: Staging) => `
  SELECT s.* FROM ${t.rows} s JOIN ${t.existing} e ON e.ord = s.ord WHERE e.changed ORDER BY s.ord`;

/** The new rows that can have a probable duplicate, from the staging tables. */
const stagedCandidates = (t: Staging) => `
    SELECT s.ord, s.line, s.source, s.external_id, s.full_name, s.birth_year, s.birthplace, rd.key
    FROM ${t.readings} rd JOIN ${t.rows} s ON s.ord = rd.ord
    WHERE rd.rank = 0 AND s.birth_year IS NOT NULL AND position(' ' in rd.key) > 0
      AND NOT EXISTS (SELECT 1 FROM ${t.existing} e WHERE e.ord = s.ord)`;

/**
 * The same, for a load into an empty database (copyIntoEmpty), which stages
 * nothing but each row's ord, line and new id: every row is new, and its
 * fields and readings are read back from where they were written.
 */
export const loadedCandidates = (t: Staging) => `
    SELECT i.ord, i.line, r.source, r.external_id, r.full_name, r.birth_year, r.birthplace, rd.key
    FROM ${t.ids} i JOIN records r ON r.id = i.id JOIN record_readings rd ON rd.record_id = i.id
    WHERE rd.rank = 0 AND r.birth_year IS NOT NULL AND position(' ' in rd.key) > 0`;

/** The ids table of a load into an empty database, filled batch by batch. */
export async function createLoadedIds(session: ImportSession, t: Staging): Promise<void> {
  await session.query(`CREATE UNLOGGED TABLE ${t.ids} (ord integer NOT NULL, id bigint NOT NULL, line integer NOT NULL)`);
}

/**
 * Probable duplicates of the new rows, set-wise: the same best reading (two or
 * more syllables) and birth year, and the same source or birthplace — against
 * at most 20 records already in the database with that reading (as the row
 * path probes), and against the 20 rows of the file before it with that
 * reading (then filtered by year, source and birthplace, as that probe is).
 * The row path pairs rows within a batch instead.
 * The pairs go to a table: a file may have many; the tally keeps the count and a sample.
 */
const DUPLICATE_LIMIT = 20;
export async function freshDuplicates(session: ImportSession, t: Staging, probeDatabase: boolean, mine = stagedCandidates(t)): Promise<{ count: number; sample: DuplicatePair[] }> {
  await session.query(`
    CREATE UNLOGGED TABLE ${t.duplicates} AS
    WITH numbered AS MATERIALIZED (
      SELECT * FROM (SELECT m.*, row_number() OVER w AS n, count(*) OVER (PARTITION BY m.key) AS c
                     FROM (${mine}) m WINDOW w AS (PARTITION BY m.key ORDER BY m.ord)) x
      WHERE c > 1)
    SELECT m.line, m.source, m.external_id, m.full_name, m.birth_year,
           NULL::bigint AS other_id, p.line AS other_line, p.source AS other_source, p.external_id AS other_external_id, p.full_name AS other_full_name
    FROM numbered m JOIN generate_series(1, ${DUPLICATE_LIMIT}) d(k) ON d.k < m.n
    JOIN numbered p ON p.key = m.key AND p.n = m.n - d.k
    WHERE p.birth_year = m.birth_year AND (p.source = m.source OR p.birthplace = m.birthplace)`);
  if (probeDatabase) {
    await withoutBitmapScans(session, () => session.query(`
      INSERT INTO ${t.duplicates}
      SELECT m.line, m.source, m.external_id, m.full_name, m.birth_year, o.id, NULL, o.source, o.external_id, o.full_name
      FROM (${mine}) m
      JOIN LATERAL (
        SELECT o.id, o.source, o.external_id, o.full_name
        FROM (SELECT record_id FROM record_readings WHERE key = m.key AND rank = 0 LIMIT ${DUPLICATE_LIMIT}) orr
        JOIN records o ON o.id = orr.record_id
        WHERE o.birth_year = m.birth_year AND (o.source = m.source OR o.birthplace = m.birthplace)
          AND NOT (o.source = m.source AND o.external_id = m.external_id)
        OFFSET 0
      ) o ON true`));
  }
  const [row] = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.duplicates}`);
  const sample = await session.query<DuplicateRow>(`SELECT * FROM ${t.duplicates} ORDER BY line, other_line NULLS FIRST LIMIT 20`);
  return { count: Number(row?.n ?? 0), sample: sample.map(toPair) };
}
