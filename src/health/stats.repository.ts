import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * GET /api/stats and `namebridge stats`:
 *   records             exact count of records: the sum of bySource when it lists every source,
 *                       otherwise count(*) (docs/importing.md, "What stats cost")
 *   sources             how many distinct sources: a loose index scan of the
 *                       (source, external_id) index, one probe per source, not a scan of the records
 *   attestedNames       count(*) of attested names (approved Chinese names)
 *   pendingCorrections  corrections waiting for an archivist: an index-only count on (status, id)
 *   bySource            records per source, exact, for the first BY_SOURCE_LIMIT sources in name order
 *   staleReadings       records whose readings another decoder version derived (`namebridge reindex` rebuilds them)
 */
export interface Stats {
  records: number;
  sources: number;
  attestedNames: number;
  pendingCorrections: number;
  bySource: Record<string, number>;
  staleReadings: number;
}

/** Sources listed in bySource; `sources` says how many there are in all. */
export const BY_SOURCE_LIMIT = 100;

/** The four counts, records by count(*) (one pass over the smallest index or the table). */
export async function readCounts(db: Kysely<DB>): Promise<Omit<Stats, 'bySource' | 'staleReadings'>> {
  const [records, counts] = await Promise.all([countAll(db), readSmallCounts(db)]);
  return { records, ...counts };
}

export async function countAll(db: Kysely<DB>): Promise<number> {
  const { rows } = await RECORDS_SQL.execute(db);
  return Number(rows[0]!.n);
}

/** sources, attested names, pending corrections in one statement: each bounded by an index, not by the records. */
export async function readSmallCounts(db: Kysely<DB>): Promise<Omit<Stats, 'bySource' | 'records' | 'staleReadings'>> {
  const { rows } = await SMALL_COUNTS_SQL.execute(db);
  const row = rows[0]!;
  return { sources: Number(row.sources), attestedNames: Number(row.attested_names), pendingCorrections: Number(row.pending_corrections) };
}

export async function countBySource(db: Kysely<DB>, limit: number): Promise<Record<string, number>> {
  const { rows } = await bySourceSql(limit).execute(db);
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
}

const RECORDS_SQL = sql<{ n: string }>`SELECT count(*) AS n FROM records`;

/**
 * The distinct sources without reading every record: start at the smallest
 * source in the (source, external_id) index, then repeatedly ask the index for
 * the next larger one — one short descent per source.
 */
const SMALL_COUNTS_SQL = sql<{ sources: string; attested_names: string; pending_corrections: string }>`
  SELECT
    (WITH RECURSIVE s(source) AS (
       (SELECT source FROM records ORDER BY source LIMIT 1)
       UNION ALL
       SELECT (SELECT r.source FROM records r WHERE r.source > s.source ORDER BY r.source LIMIT 1) FROM s WHERE s.source IS NOT NULL
     ) SELECT count(source) FROM s) AS sources,
    (SELECT count(*) FROM attested_names) AS attested_names,
    (SELECT count(*) FROM corrections WHERE status = 'pending') AS pending_corrections
`;

/**
 * The first `limit` sources by the same loose index scan (the recursion stops
 * there), each counted on the index with `source = $1`: the work is the records
 * of the listed sources, read from the index, never a sort or hash of the table.
 * The correlated count is planned once for any source, so a source holding most
 * of the rows cannot switch it to a sequential scan.
 */
function bySourceSql(limit: number): RawBuilder<{ source: string; n: string }> {
  return sql<{ source: string; n: string }>`
    WITH RECURSIVE s(source, depth) AS (
      (SELECT source, 1 FROM records ORDER BY source LIMIT 1)
      UNION ALL
      SELECT (SELECT r.source FROM records r WHERE r.source > s.source ORDER BY r.source LIMIT 1), s.depth + 1
      FROM s WHERE s.source IS NOT NULL AND s.depth < ${limit}
    )
    SELECT s.source, (SELECT count(*) FROM records r WHERE r.source = s.source) AS n
    FROM s WHERE s.source IS NOT NULL ORDER BY s.source
  `;
}

/** EXPLAIN of each statement readStats may run, for tests: [sources and small counts, bySource, records]. */
export async function explainStats(db: Kysely<DB>, limit = BY_SOURCE_LIMIT): Promise<{ smallCounts: string; bySource: string; records: string }> {
  const plan = async (query: RawBuilder<unknown>) => {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(db);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  return { smallCounts: await plan(SMALL_COUNTS_SQL), bySource: await plan(bySourceSql(limit)), records: await plan(RECORDS_SQL) };
}
