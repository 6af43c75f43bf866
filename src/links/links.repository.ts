import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { LinkReason } from './link.model.ts';
import { russianParts, type LinkReading, type LinkSubject } from './link.subject.ts';

/** Only this file touches the link tables (record_links, record_persons, link_runs). */

export type LinkStatus = 'proposed' | 'confirmed' | 'rejected' | 'unlinked';

/** At most this many records are taken per blocking key of a record: a key shared by more is not a block worth scoring in full. */
export const PER_KEY_LIMIT = 100;

/**
 * The blocking keys of records, as SQL (the same rule as blockingKeys in
 * link.subject.ts): per phonetic reading key of two or more syllables, two
 * birth-year bands of width 2 (years one apart share one); for a record with
 * no year, `|m|` + each birthplace place (`-` for none, `*` for any); and for
 * every record `|a|` + the same places, which records with no year probe.
 */
/** link.subject.ts RUSSIAN_FORM: a name in Russian form blocks by its decoded readings no more. */
const RUSSIAN_FORM_SQL = sql.lit('^[^\\s-]+\\s+[^\\s-]+\\s+[^\\s-]*(ович|евич|ьич|ич|овна|евна|ична|инична)(\\s|$)');

const KEYS_SELECT = sql`
  SELECT DISTINCT x.key, r.id AS record_id, r.birth_year
  FROM records r JOIN record_readings rr ON rr.record_id = r.id AND position(' ' in rr.phonetic) > 0
    AND (rr.origin = 'attested' OR r.full_name !~ ${RUSSIAN_FORM_SQL})
  CROSS JOIN LATERAL (
    SELECT rr.phonetic || '|y|' || (r.birth_year / 2) WHERE r.birth_year IS NOT NULL
    UNION ALL SELECT rr.phonetic || '|y|' || ((r.birth_year + 1) / 2) WHERE r.birth_year IS NOT NULL
    UNION ALL SELECT rr.phonetic || '|m|' || pl FROM unnest(r.birthplace_places || CASE WHEN r.birthplace_places = '{}' THEN ARRAY['-', '*'] ELSE ARRAY['*'] END) pl WHERE r.birth_year IS NULL
    UNION ALL SELECT rr.phonetic || '|a|' || pl FROM unnest(r.birthplace_places || CASE WHEN r.birthplace_places = '{}' THEN ARRAY['-', '*'] ELSE ARRAY['*'] END) pl
  ) x(key)`;

/** Rebuilds every blocking key (a full run starts here, so no key is stale). */
export async function rebuildLinkKeys(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx); // compiling costs more than it saves here
    await sql`TRUNCATE link_keys`.execute(trx);
    await sql`INSERT INTO link_keys (key, record_id, birth_year) ${KEYS_SELECT}`.execute(trx);
  });
}

/** Runs in the caller's transaction, or in one of its own. */
function inTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/** Replaces the blocking keys of these records (new or changed ones). */
export async function refreshLinkKeys(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await inTransaction(db, async (trx) => {
    await sql`DELETE FROM link_keys WHERE record_id = ANY(${ids as string[]}::bigint[])`.execute(trx);
    await sql`INSERT INTO link_keys (key, record_id, birth_year) ${KEYS_SELECT} WHERE r.id = ANY(${ids as string[]}::bigint[])`.execute(trx);
  });
}

/**
 * Candidate pairs for a batch of records, by the blocking rule of
 * link.subject.ts (isCandidatePair): a shared blocking key (link_keys) — a
 * reading with birth years at most one apart, or a year missing and a shared
 * birthplace place (or none known) — or the same Latin surname and given name
 * (records_name_head_year_idx) with birth years at most one apart.
 * `lowerOnly`: only partners with a smaller id, so a run in id order meets each pair once.
 */
export async function candidatePairs(db: Kysely<DB>, ids: readonly string[], lowerOnly: boolean): Promise<Array<[string, string]>> {
  if (ids.length === 0) return [];
  const other = lowerOnly ? sql`AND k.record_id < p.id` : sql`AND k.record_id <> p.id`;
  const lower = lowerOnly ? sql`AND o.id < k.id` : sql`AND o.id <> k.id`;
  const query = sql<{ a: string; b: string }>`
    WITH b AS MATERIALIZED (
      SELECT r.id, r.birth_year, r.birthplace_places, r.name_head, r.full_name ~ ${RUSSIAN_FORM_SQL} AS russian_form
      FROM records r WHERE r.id = ANY(${ids as string[]}::bigint[])
    ),
    p AS MATERIALIZED (
      SELECT DISTINCT b.id, b.birth_year, x.key
      FROM b JOIN LATERAL (
        -- lateral, so each record's readings are read by its key (a hash join would scan every reading)
        SELECT rr.phonetic FROM record_readings rr
        WHERE rr.record_id = b.id AND position(' ' in rr.phonetic) > 0 AND (rr.origin = 'attested' OR NOT b.russian_form)
      ) rr ON true
      CROSS JOIN LATERAL (
        SELECT rr.phonetic || '|y|' || (b.birth_year / 2) WHERE b.birth_year IS NOT NULL
        UNION ALL SELECT rr.phonetic || '|y|' || ((b.birth_year + 1) / 2) WHERE b.birth_year IS NOT NULL
        UNION ALL SELECT rr.phonetic || CASE WHEN b.birth_year IS NULL THEN '|a|' ELSE '|m|' END || pl
          FROM unnest(CASE WHEN b.birthplace_places = '{}' THEN ARRAY['*'] ELSE b.birthplace_places || ARRAY['-'] END) pl
      ) x(key)
    )
    SELECT p.id::text AS a, c.record_id::text AS b FROM p
    JOIN LATERAL (
      SELECT k.record_id FROM link_keys k
      WHERE k.key = p.key ${other}
        AND (p.birth_year IS NULL OR k.birth_year IS NULL OR k.birth_year BETWEEN p.birth_year - 1 AND p.birth_year + 1)
      LIMIT ${PER_KEY_LIMIT}
    ) c ON true
    UNION
    SELECT k.id::text, c.id::text FROM b k
    JOIN LATERAL (
      SELECT o.id FROM records o
      WHERE o.name_head = k.name_head AND o.birth_year BETWEEN k.birth_year - 1 AND k.birth_year + 1 ${lower}
      LIMIT ${PER_KEY_LIMIT}
    ) c ON true
    WHERE k.birth_year IS NOT NULL AND position(' ' in trim(k.name_head)) > 0
  `;
  const { rows } = await inTransaction(db, async (trx) => {
    // The planner's estimate of this query is far above jit_above_cost; compiling it took
    // ~1.8 s per batch, longer than running it (docs/benchmarks.md, person linking).
    await sql`SET LOCAL jit = off`.execute(trx);
    return query.execute(trx);
  });
  return rows.map((r) => [String(r.a), String(r.b)]);
}

/** What the link model needs of each record: its fields and its stored readings (attested first). */
export async function loadSubjects(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, LinkSubject>> {
  const out = new Map<string, LinkSubject>();
  if (ids.length === 0) return out;
  const list = [...ids];
  const rows = await db
    .selectFrom('records')
    .select([
      'id', 'source', 'full_name', 'given_name', 'patronymic', 'birth_year', 'birthplace', 'birthplace_places', 'name_head' as never,
      'arrest_date', 'arrest_date_norm', 'sentence_date', 'sentence_date_norm', 'executed_on', 'executed_on_norm', 'death_date', 'death_date_norm',
    ])
    .where(sql<boolean>`id = ANY(${list}::bigint[])`) // one parameter, however many records (a batch's pairs reach tens of thousands)
    .execute();
  const readings = await db
    .selectFrom('record_readings')
    .select(['record_id', 'key', 'phonetic', 'origin', 'cost'])
    .where(sql<boolean>`record_id = ANY(${list}::bigint[])`)
    .orderBy('record_id')
    .orderBy('rank')
    .execute();
  const byRecord = new Map<string, LinkReading[]>();
  for (const r of readings) {
    const id = String(r.record_id);
    byRecord.set(id, [...(byRecord.get(id) ?? []), { key: r.key, phonetic: r.phonetic, origin: r.origin, cost: Number(r.cost) }]);
  }
  for (const row of rows as Array<(typeof rows)[number] & { name_head: string | null }>) {
    const id = String(row.id);
    const date = (text: string | null, norm: string | null) => (text && norm ? { text, norm } : null);
    const executed = date(row.executed_on, row.executed_on_norm);
    const died = date(row.death_date, row.death_date_norm);
    const parts = russianParts(row.full_name, row.given_name, row.patronymic);
    out.set(id, {
      id: Number(id),
      source: row.source,
      fullName: row.full_name,
      birthYear: row.birth_year,
      birthplace: row.birthplace,
      places: row.birthplace_places ?? [],
      dates: {
        arrested: date(row.arrest_date, row.arrest_date_norm),
        sentenced: date(row.sentence_date, row.sentence_date_norm),
        died: executed ? { ...executed, kind: 'executed' } : died ? { ...died, kind: 'died' } : null,
      },
      readings: byRecord.get(id) ?? [],
      nameHead: (row.name_head ?? '').trim(),
      patronymic: parts.patronymic,
      givenRussian: parts.given,
    });
  }
  return out;
}

export interface NewProposal {
  a: number;
  b: number;
  score: number;
  reasons: LinkReason[];
  model: string;
}

/**
 * Stores proposals; a pair already stored keeps its decision, and an open
 * proposal gets the new score. Returns the ids of the links now open at or above `autoScore`.
 */
export async function upsertProposals(trx: Transaction<DB>, proposals: readonly NewProposal[]): Promise<void> {
  for (let i = 0; i < proposals.length; i += 1000) {
    const chunk = proposals.slice(i, i + 1000);
    await trx
      .insertInto('record_links')
      .values(chunk.map((p) => ({ record_a: p.a, record_b: p.b, score: p.score, reasons: JSON.stringify(p.reasons), model: p.model })))
      .onConflict((oc) =>
        oc
          .columns(['record_a', 'record_b'])
          .doUpdateSet({ score: sql`EXCLUDED.score`, reasons: sql`EXCLUDED.reasons`, model: sql`EXCLUDED.model`, updated_at: sql`now()` })
          .where('record_links.status', '=', 'proposed'),
      )
      .execute();
  }
}

/** The database's clock now (clock_timestamp, not the transaction's start): where a full run begins. */
export async function databaseClock(db: Kysely<DB>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db);
  return new Date(rows[0]!.now);
}

/**
 * Open proposals that a whole-database run begun at `since` did not propose
 * again (upsertProposals stamps every pair it stores): their pair no longer
 * blocks together, or scores under the floor, under the model as it is now.
 * No decision was taken on them, so they go; decided links stay.
 */
export async function withdrawProposalsNotSince(db: Kysely<DB>, since: Date): Promise<void> {
  await db.deleteFrom('record_links').where('status', '=', 'proposed').where('updated_at', '<', since).execute();
}

/** Open proposals of these pairs at or above a score (the automatic-confirmation candidates). */
export async function openLinksAtOrAbove(trx: Transaction<DB>, pairs: ReadonlyArray<readonly [number, number]>, minScore: number): Promise<LinkRow[]> {
  if (pairs.length === 0) return [];
  return trx
    .selectFrom('record_links')
    .selectAll()
    .where('status', '=', 'proposed')
    .where('score', '>=', minScore)
    .where((eb) => eb.or(pairs.map(([a, b]) => eb.and([eb('record_a', '=', String(a)), eb('record_b', '=', String(b))]))))
    .execute();
}

export type LinkRow = Awaited<ReturnType<typeof findLink>> & object;

export async function findLink(db: Kysely<DB>, id: number, forUpdate = false) {
  let q = db.selectFrom('record_links').selectAll().where('id', '=', String(id) as never);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function setLinkStatus(
  trx: Transaction<DB>,
  id: string,
  change: { status: LinkStatus; automatic: boolean; by: string; reason: string | null },
): Promise<void> {
  await trx
    .updateTable('record_links')
    .set({ status: change.status, automatic: change.automatic, decided_by: change.by, decided_at: sql`now()`, decision_reason: change.reason, updated_at: sql`now()` })
    .where('id', '=', id as never)
    .execute();
}

export interface QueueFilter {
  status: LinkStatus;
  automaticOnly: boolean;
  minScore: number;
  after: { score: number; id: number } | undefined;
  limit: number;
}

/** The review queue: best score first, keyset on (score, id). */
export async function listLinkRows(db: Kysely<DB>, f: QueueFilter) {
  let q = db.selectFrom('record_links').selectAll().where('status', '=', f.status).where('score', '>=', sql<number>`${f.minScore}::real`);
  if (f.automaticOnly) q = q.where('automatic', '=', true);
  if (f.after) {
    const { score, id } = f.after;
    q = q.where((eb) => eb.or([eb('score', '<', sql<number>`${score}::real`), eb.and([eb('score', '=', sql<number>`${score}::real`), eb('id', '>', String(id) as never)])]));
  }
  return q.orderBy('score', 'desc').orderBy('id').limit(f.limit).execute();
}

export async function countOpenProposals(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('record_links').select(sql<string>`count(*)`.as('n')).where('status', '=', 'proposed').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The next records of a run, in id order (one source, or all). */
export async function nextRecordIds(db: Kysely<DB>, afterId: string, limit: number, source?: string): Promise<string[]> {
  let q = db.selectFrom('records').select('id').where('id', '>', afterId as never);
  if (source !== undefined) q = q.where('source', '=', source);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => String(r.id));
}

export async function maxRecordId(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('records').select(sql<string>`coalesce(max(id), 0)`.as('m')).executeTakeFirstOrThrow();
  return String(row.m);
}

export async function readLinkRun(db: Kysely<DB>, scope: string) {
  return db.selectFrom('link_runs').selectAll().where('scope', '=', scope).executeTakeFirst();
}

/** Saves where a run got to, in the batch's own transaction: a restart resumes after it. */
export async function saveLinkRun(trx: Transaction<DB>, scope: string, afterId: string, model: string, pairsScored: number): Promise<void> {
  await trx
    .insertInto('link_runs')
    .values({ scope, after_id: afterId, model, pairs_scored: pairsScored })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet({ after_id: afterId, model, pairs_scored: sql`link_runs.pairs_scored + ${pairsScored}`, updated_at: sql`now()` }),
    )
    .execute();
}
