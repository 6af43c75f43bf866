import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.ts';
import { toWadeGiles } from '../core/transliteration/index.ts';
import { decodeRecordName } from '../core/match/index.ts';
import { COMMON_SURNAMES } from '../core/transliteration/index.ts';

/** What a search result shows of a record: enough to recognise a person, with readings to judge. */
export interface SearchRecord {
  id: number;
  externalId: string;
  source: string;
  fullName: string;
  birthYear: number | null;
  birthDate: string | null;
  birthplace: string | null;
  nationality: string | null;
  executedOn: string | null;
  readings: Array<{ pinyin: string; wadeGiles: string; origin: 'decoded' | 'attested'; hanzi?: string }>;
  likelySurnameCharacters: string[];
}

const SHOWN_READINGS = 3;

const SURNAME_CHARACTERS: ReadonlyMap<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [pinyin, hanzi] of COMMON_SURNAMES) m.set(pinyin, [...(m.get(pinyin) ?? []), hanzi]);
  return m;
})();

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
    const own = row.attested;
    const readings: SearchRecord['readings'] = own.map((a) => ({
      pinyin: a.pinyin,
      wadeGiles: toWadeGiles(a.pinyin.split(' ')),
      origin: 'attested' as const,
      ...(a.hanzi ? { hanzi: a.hanzi } : {}),
    }));
    const decoded = decodeRecordName(row.full_name).readings.slice(0, SHOWN_READINGS);
    for (const r of decoded) {
      readings.push({ pinyin: r.pinyin, wadeGiles: toWadeGiles(r.pinyin.split(' ')), origin: 'decoded' });
    }
    const surname = decoded[0]?.surname.join('');
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
      readings: readings.slice(0, SHOWN_READINGS + own.length),
      likelySurnameCharacters: surname ? (SURNAME_CHARACTERS.get(surname) ?? []) : [],
    });
  }
  return out;
}
