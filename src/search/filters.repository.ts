import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { filterConditionsSql, hasFilters, type SearchFilters } from './probe-queries.ts';

export type FilterName = 'nationality' | 'birthYear' | 'birthplace';

/**
 * The first filter that no record satisfies at all, or undefined. Asked before
 * the probes: a probe filtered by `nationality=zzz` would otherwise walk every
 * candidate of the name to find none (seconds for a common name at 3,100,000
 * records). Each check is one index descent that stops at its first row:
 *   nationality  records_nationality_year_idx (lower(nationality), birth_year): with a year, one range per value
 *   birthYear    records_birth_year_idx — a year range in which no record was born
 *   birthplace   records_birthplace_places_idx (GIN)
 */
export async function filterMatchingNothing(db: Kysely<DB>, filters: SearchFilters): Promise<FilterName | undefined> {
  const checks: Array<[FilterName, RawBuilder<unknown>]> = [];
  if (filters.nationalities?.length) {
    checks.push(['nationality', sql`SELECT 1 FROM records WHERE lower(nationality) = ANY(${filters.nationalities}::text[])`]);
  }
  if (filters.birthYearFrom !== undefined || filters.birthYearTo !== undefined) {
    checks.push(['birthYear', sql`SELECT 1 FROM records WHERE birth_year BETWEEN ${filters.birthYearFrom ?? -32768} AND ${filters.birthYearTo ?? 32767}`]);
  }
  if (filters.places?.length) {
    checks.push(['birthplace', sql`SELECT 1 FROM records WHERE birthplace_places && ${filters.places}::text[]`]);
  }
  if (checks.length === 0) return undefined;
  const columns = checks.map(([name, query]) => sql`EXISTS (${query}) AS ${sql.ref(name)}`);
  const { rows } = await sql<Record<FilterName, boolean>>`SELECT ${sql.join(columns)}`.execute(db);
  return checks.find(([name]) => rows[0]?.[name] === false)?.[0];
}

/** At most this many records passing every filter are handed to the probes as ids (SearchFilters.recordIds). */
export const FEW_FILTERED = 3_000;

export interface FilterCheck {
  /** A filter no record satisfies: the search answers at once. */
  nothing?: FilterName | undefined;
  /** Every record that passes all filters, with its birth year, when there are at most FEW_FILTERED. */
  passing?: Map<string, number | null> | undefined;
}

/**
 * One bounded statement per filtered search: the records that pass every
 * filter, when there are at most FEW_FILTERED of them (a rare year with a
 * province: a few hundred at 1,000,000 records). Each probe then looks among
 * these ids (one index descent each) instead of rebuilding the filters' bitmaps
 * or walking a common name's candidates to the few that pass. Without ORDER BY:
 * only a complete set is used, and a complete set does not depend on the order
 * it was read in. When none pass, which filter matches nothing (the warning);
 * when some do, only the year can still match nothing (records with no year
 * pass a year filter, but a range in which no one was born gets a warning).
 */
export async function checkFilters(db: Kysely<DB>, filters: SearchFilters): Promise<FilterCheck> {
  if (!hasFilters(filters)) return {};
  const passing = sql`SELECT r.id, r.birth_year FROM records r WHERE true ${filterConditionsSql(filters)}`;
  // Asked only when the planner expects few: the bitmaps of a wide filter (a
  // birth year range of twenty years is 40% of the records) cost more to build
  // than the probes they would spare.
  if ((await estimatedRows(db, passing)) > FEW_FILTERED) return { nothing: await filterMatchingNothing(db, filters) };
  const yearAsked = filters.birthYearFrom !== undefined || filters.birthYearTo !== undefined;
  const born = yearAsked ? sql`EXISTS (SELECT 1 FROM records WHERE birth_year BETWEEN ${filters.birthYearFrom ?? -32768} AND ${filters.birthYearTo ?? 32767})` : sql`true`;
  // The passing records are read only when the year range holds a birth at all (CASE: PostgreSQL
  // runs the subquery only when that branch is taken): otherwise the records with no year pass.
  // Whichever of records_birth_year_idx, records_birthplace_places_idx (GIN) and records_nationality_year_idx the planner finds narrowest.
  const { rows } = await sql<{ born: boolean; passing: Array<[string | number, number | null]> | null }>`SELECT c.born,
      CASE WHEN c.born THEN (SELECT json_agg(json_build_array(p.id, p.birth_year)) FROM (${passing} LIMIT ${FEW_FILTERED + 1}) p) END AS passing
    FROM (SELECT ${born} AS born) c`.execute(db);
  if (!rows[0]?.born) return { nothing: 'birthYear' };
  const found = rows[0].passing ?? [];
  if (found.length === 0) return { nothing: await filterMatchingNothing(db, filters), passing: new Map() };
  if (found.length > FEW_FILTERED) return {};
  return { passing: new Map(found.map(([id, year]) => [String(id), year])) };
}

/** The planner's estimate of a statement's rows (EXPLAIN: planned, not run). */
async function estimatedRows(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> | string }>`EXPLAIN (FORMAT JSON) ${query}`.execute(db);
  const plan = rows[0]?.['QUERY PLAN'];
  const parsed = typeof plan === 'string' ? (JSON.parse(plan) as Array<{ Plan: { 'Plan Rows': number } }>) : plan;
  return parsed?.[0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}
