import { RECORD_FIELDS, normColumn } from '../records/record.fields.ts';
import type { RecordUpdate } from '../db/schema.ts';
import type { EncodedFields, ImportSession } from './import.store.ts';
import type { SearchFields } from '../search/search-fields.ts';
import type { SearchFieldsCache } from './import.search-fields.ts';

/**
 * The write of one batch, inside the caller's transaction. Two paths:
 *
 * - direct (COPY store, not a dry run): the batch's keys are looked up; rows
 *   not yet in the database are COPYed straight into records, record_events
 *   and record_readings with ids taken from the sequence; changed rows take
 *   the staged path. A first load of a source is almost all direct.
 * - staged (PGlite, dry runs, changed rows): stage the rows, derive search
 *   fields for the new or changed ones, report probable duplicates, upsert on
 *   (source, external_id), append history events and replace readings; the
 *   SQL is the same on PostgreSQL and PGlite.
 */
export interface PreparedRow {
  ord: number;
  line: number;
  source: string;
  externalId: string;
  contentHash: string;
  fullName: string;
  birthYear: number | null;
  birthplace: string | null;
  /** Fields from source to extra (RECORD_FIELDS_ORDER), encoded by the store when the row was read: see recordFields(). */
  fields: EncodedFields;
}

/** A record's stored fields in RECORD_FIELDS_ORDER (for ImportStore.encode). */
export function recordFields(source: string, externalId: string, contentHash: string, columns: RecordUpdate, extra: Record<string, string>): unknown[] {
  const cols = columns as Record<string, unknown>;
  const out: unknown[] = [source, externalId, contentHash];
  for (const c of RECORD_COLUMNS) out.push(cols[c] ?? null);
  out.push(extra);
  return out;
}

export interface DuplicatePair {
  line: number;
  source: string;
  externalId: string;
  fullName: string;
  birthYear: number;
  other: { recordId: number | null; line: number | null; source: string; externalId: string; fullName: string };
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: DuplicatePair[];
}

/** Every record column the importer writes, in staging order. */
const DATE_COLUMNS = RECORD_FIELDS.filter((f) => f.kind === 'date').map((f) => normColumn(f.column));
export const RECORD_COLUMNS: readonly string[] = [...RECORD_FIELDS.map((f) => f.column), ...DATE_COLUMNS];
const RECORD_FIELDS_ORDER = ['source', 'external_id', 'content_hash', ...RECORD_COLUMNS, 'extra'];
const ROW_COLUMNS = ['ord', 'line', ...RECORD_FIELDS_ORDER];
/** What the direct path COPYs into records: ids from the sequence, then the fields, then the search columns. */
const DIRECT_RECORD_COLUMNS = ['id', ...RECORD_FIELDS_ORDER, 'name_latin', 'birthplace_places'];
const SEARCH_COLUMNS = ['ord', 'name_latin', 'birthplace_places'];

const columnType = (c: string) => (c === 'birth_year' ? 'smallint' : 'text');
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const STAGING_DDL: readonly string[] = [
  // The batch statements are cheap but look expensive to the planner; JIT
  // compiling them costs seconds per batch.
  `SET jit = off`,
  // The upsert sorts a batch by ord and by key: 4 MB (the default) spilled it to disk.
  `SET work_mem = '32MB'`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_rows (
     ord integer NOT NULL, line integer NOT NULL, source text NOT NULL, external_id text NOT NULL, content_hash text NOT NULL,
     ${RECORD_COLUMNS.map((c) => `${c} ${columnType(c)}`).join(', ')},
     extra jsonb NOT NULL
   ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_existing (ord integer NOT NULL, id bigint NOT NULL, changed boolean NOT NULL, row jsonb) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_search (ord integer NOT NULL, name_latin text NOT NULL, birthplace_places text[] NOT NULL) ON COMMIT DELETE ROWS`,
  // Shaped like record_readings whatever columns search adds (record_id staged as 0).
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_readings (ord integer NOT NULL, LIKE record_readings) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_result (ord integer NOT NULL, id bigint NOT NULL, inserted boolean NOT NULL) ON COMMIT DELETE ROWS`,
];

/** What the records row holds, as jsonb, for the history diff (business columns only). */
const rowJson = (alias: string) =>
  `jsonb_build_object(${[...RECORD_FIELDS.map((f) => f.column), 'extra'].map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;

/*
 * Lookups into records and record_readings are written as LATERAL … OFFSET 0
 * subqueries so they stay index probes (records_source_external_id_key,
 * record_readings_key_idx) however the planner judges the unanalysed staging
 * tables; a hash join would scan the whole table once per batch.
 */

/** Staged rows that already exist: their id, whether they changed, and (if so) their old values. */
const EXISTING_SQL = `
WITH ex AS (
  INSERT INTO nb_import_existing (ord, id, changed, row)
  SELECT s.ord, r.id, r.content_hash IS DISTINCT FROM s.content_hash,
         CASE WHEN r.content_hash IS DISTINCT FROM s.content_hash THEN ${rowJson('r')} END
  FROM nb_import_rows s
  JOIN LATERAL (SELECT * FROM records r WHERE r.source = s.source AND r.external_id = s.external_id OFFSET 0) r ON true
  RETURNING ord, id, changed
)
SELECT ex.ord, ex.changed,
       CASE WHEN ex.changed THEN (SELECT array_agg(a.pinyin ORDER BY a.id) FROM attested_names a WHERE a.record_id = ex.id) END AS attested
FROM ex`;

const UPSERT_SQL = `
WITH up AS (
  INSERT INTO records (source, external_id, content_hash, ${RECORD_COLUMNS.join(', ')}, extra, name_latin, birthplace_places)
  SELECT s.source, s.external_id, s.content_hash, ${RECORD_COLUMNS.map((c) => `s.${c}`).join(', ')}, s.extra,
         COALESCE(f.name_latin, ''), COALESCE(f.birthplace_places, '{}')
  FROM nb_import_rows s LEFT JOIN nb_import_search f ON f.ord = s.ord
  WHERE NOT EXISTS (SELECT 1 FROM nb_import_existing e WHERE e.ord = s.ord AND NOT e.changed)
  ORDER BY s.ord
  ON CONFLICT (source, external_id) DO UPDATE SET
    ${[...RECORD_COLUMNS, 'extra', 'content_hash', 'name_latin', 'birthplace_places'].map((c) => `${c} = EXCLUDED.${c}`).join(',\n    ')},
    version = records.version + 1,
    updated_at = now()
  WHERE records.content_hash IS DISTINCT FROM EXCLUDED.content_hash
  RETURNING records.id, records.source, records.external_id, (records.xmax = 0) AS inserted
),
res AS (
  INSERT INTO nb_import_result (ord, id, inserted)
  SELECT s.ord, up.id, up.inserted FROM up JOIN nb_import_rows s ON s.source = up.source AND s.external_id = up.external_id
  RETURNING ord, id, inserted
),
ev AS (
  INSERT INTO record_events (record_id, kind, actor, data)
  SELECT res.id,
         CASE WHEN res.inserted THEN 'record.inserted' ELSE 'record.updated' END,
         $1,
         CASE WHEN res.inserted OR e.row IS NULL THEN jsonb_build_object('importJob', $2::bigint)
              ELSE (SELECT jsonb_build_object(
                      'importJob', $2::bigint,
                      'old', (SELECT COALESCE(jsonb_object_agg(o.key, o.value), '{}'::jsonb) FROM jsonb_each(e.row) o WHERE o.value IS DISTINCT FROM n.row -> o.key),
                      'new', (SELECT COALESCE(jsonb_object_agg(o.key, o.value), '{}'::jsonb) FROM jsonb_each(n.row) o WHERE o.value IS DISTINCT FROM e.row -> o.key))
                    FROM (SELECT ${rowJson('s')} AS row) n)
         END
  FROM res JOIN nb_import_rows s ON s.ord = res.ord LEFT JOIN nb_import_existing e ON e.ord = res.ord
  ORDER BY res.ord
  RETURNING 1
)
SELECT (SELECT count(*) FROM res WHERE inserted)::int AS inserted,
       (SELECT count(*) FROM res WHERE NOT inserted)::int AS updated,
       (SELECT count(*) FROM ev)::int AS events`;

/**
 * Probable duplicates of the new or changed rows: the same best reading
 * (record_readings.key, indexed) and birth year, and the same source or the
 * same birthplace — against the database and within the batch. Reported, never merged.
 * Bounded so it stays cheap on millions of rows: only readings of two or more
 * syllables count (a lone syllable is not a name), and for each row at most
 * DUPLICATE_PROBE_LIMIT existing records with that reading are examined.
 */
const DUPLICATE_PROBE_LIMIT = 20;
const duplicatesSql = (mine: string) => `
WITH mine AS MATERIALIZED (${mine})
SELECT m.line, m.source, m.external_id, m.full_name, m.birth_year,
       o.id AS other_id, NULL::int AS other_line, o.source AS other_source, o.external_id AS other_external_id, o.full_name AS other_full_name
FROM mine m
JOIN LATERAL (
  SELECT o.id, o.source, o.external_id, o.full_name
  FROM (SELECT record_id FROM record_readings WHERE key = m.key AND rank = 0 LIMIT ${DUPLICATE_PROBE_LIMIT}) orr
  JOIN records o ON o.id = orr.record_id
  WHERE o.birth_year = m.birth_year
    AND (o.source = m.source OR o.birthplace = m.birthplace)
    AND NOT (o.source = m.source AND o.external_id = m.external_id)
  OFFSET 0
) o ON true
UNION ALL
SELECT m.line, m.source, m.external_id, m.full_name, m.birth_year,
       NULL, p.line, p.source, p.external_id, p.full_name
FROM mine m JOIN mine p ON p.key = m.key AND p.ord < m.ord
WHERE p.birth_year = m.birth_year AND (p.source = m.source OR p.birthplace = m.birthplace)
ORDER BY 1`;

/** The staged path's candidates: the batch's staged rows with their best reading. */
const DUPLICATES_SQL = duplicatesSql(`
  SELECT s.ord, s.line, s.source, s.external_id, s.full_name, s.birth_year, s.birthplace, rd.key
  FROM nb_import_readings rd JOIN nb_import_rows s ON s.ord = rd.ord
  WHERE rd.rank = 0 AND s.birth_year IS NOT NULL AND position(' ' in rd.key) > 0`);

export interface WriteContext {
  jobId: number;
  actor: string;
  dryRun: boolean;
  /** For rows whose search fields were not computed ahead (attested names, or no worker). */
  search: SearchFieldsCache;
  /** Optional: milliseconds spent per step, summed (the benchmark prints them). */
  timings?: Record<string, number>;
  /** Every row through the staging tables (a retry after DirectInsertConflict). */
  stagedOnly?: boolean;
}

/**
 * `compute` derives searchFieldsFor() for a list of (full name, birthplace) —
 * in a worker thread — and is asked only for the rows that turn out new or
 * changed, so an unchanged re-import decodes nothing. Records with attested
 * names are derived here, with their attested names first.
 */
export type ComputeSearchFields = (items: Array<[string, string | null]>) => Promise<SearchFields[]>;

export async function writeBatch(session: ImportSession, rows: readonly PreparedRow[], compute: ComputeSearchFields, ctx: WriteContext): Promise<BatchOutcome> {
  if (session.kind !== 'copy' || ctx.dryRun || ctx.stagedOnly) return writeStaged(session, rows, compute, ctx);
  return writeDirect(session, rows, compute, ctx);
}

/** Which rows of the batch exist, and whether their content changed (an index probe per row). */
const PROBE_SQL = `
SELECT k.ord, r.content_hash IS DISTINCT FROM k.content_hash AS changed
FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS k(ord, source, external_id, content_hash)
JOIN LATERAL (SELECT r.content_hash FROM records r WHERE r.source = k.source AND r.external_id = k.external_id OFFSET 0) r ON true`;

const NEXT_IDS_SQL = `SELECT nextval(pg_get_serial_sequence('records', 'id'))::text AS id FROM generate_series(1, $1::int)`;

async function writeDirect(session: ImportSession, rows: readonly PreparedRow[], compute: ComputeSearchFields, ctx: WriteContext): Promise<BatchOutcome> {
  const step = stepTimer(ctx.timings);
  const found = await step('find existing', () =>
    session.query<{ ord: number; changed: boolean }>(PROBE_SQL, [rows.map((r) => r.ord), rows.map((r) => r.source), rows.map((r) => r.externalId), rows.map((r) => r.contentHash)]),
  );
  const changedByOrd = new Map(found.map((f) => [Number(f.ord), f.changed]));
  const fresh = rows.filter((r) => !changedByOrd.has(r.ord));
  const changed = rows.filter((r) => changedByOrd.get(r.ord) === true);
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: rows.length - fresh.length - changed.length, duplicates: [] };
  if (fresh.length > 0) {
    outcome.duplicates.push(...(await insertFresh(session, fresh, compute, ctx)));
    outcome.inserted += fresh.length;
  }
  if (changed.length > 0) {
    const staged = await writeStaged(session, changed, compute, ctx);
    outcome.inserted += staged.inserted;
    outcome.updated += staged.updated;
    outcome.unchanged += staged.unchanged;
    outcome.duplicates.push(...staged.duplicates);
  }
  return outcome;
}

/**
 * Rows not in the database: their probable duplicates are looked up first,
 * then records, events and readings are COPYed in. If another writer inserts
 * one of these keys meanwhile, COPY fails on the unique key and the caller
 * runs the batch again on the staged path (DirectInsertConflict).
 */
async function insertFresh(session: ImportSession, rows: readonly PreparedRow[], compute: ComputeSearchFields, ctx: WriteContext): Promise<DuplicatePair[]> {
  const step = stepTimer(ctx.timings);
  const fields = await step('search fields', () => compute(rows.map((r) => [r.fullName, r.birthplace])));
  const duplicates = await step('duplicates', () => freshDuplicates(session, rows, fields));
  const ids = (await session.query<{ id: string }>(NEXT_IDS_SQL, [rows.length])).map((r) => r.id);
  const event = JSON.stringify({ importJob: ctx.jobId });
  const readingRows: unknown[][] = [];
  let readingKeys: string[] | undefined;
  rows.forEach((_, i) => {
    for (const reading of fields[i]!.readings) {
      readingKeys ??= Object.keys(reading);
      const r = reading as unknown as Record<string, unknown>;
      readingRows.push([ids[i], ...readingKeys.map((k) => r[k])]);
    }
  });
  await step('insert', async () => {
    try {
      await session.load('records', DIRECT_RECORD_COLUMNS, rows.map((r, i) => [ids[i], r.fields, fields[i]!.nameLatin, fields[i]!.birthplacePlaces]));
    } catch (err) {
      if (isUniqueViolation(err)) throw new DirectInsertConflict(err);
      throw err;
    }
    await session.load('record_events', ['record_id', 'kind', 'actor', 'data'], ids.map((id) => [id, 'record.inserted', ctx.actor, event]));
    if (readingKeys) await session.load('record_readings', ['record_id', ...readingKeys.map(snake)], readingRows);
  });
  return duplicates;
}

/** A key of the batch appeared in the database between the lookup and the COPY. */
export class DirectInsertConflict extends Error {
  constructor(cause: unknown) {
    super('a record of the batch was inserted by another writer meanwhile', { cause });
  }
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'records_source_external_id_key';

/** The direct path's candidates, already filtered in TypeScript (freshDuplicates), travel as arrays. */
const FRESH_DUPLICATES_SQL = duplicatesSql(`
  SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
    AS m(ord, line, source, external_id, full_name, birth_year, birthplace, key)`);

async function freshDuplicates(session: ImportSession, rows: readonly PreparedRow[], fields: readonly SearchFields[]): Promise<DuplicatePair[]> {
  const mine = rows.flatMap((row, i) => {
    const key = fields[i]!.readings.find((r) => r.rank === 0)?.key;
    // Only readings of two or more syllables count (a lone syllable is not a name).
    return key && key.includes(' ') && row.birthYear !== null ? [{ row, key }] : [];
  });
  if (mine.length === 0) return [];
  const column = <T>(f: (m: (typeof mine)[number]) => T) => mine.map(f);
  const found = await session.query<DuplicateRow>(FRESH_DUPLICATES_SQL, [
    column((m) => m.row.ord),
    column((m) => m.row.line),
    column((m) => m.row.source),
    column((m) => m.row.externalId),
    column((m) => m.row.fullName),
    column((m) => m.row.birthYear),
    column((m) => m.row.birthplace),
    column((m) => m.key),
  ]);
  return found.map(toPair);
}

async function writeStaged(session: ImportSession, rows: readonly PreparedRow[], compute: ComputeSearchFields, ctx: WriteContext): Promise<BatchOutcome> {
  const step = stepTimer(ctx.timings);
  await step('stage rows', () =>
    session.load(
      'nb_import_rows',
      ROW_COLUMNS,
      rows.map((r) => [r.ord, r.line, r.fields]),
    ),
  );
  const existing = await step('find existing', () => session.query<{ ord: number; changed: boolean; attested: string[] | null }>(EXISTING_SQL));
  const byOrd = new Map(existing.map((e) => [Number(e.ord), e]));

  const changed = rows.filter((row) => byOrd.get(row.ord)?.changed !== false);
  const newCount = changed.filter((row) => !byOrd.has(row.ord)).length;
  const plain = changed.filter((row) => (byOrd.get(row.ord)?.attested ?? []).length === 0);
  const nameOf = (row: PreparedRow): [string, string | null] => [row.fullName, row.birthplace];
  const computed = await step('search fields', () => compute(plain.map(nameOf)));
  const fieldsByOrd = new Map(plain.map((row, i) => [row.ord, computed[i]!]));

  const searchRows: unknown[][] = [];
  const readingRows: unknown[][] = [];
  let readingKeys: string[] | undefined;
  for (const row of changed) {
    const fields =
      fieldsByOrd.get(row.ord) ??
      ctx.search.compute({ fullName: nameOf(row)[0], birthplace: nameOf(row)[1], attested: byOrd.get(row.ord)?.attested ?? [] });
    searchRows.push([row.ord, fields.nameLatin, fields.birthplacePlaces]);
    for (const reading of fields.readings) {
      readingKeys ??= Object.keys(reading);
      const r = reading as unknown as Record<string, unknown>;
      readingRows.push([row.ord, 0, ...readingKeys.map((k) => r[k])]);
    }
  }
  const changedCount = changed.length;
  const readingColumns = readingKeys?.map(snake) ?? [];
  await step('stage search fields', async () => {
    await session.load('nb_import_search', SEARCH_COLUMNS, searchRows);
    await session.load('nb_import_readings', ['ord', 'record_id', ...readingColumns], readingRows);
  });

  // A record of this batch found in the database is paired within the batch instead.
  const inBatch = new Set(rows.map((r) => `${r.source}\u0001${r.externalId}`));
  const duplicates = (await step('duplicates', () => session.query<DuplicateRow>(DUPLICATES_SQL)))
    .filter((d) => d.other_id === null || !inBatch.has(`${d.other_source}\u0001${d.other_external_id}`))
    .map(toPair);

  if (ctx.dryRun) {
    return { inserted: newCount, updated: changedCount - newCount, unchanged: rows.length - changedCount, duplicates };
  }
  if (changedCount === 0) return { inserted: 0, updated: 0, unchanged: rows.length, duplicates };

  const [counts] = await step('upsert', () => session.query<{ inserted: number; updated: number }>(UPSERT_SQL, [ctx.actor, ctx.jobId]));
  const inserted = Number(counts?.inserted ?? 0);
  const updated = Number(counts?.updated ?? 0);
  await step('readings', async () => {
    if (updated > 0) {
      await session.query(`DELETE FROM record_readings WHERE record_id = ANY (ARRAY(SELECT id FROM nb_import_result WHERE NOT inserted))`);
    }
    if (readingRows.length > 0) {
      const cols = readingColumns.join(', ');
      await session.query(
        `INSERT INTO record_readings (record_id, ${cols}) SELECT res.id, ${readingColumns.map((c) => `r.${c}`).join(', ')} FROM nb_import_readings r JOIN nb_import_result res ON res.ord = r.ord`,
      );
    }
  });
  return { inserted, updated, unchanged: rows.length - inserted - updated, duplicates };
}

function stepTimer(timings: Record<string, number> | undefined) {
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    if (!timings) return fn();
    const started = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - started;
    }
  };
}

interface DuplicateRow {
  line: number;
  source: string;
  external_id: string;
  full_name: string;
  birth_year: number;
  other_id: string | null;
  other_line: number | null;
  other_source: string;
  other_external_id: string;
  other_full_name: string;
}

function toPair(d: DuplicateRow): DuplicatePair {
  return {
    line: Number(d.line),
    source: d.source,
    externalId: d.external_id,
    fullName: d.full_name,
    birthYear: Number(d.birth_year),
    other: {
      recordId: d.other_id === null ? null : Number(d.other_id),
      line: d.other_line === null ? null : Number(d.other_line),
      source: d.other_source,
      externalId: d.other_external_id,
      fullName: d.other_full_name,
    },
  };
}
