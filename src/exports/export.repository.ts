import { sql, type Kysely } from 'kysely';
import type { DB, RecordRow } from '../db/schema.ts';

/** The export's SQL: keyset pages and the attested names of a page. */

/** The position after the last record of a page. */
export type ExportCursor = { id: string } | { externalId: string };

/**
 * One page of records after `cursor`. Every record: keyset on the primary key
 * (WHERE id > $1 ORDER BY id). One source: keyset on the unique
 * (source, external_id) index (WHERE source = $1 AND external_id > $2 ORDER BY
 * external_id), so a small source of a large database costs only its own rows.
 */
export async function exportPage(db: Kysely<DB>, source: string | undefined, cursor: ExportCursor | null, limit: number): Promise<RecordRow[]> {
  if (source === undefined) {
    const after = cursor && 'id' in cursor ? cursor.id : '0';
    return db.selectFrom('records').selectAll().where('id', '>', after as never).orderBy('id').limit(limit).execute();
  }
  let query = db.selectFrom('records').selectAll().where('source', '=', source);
  if (cursor && 'externalId' in cursor) query = query.where('external_id', '>', cursor.externalId);
  return query.orderBy('external_id').limit(limit).execute();
}

/** The attested names of these records, oldest first per record (attested_names_record_id_idx). */
export async function attestedNamesOf(db: Kysely<DB>, recordIds: readonly string[]) {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('attested_names')
    .select(['record_id', 'hanzi', 'pinyin', 'evidence', 'approved_at'])
    .where('record_id', 'in', recordIds as never)
    .orderBy('record_id')
    .orderBy('id')
    .execute();
}

/** Every key used in `extra` (of one source, or of all records): the CSV header needs them first. */
export async function extraKeys(db: Kysely<DB>, source: string | undefined, column: 'extra' | 'extra_private' = 'extra'): Promise<string[]> {
  const bySource = source === undefined ? sql`` : sql`AND r.source = ${source}`;
  const extra = sql.ref(`r.${column}`);
  const { rows } = await sql<{ key: string }>`
    SELECT DISTINCT k.key
    FROM records r CROSS JOIN LATERAL jsonb_object_keys(${extra}) AS k(key)
    WHERE jsonb_typeof(${extra}) = 'object' AND ${extra} <> '{}'::jsonb ${bySource}
  `.execute(db);
  return rows.map((r) => r.key).sort();
}
