import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.ts';
import { shownReadings, type ShownReadings } from '../core/match/index.ts';

/** What a search result shows of a record: enough to recognise a person, with readings to judge. */
export interface SearchRecord extends ShownReadings {
  id: number;
  externalId: string;
  source: string;
  fullName: string;
  birthYear: number | null;
  birthDate: string | null;
  birthplace: string | null;
  nationality: string | null;
  executedOn: string | null;
}

/**
 * Loads the page's records by primary key, with attested names first among their
 * readings. Keys are strings: pg returns bigint as text, PGlite as a number.
 */
export async function loadResultRecords(db: Kysely<DB>, ids: string[]): Promise<Map<string, SearchRecord>> {
  if (ids.length === 0) return new Map();
  // One round trip: each record with its attested names (a correlated subquery on attested_names_record_id_idx).
  const rows = await db
    .selectFrom('records as r')
    .select(['r.id', 'r.external_id', 'r.source', 'r.full_name', 'r.birth_year', 'r.birth_date', 'r.birthplace', 'r.nationality', 'r.executed_on'])
    .select((eb) => jsonArrayFrom(eb.selectFrom('attested_names as a').select(['a.hanzi', 'a.pinyin']).whereRef('a.record_id', '=', 'r.id').orderBy('a.id')).as('attested'))
    .where('r.id', 'in', ids as never)
    .execute();
  const out = new Map<string, SearchRecord>();
  for (const row of rows) {
    const shown = shownReadings(row.full_name, row.attested);
    out.set(String(row.id), {
      id: Number(row.id),
      externalId: row.external_id,
      source: row.source,
      fullName: row.full_name,
      birthYear: row.birth_year,
      birthDate: row.birth_date,
      birthplace: row.birthplace,
      nationality: row.nationality,
      executedOn: row.executed_on,
      ...shown,
    });
  }
  return out;
}
