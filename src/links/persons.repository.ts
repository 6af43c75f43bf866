import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Persons: the connected components of confirmed links, kept in
 * record_persons (derived; rebuilt for what a decision touches).
 */

/** Decisions change components: one at a time, so two confirmations never race on one person. */
export async function lockPersons(trx: Transaction<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(731800118)`.execute(trx);
}

export async function personIdsOf(db: Kysely<DB>, recordIds: ReadonlyArray<string | number>): Promise<Map<string, string>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db.selectFrom('record_persons').select(['record_id', 'person_id']).where('record_id', 'in', recordIds.map(String) as never).execute();
  return new Map(rows.map((r) => [String(r.record_id), String(r.person_id)]));
}

export async function recordIdsOfPerson(db: Kysely<DB>, personId: string | number): Promise<string[]> {
  const rows = await db.selectFrom('record_persons').select('record_id').where('person_id', '=', String(personId)).orderBy('record_id').execute();
  return rows.map((r) => String(r.record_id));
}

/** Confirmed links with both ends among these records. */
export async function confirmedLinksAmong(trx: Transaction<DB>, recordIds: readonly string[]): Promise<Array<[string, string]>> {
  if (recordIds.length === 0) return [];
  const rows = await trx
    .selectFrom('record_links')
    .select(['record_a', 'record_b'])
    .where('status', '=', 'confirmed')
    .where('record_a', 'in', recordIds as never)
    .where('record_b', 'in', recordIds as never)
    .execute();
  return rows.map((r) => [String(r.record_a), String(r.record_b)]);
}

export async function assignPerson(trx: Transaction<DB>, recordIds: readonly string[], personId: string): Promise<void> {
  if (recordIds.length === 0) return;
  await trx
    .insertInto('record_persons')
    .values(recordIds.map((id) => ({ record_id: id, person_id: personId })))
    .onConflict((oc) => oc.column('record_id').doUpdateSet({ person_id: personId }))
    .execute();
}

export async function clearPersons(trx: Transaction<DB>, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await trx.deleteFrom('record_persons').where('record_id', 'in', recordIds as never).execute();
}

/** Per person: how many records and how many sources (search results show "3 records from 2 sources"). */
export async function personSizes(db: Kysely<DB>, personIds: readonly string[]): Promise<Map<string, { records: number; sources: number }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('record_persons as p')
    .innerJoin('records as r', 'r.id', 'p.record_id')
    .select(['p.person_id', sql<string>`count(*)`.as('n'), sql<string>`count(DISTINCT r.source)`.as('s')])
    .where('p.person_id', 'in', personIds as never)
    .groupBy('p.person_id')
    .execute();
  return new Map(rows.map((r) => [String(r.person_id), { records: Number(r.n), sources: Number(r.s) }]));
}
