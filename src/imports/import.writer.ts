import type { EncodedFields, ImportSession } from './import.store.ts';
import type { SearchFields } from '../core/match/index.ts';
import type { SearchFieldsCache } from './import.search-fields.ts';
import { crashPoint } from '../shared/crash-point.ts';
import { copyFreshRecords, planStaged, readingRows, writeStaged, ROW_COLUMNS } from '../records/record-batch.writer.ts';

export { isRetryableBatchError, STAGING_DDL, recordFields } from '../records/record-batch.writer.ts';

/**
 * One batch of an import, inside the caller's transaction. This file decides
 * which rows are new, changed or unchanged, derives their search fields and
 * reports probable duplicates; every write of records, events and readings is
 * the record writer's (src/records/record-batch.writer.ts). Two paths:
 *
 * - direct (COPY store, not a dry run): the batch's keys are looked up; rows
 *   not yet in the database are COPYed straight in; changed rows take the
 *   staged path. A first load of a source is almost all direct.
 * - staged (PGlite, dry runs, changed rows): stage the rows, diff the changed
 *   ones (claims kept, conflicts opened), derive search fields, report
 *   probable duplicates, write. The SQL is the same on PostgreSQL and PGlite.
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
  /** Conflicts opened: a changed source value under an approved claim. */
  conflicts?: number;
  duplicates: DuplicatePair[];
}

const SEARCH_COLUMNS = ['ord', 'name_latin', 'birthplace_places'];

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

/**
 * Runs a duplicate probe with bitmap scans off. Each probe reads at most
 * DUPLICATE_PROBE_LIMIT readings of a key, which an index scan stops after;
 * the planner prefers a bitmap scan, which first collects every reading of the
 * key — thousands for a common name in a large database (50,000 rows into
 * 3,100,000 records spent 2–3 s a batch there, against 0.2 s this way:
 * docs/benchmarks.md). SET LOCAL, reset after: the rest of the transaction plans as usual.
 */
export async function withoutBitmapScans<T>(session: ImportSession, probe: () => Promise<T>): Promise<T> {
  await session.query(`SET LOCAL enable_bitmapscan = off`);
  try {
    return await probe();
  } finally {
    await session.query(`RESET enable_bitmapscan`).catch(() => undefined);
  }
}

export interface WriteContext {
  jobId: number;
  actor: string;
  dryRun: boolean;
  /** For rows whose search fields were not computed ahead (attested names, or no worker). */
  search: SearchFieldsCache;
  /** Optional: milliseconds spent per step, summed (the benchmark prints them). */
  timings?: Record<string, number>;
  /** Every row through the staging tables (a retry after a BatchRace). */
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
  if (session.kind !== 'copy' || ctx.dryRun || ctx.stagedOnly) return writeStagedBatch(session, rows, compute, ctx);
  return writeDirect(session, rows, compute, ctx);
}

/** Which rows of the batch exist, and whether their content changed (an index probe per row). */
const PROBE_SQL = `
SELECT k.ord, r.content_hash IS DISTINCT FROM k.content_hash AS changed
FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS k(ord, source, external_id, content_hash)
JOIN LATERAL (SELECT r.content_hash FROM records r WHERE r.source = k.source AND r.external_id = k.external_id OFFSET 0) r ON true`;


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
    const staged = await writeStagedBatch(session, changed, compute, ctx);
    outcome.inserted += staged.inserted;
    outcome.updated += staged.updated;
    outcome.unchanged += staged.unchanged;
    outcome.conflicts = staged.conflicts ?? 0;
    outcome.duplicates.push(...staged.duplicates);
  }
  return outcome;
}

/**
 * Rows not in the database: their probable duplicates are looked up first,
 * then the record writer COPYs them in. If another writer inserts one of these
 * keys meanwhile, it throws BatchRace and the caller runs the batch again on
 * the staged path.
 */
async function insertFresh(session: ImportSession, rows: readonly PreparedRow[], compute: ComputeSearchFields, ctx: WriteContext): Promise<DuplicatePair[]> {
  const step = stepTimer(ctx.timings);
  const fields = await step('search fields', () => compute(rows.map((r) => [r.fullName, r.birthplace])));
  const duplicates = await step('duplicates', () => freshDuplicates(session, rows, fields));
  crashPoint('duplicates');
  await step('insert', () => copyFreshRecords(session, rows.map((r, i) => ({ fields: r.fields, search: fields[i]! })), ctx.actor, ctx.jobId));
  return duplicates;
}

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
  const found = await withoutBitmapScans(session, () => session.query<DuplicateRow>(FRESH_DUPLICATES_SQL, [
    column((m) => m.row.ord),
    column((m) => m.row.line),
    column((m) => m.row.source),
    column((m) => m.row.externalId),
    column((m) => m.row.fullName),
    column((m) => m.row.birthYear),
    column((m) => m.row.birthplace),
    column((m) => m.key),
  ]));
  return found.map(toPair);
}

async function writeStagedBatch(session: ImportSession, rows: readonly PreparedRow[], compute: ComputeSearchFields, ctx: WriteContext): Promise<BatchOutcome> {
  const step = stepTimer(ctx.timings);
  await step('stage rows', () => session.load('nb_import_rows', ROW_COLUMNS, rows.map((r) => [r.ord, r.line, r.fields])));
  const plan = await step('find existing', () => planStaged(session, new Map(rows.map((r) => [r.ord, r.contentHash]))));
  const byOrd = new Map(rows.map((r) => [r.ord, r]));

  // Plain rows are decoded in the worker; a record with attested names or a
  // claimed birthplace is derived here from what it displays.
  const special = new Map(plan.updates.filter((u) => u.attested.length > 0 || 'birthplace' in u.change.sourceValues).map((u) => [u.ord, u]));
  const plain = [...plan.fresh, ...plan.updates.map((u) => u.ord)].filter((ord) => !special.has(ord));
  const computed = await step('search fields', () => compute(plain.map((ord) => [byOrd.get(ord)!.fullName, byOrd.get(ord)!.birthplace])));
  const search = new Map<number, SearchFields>(plain.map((ord, i) => [ord, computed[i]!]));
  for (const [ord, u] of special) {
    search.set(ord, ctx.search.compute({ fullName: byOrd.get(ord)!.fullName, birthplace: (u.next.birthplace as string | null) ?? null, attested: u.attested }));
  }
  const readings = readingRows([...search].map(([ord, fields]) => [ord, fields] as const));
  await step('stage search fields', async () => {
    await session.load('nb_import_search', SEARCH_COLUMNS, [...search].map(([ord, f]) => [ord, f.nameLatin, f.birthplacePlaces]));
    await session.load('nb_import_readings', ['ord', 'record_id', ...readings.columns], readings.rows.map(([ord, ...rest]) => [ord, 0, ...rest]));
  });

  // A record of this batch found in the database is paired within the batch instead.
  const inBatch = new Set(rows.map((r) => `${r.source}\u0001${r.externalId}`));
  const duplicates = (await step('duplicates', () => withoutBitmapScans(session, () => session.query<DuplicateRow>(DUPLICATES_SQL))))
    .filter((d) => d.other_id === null || !inBatch.has(`${d.other_source}\u0001${d.other_external_id}`))
    .map(toPair);

  const outcome = { inserted: plan.fresh.length, updated: plan.updates.length, unchanged: plan.unchanged, duplicates };
  if (ctx.dryRun || search.size === 0) return outcome;
  const written = await step('upsert', () => writeStaged(session, { plan, search, readingColumns: readings.columns, actor: ctx.actor, jobId: ctx.jobId }));
  return { ...outcome, conflicts: written.conflicts };
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

export interface DuplicateRow {
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

export function toPair(d: DuplicateRow): DuplicatePair {
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
