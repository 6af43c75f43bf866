import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { toWadeGiles } from '../transliteration/index.ts';
import { decodeRecordName } from './decode-cache.ts';
import { COMMON_SURNAMES } from '../transliteration/tables/common-surnames.data.ts';

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
  const rows = await db
    .selectFrom('records')
    .select(['id', 'external_id', 'source', 'full_name', 'birth_year', 'birth_date', 'birthplace', 'nationality', 'executed_on'])
    .where('id', 'in', ids as never)
    .execute();
  const attested = await db
    .selectFrom('attested_names')
    .select(['record_id', 'hanzi', 'pinyin'])
    .where('record_id', 'in', ids as never)
    .orderBy('id')
    .execute();
  const out = new Map<string, SearchRecord>();
  for (const row of rows) {
    const own = attested.filter((a) => String(a.record_id) === String(row.id));
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
