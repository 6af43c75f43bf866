import type { ImportSession } from '../imports/import.store.ts';
import type { SearchFields } from '../core/match/index.ts';
import { crashPoint } from '../shared/crash-point.ts';
import { DECODER_VERSION } from '../search/decoder-version.ts';
import { RECORD_FIELDS, normColumn } from '../core/records/index.ts';
import { diffSource, isEmptyChange, sameValue, type Columns, type RecordChange, type SourceValues } from './record.diff.ts';
import type { RecordUpdate } from '../db/schema.ts';

/**
 * The record writer's batch half (see record.writer.ts): the importer hands it
 * rows, it writes records, events, readings and conflicts. Two ways in:
 *
 * - copyFreshRecords: rows known to be new are COPYed straight into records,
 *   record_events and record_readings (the fast path of a first load).
 * - the staged path: rows staged in nb_import_rows are looked up
 *   (readExisting), each changed one diffed in TypeScript by record.diff.ts —
 *   the same diff as a single update, so a claimed field keeps its claim and a
 *   changed source value opens a conflict — and then written set-wise
 *   (writeStaged), every update guarded by the version it was computed from.
 *
 * A lost race (a key inserted, or a record changed, by another writer since the
 * lookup) throws BatchRace: the caller rolls the batch back and runs it again.
 */
const DATE_COLUMNS = RECORD_FIELDS.filter((f) => f.kind === 'date').map((f) => normColumn(f.column));
export const RECORD_COLUMNS: readonly string[] = [...RECORD_FIELDS.map((f) => f.column), ...DATE_COLUMNS];
/** The fields the importer encodes per row (ImportStore.encode), in this order: see recordFields(). */
export const RECORD_FIELDS_ORDER = ['source', 'external_id', 'content_hash', ...RECORD_COLUMNS, 'extra', 'extra_private'];
export const ROW_COLUMNS = ['ord', 'line', ...RECORD_FIELDS_ORDER];
const DIRECT_RECORD_COLUMNS = ['id', ...RECORD_FIELDS_ORDER, 'name_latin', 'birthplace_places'];
/** What a staged update writes: the whole displayed row. */
const STORED_COLUMNS = ['content_hash', ...RECORD_COLUMNS, 'extra', 'extra_private', 'source_values', 'name_latin', 'birthplace_places'];
const UPDATE_COLUMNS = ['ord', 'id', 'version', 'bump', ...STORED_COLUMNS];

export const columnType = (c: string) => (c === 'birth_year' ? 'smallint' : 'text');
export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A record's stored fields in RECORD_FIELDS_ORDER (for ImportStore.encode). */
export function recordFields(source: string, externalId: string, hash: string, columns: RecordUpdate, extra: Record<string, string>, extraPrivate: Record<string, string>): unknown[] {
  const cols = columns as Record<string, unknown>;
  return [source, externalId, hash, ...RECORD_COLUMNS.map((c) => cols[c] ?? null), extra, extraPrivate];
}

export const STAGING_DDL: readonly string[] = [
  // The batch statements are cheap but look expensive to the planner; JIT
  // compiling them costs seconds per batch.
  `SET jit = off`,
  // The upsert sorts a batch by ord and by key: 4 MB (the default) spilled it to disk.
  `SET work_mem = '32MB'`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_rows (
     ord integer NOT NULL, line integer NOT NULL, source text NOT NULL, external_id text NOT NULL, content_hash text NOT NULL,
     ${RECORD_COLUMNS.map((c) => `${c} ${columnType(c)}`).join(', ')},
     extra jsonb NOT NULL, extra_private jsonb NOT NULL
   ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_updates (
     ord integer NOT NULL, id bigint NOT NULL, version integer NOT NULL, bump boolean NOT NULL, content_hash text NOT NULL,
     ${RECORD_COLUMNS.map((c) => `${c} ${columnType(c)}`).join(', ')},
     extra jsonb NOT NULL, extra_private jsonb NOT NULL, source_values jsonb NOT NULL, name_latin text NOT NULL, birthplace_places text[] NOT NULL
   ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_search (ord integer NOT NULL, name_latin text NOT NULL, birthplace_places text[] NOT NULL) ON COMMIT DELETE ROWS`,
  // Shaped like record_readings whatever columns search adds (record_id staged as 0).
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_readings (ord integer NOT NULL, LIKE record_readings) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE IF NOT EXISTS nb_import_result (ord integer NOT NULL, id bigint NOT NULL, inserted boolean NOT NULL) ON COMMIT DELETE ROWS`,
];

export class BatchRace extends Error {
  constructor(what: string, cause?: unknown) {
    super(`${what} by another writer meanwhile`, cause === undefined ? undefined : { cause });
  }
}

/**
 * A batch that may simply be run again: another writer raced it (BatchRace), or
 * PostgreSQL chose it as a deadlock's victim (40P01). Two imports at once both
 * add to tables the triggers keep (link_pending, surname_lexicon); adding the
 * same new keys in separate statements of their batches can wait in a cycle,
 * and PostgreSQL then rolls one batch back, which loses nothing.
 */
export const isRetryableBatchError = (err: unknown): boolean =>
  err instanceof BatchRace || (typeof err === 'object' && err !== null && (err as { code?: string }).code === '40P01');

export interface FreshRow {
  fields: unknown;
  search: SearchFields;
}

/** Rows not in the database: records, events and readings COPYed in, ids from the sequence. Returns the ids, in the rows' order. */
export async function copyFreshRecords(session: ImportSession, rows: readonly FreshRow[], actor: string, jobId: number): Promise<string[]> {
  const ids = (await session.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('records', 'id'))::text AS id FROM generate_series(1, $1::int)`, [rows.length])).map((r) => r.id);
  const readings = readingRows(rows.map((r, i) => [ids[i]!, r.search]));
  try {
    await session.load('records', DIRECT_RECORD_COLUMNS, rows.map((r, i) => [ids[i], r.fields, r.search.nameLatin, r.search.birthplacePlaces]));
  } catch (err) {
    if (isUniqueViolation(err)) throw new BatchRace('a record of the batch was inserted', err);
    throw err;
  }
  crashPoint('batch'); // records COPYed, events and readings not yet: inside the batch's transaction
  const event = JSON.stringify({ importJob: jobId });
  await session.load('record_events', ['record_id', 'kind', 'actor', 'data'], ids.map((id) => [id, 'record.inserted', actor, event]));
  if (readings.columns.length > 0) await session.load('record_readings', ['record_id', ...readings.columns], readings.rows);
  return ids;
}

/** Readings as rows of (key, ...columns), the key first (a record id, or a staged ord), stamped with the decoder version. */
export function readingRows(items: ReadonlyArray<readonly [unknown, SearchFields]>): { columns: string[]; rows: unknown[][] } {
  let keys: string[] | undefined;
  const rows: unknown[][] = [];
  for (const [key, fields] of items) {
    for (const reading of fields.readings) {
      keys ??= Object.keys(reading);
      const r = reading as unknown as Record<string, unknown>;
      rows.push([key, ...keys.map((k) => r[k]), DECODER_VERSION]);
    }
  }
  return { columns: keys ? [...keys.map(snake), 'decoder_version'] : [], rows };
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'records_source_external_id_key';

const rowJson = (alias: string) => `jsonb_build_object(${[...RECORD_COLUMNS, 'extra', 'extra_private'].map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;

/*
 * Lookups into records are LATERAL … OFFSET 0 subqueries so they stay index
 * probes (records_source_external_id_key) however the planner judges the
 * unanalysed staging tables.
 */
const EXISTING_SQL = `
SELECT s.ord, r.id, r.version, r.changed, r.content_hash,
       CASE WHEN r.changed THEN ${rowJson('r')} END AS current,
       CASE WHEN r.changed THEN ${rowJson('s')} END AS incoming,
       CASE WHEN r.changed THEN r.source_values END AS source_values,
       CASE WHEN r.changed THEN (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'field', c.field, 'value', c.value))
                                 FROM record_claims c WHERE c.record_id = r.id AND c.status = 'active') END AS claims,
       CASE WHEN r.changed THEN (SELECT array_agg(a.pinyin ORDER BY a.id) FROM attested_names a WHERE a.record_id = r.id) END AS attested
FROM nb_import_rows s
JOIN LATERAL (SELECT r.*, r.content_hash IS DISTINCT FROM s.content_hash AS changed
              FROM records r WHERE r.source = s.source AND r.external_id = s.external_id OFFSET 0) r ON true`;

interface ExistingRow {
  ord: number;
  id: string;
  version: number;
  changed: boolean;
  content_hash: string | null;
  current: Columns | null;
  incoming: Columns | null;
  source_values: SourceValues | null;
  claims: Array<{ id: number; field: string; value: unknown }> | null;
  attested: string[] | null;
}

/** A staged row that exists and changed: its diff, and what it displays afterwards. */
export interface StagedUpdate {
  ord: number;
  id: string;
  version: number;
  oldHash: string | null;
  newHash: string;
  change: RecordChange;
  next: Columns;
  claims: Array<{ id: number; field: string; value: unknown }>;
  attested: string[];
}

export interface StagedPlan {
  /** Ords of staged rows not in the database. */
  fresh: number[];
  updates: StagedUpdate[];
  unchanged: number;
}

/** Looks the staged rows up and diffs each changed one (record.diff.ts). */
export async function planStaged(session: ImportSession, hashes: ReadonlyMap<number, string>): Promise<StagedPlan> {
  const existing = await session.query<ExistingRow>(EXISTING_SQL);
  const byOrd = new Map(existing.map((e) => [Number(e.ord), e]));
  const plan: StagedPlan = { fresh: [], updates: [], unchanged: 0 };
  for (const [ord, hash] of hashes) {
    const e = byOrd.get(ord);
    if (!e) plan.fresh.push(ord);
    else if (!e.changed) plan.unchanged++;
    else {
      const claims = e.claims ?? [];
      const change = diffSource(e.current!, e.source_values ?? {}, new Set(claims.map((c) => c.field)), e.incoming!);
      plan.updates.push({
        ord, id: String(e.id), version: Number(e.version), oldHash: e.content_hash, newHash: hash,
        change, next: { ...e.current, ...change.set }, claims, attested: e.attested ?? [],
      });
    }
  }
  return plan;
}

const INSERT_FRESH_SQL = `
WITH ins AS (
  INSERT INTO records (source, external_id, content_hash, ${RECORD_COLUMNS.join(', ')}, extra, extra_private, name_latin, birthplace_places)
  SELECT s.source, s.external_id, s.content_hash, ${RECORD_COLUMNS.map((c) => `s.${c}`).join(', ')}, s.extra, s.extra_private,
         COALESCE(f.name_latin, ''), COALESCE(f.birthplace_places, '{}')
  FROM nb_import_rows s LEFT JOIN nb_import_search f ON f.ord = s.ord
  WHERE s.ord = ANY ($1::int[])
  ORDER BY s.ord
  ON CONFLICT (source, external_id) DO NOTHING
  RETURNING id, source, external_id
),
res AS (
  INSERT INTO nb_import_result (ord, id, inserted)
  SELECT s.ord, ins.id, true FROM ins JOIN nb_import_rows s ON s.source = ins.source AND s.external_id = ins.external_id
  RETURNING ord, id
),
ev AS (
  INSERT INTO record_events (record_id, kind, actor, data)
  SELECT res.id, 'record.inserted', $2, jsonb_build_object('importJob', $3::bigint) FROM res ORDER BY res.ord
  RETURNING 1
)
SELECT (SELECT count(*) FROM res)::int AS inserted, (SELECT count(*) FROM ev)::int AS events`;

const UPDATE_SQL = `
WITH up AS (
  UPDATE records r SET ${STORED_COLUMNS.map((c) => `${c} = u.${c}`).join(', ')},
         version = r.version + CASE WHEN u.bump THEN 1 ELSE 0 END,
         updated_at = CASE WHEN u.bump THEN now() ELSE r.updated_at END
  FROM nb_import_updates u
  WHERE r.id = u.id AND r.version = u.version
  RETURNING r.id
)
INSERT INTO nb_import_result (ord, id, inserted)
SELECT u.ord, u.id, false FROM nb_import_updates u JOIN up ON up.id = u.id
RETURNING 1`;

const CONFLICTS_SQL = `
INSERT INTO record_conflicts (record_id, claim_id, field, corrected_value, source_value, previous_source_value, import_job_id)
SELECT (e ->> 'recordId')::bigint, (e ->> 'claimId')::bigint, e ->> 'field', e -> 'corrected', e -> 'source', e -> 'previous', $2::bigint
FROM jsonb_array_elements($1::jsonb) AS e`;

export interface StagedWrite {
  plan: StagedPlan;
  /** Search fields of every fresh or updated ord. */
  search: ReadonlyMap<number, SearchFields>;
  /** Columns of nb_import_readings staged by the caller (none when no reading was staged). */
  readingColumns: readonly string[];
  actor: string;
  jobId: number;
}

/** Writes a plan: fresh rows inserted, updates guarded by version, their events, conflicts and readings. */
export async function writeStaged(session: ImportSession, w: StagedWrite): Promise<{ inserted: number; updated: number; conflicts: number }> {
  const { plan } = w;
  if (plan.fresh.length > 0) {
    const [row] = await session.query<{ inserted: number }>(INSERT_FRESH_SQL, [plan.fresh, w.actor, w.jobId]);
    if (Number(row?.inserted ?? 0) < plan.fresh.length) throw new BatchRace('a record of the batch was inserted');
  }
  const conflicts: unknown[] = [];
  if (plan.updates.length > 0) {
    await session.load(
      'nb_import_updates',
      UPDATE_COLUMNS,
      plan.updates.map((u) => {
        const search = w.search.get(u.ord)!;
        const bump = !isEmptyChange(u.change);
        const stored: Columns = { ...u.next, content_hash: u.newHash, source_values: u.change.sourceValues, name_latin: search.nameLatin, birthplace_places: search.birthplacePlaces };
        return [u.ord, u.id, u.version, bump, ...STORED_COLUMNS.map((c) => stored[c] ?? (c.startsWith('extra') ? {} : null))];
      }),
    );
    const written = await session.query(UPDATE_SQL);
    if (written.length < plan.updates.length) throw new BatchRace('a record of the batch was changed');
    const events = plan.updates.filter((u) => !isEmptyChange(u.change));
    await session.load(
      'record_events',
      ['record_id', 'kind', 'actor', 'data'],
      events.map((u) => {
        const source = Object.keys(u.change.source.new).length > 0 ? { source: u.change.source } : {};
        const data = { importJob: w.jobId, old: u.change.old, new: u.change.new, ...source, contentHash: { old: u.oldHash, new: u.newHash } };
        return [u.id, 'record.updated', w.actor, data];
      }),
    );
    for (const u of plan.updates) {
      for (const [field, value] of Object.entries(u.change.source.new)) {
        const claim = u.claims.find((c) => c.field === field)!;
        if (!sameValue(claim.value, value)) {
          conflicts.push({ recordId: u.id, claimId: claim.id, field, corrected: claim.value, source: value, previous: u.change.source.old[field] ?? null });
        }
      }
    }
    if (conflicts.length > 0) await session.query(CONFLICTS_SQL, [JSON.stringify(conflicts), w.jobId]);
  }
  if (plan.updates.length > 0) {
    await session.query(`DELETE FROM record_readings WHERE record_id = ANY (ARRAY(SELECT id FROM nb_import_result WHERE NOT inserted))`);
  }
  // The readings were staged by the caller (nb_import_readings, by ord) for its duplicate check.
  if (w.readingColumns.length > 0) {
    const cols = w.readingColumns;
    await session.query(
      `INSERT INTO record_readings (record_id, ${cols.join(', ')}) SELECT res.id, ${cols.map((c) => `r.${c}`).join(', ')} FROM nb_import_readings r JOIN nb_import_result res ON res.ord = r.ord`,
    );
  }
  return { inserted: plan.fresh.length, updated: plan.updates.length, conflicts: conflicts.length };
}
