import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { personSummaries, type PersonSummary } from '../links/persons.service.ts';

/**
 * The person each result belongs to (records joined by confirmed links), so
 * a family sees "3 records from 2 sources"; null for a record on its own.
 */
export async function withPersons<T extends { record: { id: number } }>(db: Kysely<DB>, results: T[]): Promise<Array<T & { person: PersonSummary | null }>> {
  const persons = await personSummaries(db, results.map((r) => String(r.record.id)));
  return results.map((r) => ({ ...r, person: persons.get(String(r.record.id)) ?? null }));
}
