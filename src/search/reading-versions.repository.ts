import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DECODER_VERSION } from './decoder-version.ts';

/**
 * Which records' stored readings another decoder version produced (migration
 * 0010). A record's reading rows are always replaced together, so its rank-0
 * row speaks for all of them; the partial index record_readings_version_idx
 * holds one entry per record.
 */

/** Records whose readings were derived by another decoder version (GET /api/stats "staleReadings", /readyz). */
export async function staleReadingsCount(db: Kysely<DB>, options: { source?: string | undefined; version?: string } = {}): Promise<number> {
  const version = options.version ?? DECODER_VERSION;
  const { rows } = options.source === undefined
    ? await sql<{ n: string }>`
        SELECT count(*) AS n FROM record_readings WHERE rank = 0 AND decoder_version <> ${version}`.execute(db)
    : await sql<{ n: string }>`
        SELECT count(*) AS n FROM record_readings rr JOIN records r ON r.id = rr.record_id
        WHERE rr.rank = 0 AND rr.decoder_version <> ${version} AND r.source = ${options.source}`.execute(db);
  return Number(rows[0]!.n);
}

/** Records in scope, for the reindex summary. */
export async function countRecords(db: Kysely<DB>, source?: string): Promise<number> {
  let q = db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n'));
  if (source !== undefined) q = q.where('source', '=', source);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** What a record's readings are derived from (reindex): its name, birthplace and attested pinyin in id order (null: none). */
export interface ReadingInputs {
  id: string;
  fullName: string;
  birthplace: string | null;
  attested: string[] | null;
}

const ATTESTED = sql`(SELECT array_agg(a.pinyin ORDER BY a.id) FROM attested_names a WHERE a.record_id = r.id)`;

/** staleRecordIds with each record's inputs: one statement per batch (record_readings_version_idx, then primary-key probes). */
export async function staleRecordInputs(db: Kysely<DB>, after: string, limit: number, source?: string): Promise<ReadingInputs[]> {
  const { rows } = await sql<{ id: string; full_name: string; birthplace: string | null; attested: string[] | null }>`
    SELECT r.id, r.full_name, r.birthplace, ${ATTESTED} AS attested
    FROM record_readings rr JOIN records r ON r.id = rr.record_id ${source === undefined ? sql`` : sql`AND r.source = ${source}`}
    WHERE rr.rank = 0 AND rr.decoder_version <> ${DECODER_VERSION} AND rr.record_id > ${after}
    ORDER BY rr.record_id LIMIT ${limit}`.execute(db);
  return rows.map(toInputs);
}

/**
 * The next `limit` records after `after` with no reading rows at all: readings
 * deleted or never written, or a name with no Chinese reading (a Russian name),
 * which the caller tells apart by decoding it. A merge anti-join of the two
 * primary keys; `rr.record_id > after` (implied by the join) starts the
 * record_readings side at `after` too, instead of at its first row every batch.
 */
export async function inputsWithoutReadings(db: Kysely<DB>, after: string, limit: number, source?: string): Promise<ReadingInputs[]> {
  const { rows } = await sql<{ id: string; full_name: string; birthplace: string | null; attested: string[] | null }>`
    SELECT r.id, r.full_name, r.birthplace, ${ATTESTED} AS attested
    FROM records r
    WHERE r.id > ${after} ${source === undefined ? sql`` : sql`AND r.source = ${source}`}
      AND NOT EXISTS (SELECT 1 FROM record_readings rr WHERE rr.record_id = r.id AND rr.record_id > ${after})
    ORDER BY r.id LIMIT ${limit}`.execute(db);
  return rows.map(toInputs);
}

const toInputs = (r: { id: string; full_name: string; birthplace: string | null; attested: string[] | null }): ReadingInputs => ({
  id: String(r.id),
  fullName: r.full_name,
  birthplace: r.birthplace,
  attested: r.attested && r.attested.length > 0 ? r.attested : null,
});
