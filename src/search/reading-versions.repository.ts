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

/** The next `limit` records after `after` (id order) with stale readings. */
export async function staleRecordIds(db: Kysely<DB>, after: string, limit: number, source?: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT rr.record_id AS id FROM record_readings rr
    ${source === undefined ? sql`` : sql`JOIN records r ON r.id = rr.record_id AND r.source = ${source}`}
    WHERE rr.rank = 0 AND rr.decoder_version <> ${DECODER_VERSION} AND rr.record_id > ${after}
    ORDER BY rr.record_id LIMIT ${limit}`.execute(db);
  return rows.map((r) => String(r.id));
}

/**
 * The next `limit` records after `after` with no reading rows at all: readings
 * deleted or never written, or a name with no Chinese reading (a Russian name),
 * which the caller tells apart by decoding it. Walks records by primary key and
 * probes record_readings' primary key, so a batch costs `limit` probes.
 */
export async function recordsWithoutReadings(
  db: Kysely<DB>,
  after: string,
  limit: number,
  source?: string,
): Promise<Array<{ id: string; fullName: string; attested: boolean }>> {
  const { rows } = await sql<{ id: string; full_name: string; attested: boolean }>`
    SELECT r.id, r.full_name, EXISTS (SELECT 1 FROM attested_names a WHERE a.record_id = r.id) AS attested
    FROM records r
    WHERE r.id > ${after} ${source === undefined ? sql`` : sql`AND r.source = ${source}`}
      AND NOT EXISTS (SELECT 1 FROM record_readings rr WHERE rr.record_id = r.id)
    ORDER BY r.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: String(r.id), fullName: r.full_name, attested: r.attested }));
}

/** Records in scope, for the reindex summary. */
export async function countRecords(db: Kysely<DB>, source?: string): Promise<number> {
  let q = db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n'));
  if (source !== undefined) q = q.where('source', '=', source);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
