import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { countRecordsBySource } from '../records/records.repository.ts';

/**
 * GET /api/stats and `namebridge stats`:
 *   records             count(*) of records
 *   sources             how many distinct sources: a loose index scan of the
 *                       (source, external_id) index, one probe per source, not a scan of the records
 *   attestedNames       count(*) of attested names (approved Chinese names)
 *   pendingCorrections  corrections waiting for an archivist: an index-only count on (status, id)
 *   bySource            records per source (kept from the first version of this endpoint)
 */
export interface Stats {
  records: number;
  sources: number;
  attestedNames: number;
  pendingCorrections: number;
  bySource: Record<string, number>;
}

export async function readStats(db: Kysely<DB>): Promise<Stats> {
  const [counts, bySource] = await Promise.all([readCounts(db), countRecordsBySource(db)]);
  return { ...counts, bySource };
}

/** The four counts in one statement (one round trip). */
export async function readCounts(db: Kysely<DB>): Promise<Omit<Stats, 'bySource'>> {
  const { rows } = await sql<{ records: string; sources: string; attested_names: string; pending_corrections: string }>`
    SELECT
      (SELECT count(*) FROM records) AS records,
      (WITH RECURSIVE s(source) AS (
         (SELECT source FROM records ORDER BY source LIMIT 1)
         UNION ALL
         SELECT (SELECT r.source FROM records r WHERE r.source > s.source ORDER BY r.source LIMIT 1) FROM s WHERE s.source IS NOT NULL
       ) SELECT count(source) FROM s) AS sources,
      (SELECT count(*) FROM attested_names) AS attested_names,
      (SELECT count(*) FROM corrections WHERE status = 'pending') AS pending_corrections
  `.execute(db);
  const row = rows[0]!;
  return {
    records: Number(row.records),
    sources: Number(row.sources),
    attestedNames: Number(row.attested_names),
    pendingCorrections: Number(row.pending_corrections),
  };
}
