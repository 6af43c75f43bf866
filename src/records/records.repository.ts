import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, NewRecordRow, RecordRow, RecordUpdate } from '../db/schema.ts';

/**
 * Only this file (and the other *.repository.ts files) touches Kysely for
 * records. The write functions below are called by record.writer.ts only: it
 * is the one write path of records, record_events and record_readings.
 */

export async function findRecordById(db: Kysely<DB>, id: number): Promise<RecordRow | undefined> {
  return db.selectFrom('records').selectAll().where('id', '=', String(id) as never).executeTakeFirst();
}

/** Keyset pagination on the primary key: stable under concurrent inserts, O(limit). */
export async function listRecords(db: Kysely<DB>, afterId: number, limit: number): Promise<RecordRow[]> {
  return db
    .selectFrom('records')
    .selectAll()
    .where('id', '>', String(afterId) as never)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Record ids by (source, external id), on the unique index; one statement per call (a restore's lookups). */
export async function findRecordIdsByKey(db: Kysely<DB>, keys: ReadonlyArray<{ source: string; externalId: string }>) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('records')
    .select(['id', 'source', 'external_id'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('source', '=', k.source), eb('external_id', '=', k.externalId)]))))
    .execute();
}

/** The record, locked until the transaction ends, so concurrent changes to it queue up. */
export async function lockRecord(trx: Transaction<DB>, id: number | string): Promise<RecordRow | undefined> {
  return trx.selectFrom('records').selectAll().where('id', '=', String(id) as never).forUpdate().executeTakeFirst();
}

export async function insertRecordRow(trx: Transaction<DB>, row: NewRecordRow): Promise<RecordRow> {
  return trx.insertInto('records').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Optimistic concurrency: only the version the change was computed from is updated; undefined if it moved on. */
export async function updateRecordRow(trx: Transaction<DB>, id: number | string, version: number, changes: RecordUpdate): Promise<RecordRow | undefined> {
  return trx
    .updateTable('records')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', String(id) as never)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteRecordRows(trx: Transaction<DB>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx.deleteFrom('records').where('id', 'in', ids as never).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface NewEvent {
  recordId: number | string;
  kind: string;
  actor: string;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export async function insertRecordEvent(trx: Transaction<DB>, event: NewEvent): Promise<void> {
  await trx
    .insertInto('record_events')
    .values({
      record_id: String(event.recordId),
      kind: event.kind,
      actor: event.actor,
      reason: event.reason ?? null,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}
