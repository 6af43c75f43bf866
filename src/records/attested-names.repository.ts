import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The names approved corrections attested for one record, oldest first (attested_names_record_id_idx). */
export async function listAttestedNameRows(db: Kysely<DB>, recordId: number) {
  return db
    .selectFrom('attested_names')
    .select(['hanzi', 'pinyin', 'evidence', 'approved_at'])
    .where('record_id', '=', String(recordId) as never)
    .orderBy('id')
    .execute();
}
