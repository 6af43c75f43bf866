import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SearchFilters } from './candidates.repository.ts';

export type FilterName = 'nationality' | 'birthYear' | 'birthplace';

/**
 * The first filter that no record satisfies at all, or undefined. Asked before
 * the probes: a probe filtered by `nationality=zzz` would otherwise walk every
 * candidate of the name to find none (seconds for a common name at 3,100,000
 * records). Each check is one index descent that stops at its first row:
 *   nationality  records_nationality_idx (lower(nationality))
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
