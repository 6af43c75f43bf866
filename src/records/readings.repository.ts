import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DECODER_VERSION } from '../search/decoder-version.ts';
import type { SearchFields } from '../core/match/index.ts';

/** The SQL of a record's search columns and readings; called by record.writer.ts only. */

export async function searchInputsOf(trx: Transaction<DB>, ids: readonly string[]) {
  const records = await trx.selectFrom('records').select(['id', 'full_name', 'birthplace']).where('id', 'in', ids as never).execute();
  const attested = await trx
    .selectFrom('attested_names')
    .select(['record_id', 'pinyin'])
    .where('record_id', 'in', ids as never)
    .orderBy('id')
    .execute();
  return { records, attested };
}

export async function storeSearchFields(trx: Transaction<DB>, recordId: number | string, fields: SearchFields): Promise<void> {
  const id = String(recordId);
  await trx
    .updateTable('records')
    .set({ name_latin: fields.nameLatin, birthplace_places: fields.birthplacePlaces })
    .where('id', '=', id as never)
    .execute();
  await trx.deleteFrom('record_readings').where('record_id', '=', id).execute();
  if (fields.readings.length === 0) return;
  await trx
    .insertInto('record_readings')
    .values(
      fields.readings.map((r) => ({
        record_id: id,
        rank: r.rank,
        origin: r.origin,
        key: r.key,
        phonetic: r.phonetic,
        surname_key: r.surnameKey,
        surname_phonetic: r.surnamePhonetic,
        phonetic_pairs: r.phoneticPairs,
        cost: r.cost,
        decoder_version: DECODER_VERSION,
      })),
    )
    .execute();
}
