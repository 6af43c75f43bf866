import { sql, type RawBuilder } from 'kysely';

/**
 * The SQL of the candidate probes (candidates.repository.ts runs them). Every
 * probe is an index probe (each names its index), bounded by a LIMIT with an
 * ORDER BY ending in the record id, never a scan of records.
 */
export interface SearchFilters {
  birthYearFrom?: number | undefined;
  birthYearTo?: number | undefined;
  places?: string[] | undefined;
  nationalities?: string[] | undefined;
  /** Every record that passes the filters above, with its birth year, when they are few (filters.repository.ts). */
  passing?: Map<string, number | null> | undefined;
}

export interface ReadingProbe {
  keys: string[];
  phonetics: string[];
  /** Fuzzy probe: ordered phonetic syllable pairs of the query ("uan si", …); empty skips it. */
  pairs: string[];
  /** The query has two syllables or fewer. */
  short: boolean;
  /** Surname-only queries (王, "Wang"): records with that surname, cheapest first. */
  surnamePhonetic?: string | undefined;
}

export interface ReadingCandidate {
  record_id: string;
  birth_year: number | null;
  key: string;
  origin: 'decoded' | 'attested';
  cost: number;
}

export interface NameCandidate {
  record_id: string;
  birth_year: number | null;
  sim: number;
}

export const LIMITS = {
  exact: 400, fuzzy: 200, surname: 300, name: 100, nameSurname: 2_000,
  /** Misspelt names: surnames taken from the lexicon per query word, and records read per surname. */
  lexicon: 20, lexiconRecords: 1_000,
} as const;
/** Fewer distinct records than this from one plain-name phase, and the next one runs too. */
export const FEW_CANDIDATES = 10;

export interface NameProbe {
  /** The query's Latin skeleton ("pavlov nikolai"). */
  latin: string;
  /** Surname + given name pairs to try, both orders ("pavlov nikolai", "nikolai pavlov"). */
  heads: string[];
  /** Single words that may be the surname. */
  words: string[];
  /** What the trigram probe looks for: the first words that are not patronymics; none, no trigram probe. */
  trigram?: string | undefined;
  /**
   * 'always' for names that are plainly not Chinese: every phase. 'if-none': the
   * cheap exact phase always (a Latin "Pavlov Nikolai" also decodes to pinyin-ish
   * readings), the broader ones only when nothing else matched.
   */
  when: 'always' | 'if-none';
}

export function headProbeSql(name: NameProbe, filters: SearchFilters): RawBuilder<unknown> | undefined {
  if (name.heads.length === 0) return undefined;
  // records_name_head_idx
  return sql`SELECT r.id AS record_id, r.birth_year, similarity(r.name_latin, ${name.latin}) AS sim
    FROM records r WHERE r.name_head = ANY(${textArray(name.heads)}) ${filterSql(filters)}
    ORDER BY sim DESC, r.id LIMIT ${LIMITS.name}`;
}

export function surnameWordProbeSql(name: NameProbe, filters: SearchFilters): RawBuilder<unknown> | undefined {
  if (name.words.length === 0) return undefined;
  // records_name_surname_id_idx, one range per word read in id order: a common surname is
  // bounded before ranking, and a word no record has costs one index probe (with = ANY and
  // ORDER BY id the planner could walk the primary key through every record instead).
  return sql`SELECT s.record_id, s.birth_year, similarity(s.name_latin, ${name.latin}) AS sim FROM (
      SELECT w.record_id, w.birth_year, w.name_latin FROM unnest(${textArray(name.words)}) AS word(v)
      CROSS JOIN LATERAL (
        SELECT r.id AS record_id, r.birth_year, r.name_latin FROM records r
        WHERE split_part(r.name_latin, ' ', 1) = word.v ${filterSql(filters)}
        ORDER BY r.id LIMIT ${LIMITS.nameSurname}) w
      ORDER BY w.record_id LIMIT ${LIMITS.nameSurname}) s
    ORDER BY sim DESC, s.record_id LIMIT ${LIMITS.name}`;
}

/**
 * A reading probe's rows. The record is joined only when a filter needs its
 * columns: unfiltered, its birth year goes unused (ranking weighs a missing
 * year only under a year filter), and the join cost one records lookup per
 * candidate row — hundreds per search.
 */
function selectReadings(filters: SearchFilters): RawBuilder<unknown> {
  // With the passing records known, their ids narrow the readings and their years come from the filter check.
  return hasFilters(filters) && !filters.passing
    ? sql`SELECT rr.record_id, r.birth_year, rr.key, rr.origin, rr.cost FROM record_readings rr JOIN records r ON r.id = rr.record_id`
    : sql`SELECT rr.record_id, NULL::smallint AS birth_year, rr.key, rr.origin, rr.cost FROM record_readings rr`;
}

export const hasFilters = (f: SearchFilters) =>
  f.birthYearFrom !== undefined || f.birthYearTo !== undefined || (f.places?.length ?? 0) > 0 || (f.nationalities?.length ?? 0) > 0;

export function pairProbeSql(pairs: string[], filters: SearchFilters): RawBuilder<unknown> {
  // record_readings_phonetic_pairs_idx
  return sql`${selectReadings(filters)} WHERE rr.phonetic_pairs && ${textArray(pairs)} ${filterSql(filters, 'rr.record_id')}
    ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.fuzzy}`;
}

export function exactProbeSql(probe: ReadingProbe, filters: SearchFilters): RawBuilder<unknown>[] {
  const where = filterSql(filters, 'rr.record_id');
  const select = selectReadings(filters);
  const probes: RawBuilder<unknown>[] = [];
  if (probe.keys.length > 0) {
    // record_readings_key_idx
    probes.push(sql`${select} WHERE rr.key = ANY(${textArray(probe.keys)}) ${where} ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.exact}`);
  }
  if (probe.phonetics.length > 0) {
    // record_readings_phonetic_idx
    probes.push(sql`${select} WHERE rr.phonetic = ANY(${textArray(probe.phonetics)}) ${where} ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.exact}`);
  }
  if (probe.surnamePhonetic) {
    // record_readings_surname_idx (surname_phonetic, cost, record_id)
    probes.push(sql`${select} WHERE rr.surname_phonetic = ${probe.surnamePhonetic} ${where}
      ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.surname}`);
  }
  return probes;
}

/**
 * Misspelt plain names («Иваноф Иван»): the surnames close to the query's
 * words in surname_lexicon (migration 0018), then the first records of each
 * such surname in id order, as the surname-word probe reads them
 * (records_name_surname_id_idx), kept when the whole name passes the trigram
 * threshold and ranked by its similarity, as a trigram probe of every record's
 * name would. It reads at most LIMITS.lexiconRecords records per surname,
 * whatever the table holds: the records-wide probe read every record sharing
 * the query's trigrams (110,274 Ivan*s at 3,100,000 records) to keep a few dozen.
 * A common surname has more records than that, so the surname with each other
 * word of the query as given name is read too, exactly (records_name_head_idx,
 * the same bound): «Иваноф Иван» reads the Ivanov Ivans wherever they are in
 * id order, not only among the first thousand Ivanovs.
 *
 * A surname is close when it passes the trigram threshold (the LIMITS.lexicon
 * most similar per word: surname_lexicon_word_trgm_idx) or begins the word
 * (the primary key): a compound Chinese surname typed as one word («Сыма
 * Чанлиню», «Оуян Юйцяню») is recorded as syllables («Сы-Ма-Чан-Линь»), and
 * its first syllable is too short to share a third of the word's trigrams.
 */
export function lexiconProbeSql(trigram: string, filters: SearchFilters): RawBuilder<unknown> {
  const words = [...new Set(trigram.split(' ').filter((w) => w.length > 0))];
  return sql`SELECT w.record_id, w.birth_year, similarity(w.name_latin, ${trigram}) AS sim FROM (
      SELECT l.word FROM unnest(${textArray(words)}) AS q(v)
      CROSS JOIN LATERAL (
        SELECT x.word FROM surname_lexicon x WHERE x.word % q.v
        ORDER BY similarity(x.word, q.v) DESC, x.word LIMIT ${LIMITS.lexicon}) l
      UNION SELECT x.word FROM surname_lexicon x WHERE x.word = ANY(${textArray(wordPrefixes(words))})) s
    CROSS JOIN LATERAL (
      (SELECT r.id AS record_id, r.birth_year, r.name_latin FROM records r
        WHERE r.name_head = ANY(ARRAY(SELECT s.word || ' ' || g.v FROM unnest(${textArray(words)}) AS g(v) WHERE g.v <> s.word)) ${filterSql(filters)}
        ORDER BY r.id LIMIT ${LIMITS.lexiconRecords})
      UNION
      (SELECT r.id AS record_id, r.birth_year, r.name_latin FROM records r
        WHERE split_part(r.name_latin, ' ', 1) = s.word ${filterSql(filters)}
        ORDER BY r.id LIMIT ${LIMITS.lexiconRecords})) w
    WHERE w.name_latin % ${trigram}
    ORDER BY sim DESC, w.record_id LIMIT ${LIMITS.name}`;
}

/** A syllable of a compound surname has two to six letters; the whole word is looked up by similarity. */
const PREFIX_LENGTHS = { min: 2, max: 6 } as const;

/** The beginnings of each word that may be a surname of their own ("sima" → "si", "sim"). */
export function wordPrefixes(words: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const word of words) {
    for (let n = PREFIX_LENGTHS.min; n <= Math.min(PREFIX_LENGTHS.max, word.length - 1); n++) prefixes.add(word.slice(0, n));
  }
  return [...prefixes];
}

/**
 * Filters narrow each probe inside the database, so a LIMIT never cuts off the
 * records asked for. When few records pass them all (`passing`, found once per
 * search by filters.repository.ts), each probe is narrowed to those ids (`id`:
 * the probe's record id column) instead: the filters' conditions in each probe
 * made PostgreSQL build the same bitmaps (a birth year, the GIN list of a
 * province) once per probe, or walk every candidate of a common name to the few
 * that pass (100–160 ms for «Ван» born 1870 in Shandong at 1,000,000 records).
 */
function filterSql(filters: SearchFilters, id: 'r.id' | 'rr.record_id' = 'r.id'): RawBuilder<unknown> {
  if (filters.passing) return sql`AND ${sql.raw(id)} = ANY(${[...filters.passing.keys()]}::bigint[])`;
  return filterConditionsSql(filters);
}

/** The filters' conditions on `records r`, each `AND …`; empty without filters. */
export function filterConditionsSql(filters: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.birthYearFrom !== undefined || filters.birthYearTo !== undefined) {
    const from = filters.birthYearFrom ?? -32768;
    const to = filters.birthYearTo ?? 32767;
    // Records with no year are kept (ranked lower in TypeScript).
    parts.push(sql`AND (r.birth_year BETWEEN ${from} AND ${to} OR r.birth_year IS NULL)`);
  }
  if (filters.places && filters.places.length > 0) {
    parts.push(sql`AND r.birthplace_places && ${textArray(filters.places)}`);
  }
  if (filters.nationalities && filters.nationalities.length > 0) {
    parts.push(sql`AND lower(r.nationality) = ANY(${textArray(filters.nationalities)})`);
  }
  return sql.join(parts, sql` `);
}

const textArray = (values: string[]) => sql`${values}::text[]`;

/*
 * Unfiltered counts. A filter narrows a search; it must not widen it: which
 * phases run (the pair probe, the plain-name fallbacks) is decided by what the
 * name finds with no filter, and the filter then only narrows each phase. Decided
 * on the filtered results, a filter that removes a name's records (`Ван Си Сян`
 * with nationality=русский) sent the search on to every fallback, trigram probe
 * included (2.5 s at 1,000,000 records). Each count is an index probe that stops
 * at FEW_CANDIDATES records (the only question asked of it is "fewer than that?").
 */

/** Rows read per reading probe for the count: a record has at most 4 decoded readings (and rarely attested ones). */
const HINT_READINGS = 8 * FEW_CANDIDATES;

/** Distinct records the key, phonetic and surname probes find unfiltered (capped). */
export function unfilteredReadingsSql(probe: ReadingProbe): RawBuilder<unknown> | undefined {
  const parts: RawBuilder<unknown>[] = [];
  // record_readings_key_idx, record_readings_phonetic_idx, record_readings_surname_idx
  if (probe.keys.length > 0) parts.push(sql`(SELECT record_id FROM record_readings WHERE key = ANY(${textArray(probe.keys)}) LIMIT ${HINT_READINGS})`);
  if (probe.phonetics.length > 0) parts.push(sql`(SELECT record_id FROM record_readings WHERE phonetic = ANY(${textArray(probe.phonetics)}) LIMIT ${HINT_READINGS})`);
  if (probe.surnamePhonetic) parts.push(sql`(SELECT record_id FROM record_readings WHERE surname_phonetic = ${probe.surnamePhonetic} LIMIT ${HINT_READINGS})`);
  if (parts.length === 0) return undefined;
  return sql`SELECT count(DISTINCT record_id) AS n FROM (${sql.join(parts, sql` UNION ALL `)}) u`;
}

/** Whether the pair probe finds any reading unfiltered (0 or 1). record_readings_phonetic_pairs_idx */
export function unfilteredPairsSql(pairs: string[]): RawBuilder<unknown> {
  return sql`SELECT count(*) AS n FROM (SELECT 1 FROM record_readings WHERE phonetic_pairs && ${textArray(pairs)} LIMIT 1) u`;
}

/** Records the name as typed finds unfiltered (capped). records_name_head_idx */
export function unfilteredHeadSql(name: NameProbe): RawBuilder<unknown> | undefined {
  if (name.heads.length === 0) return undefined;
  return sql`SELECT count(*) AS n FROM (SELECT 1 FROM records WHERE name_head = ANY(${textArray(name.heads)}) LIMIT ${FEW_CANDIDATES}) u`;
}

/** Records the surname word finds unfiltered (capped). records_name_surname_id_idx */
export function unfilteredSurnameWordSql(name: NameProbe): RawBuilder<unknown> | undefined {
  if (name.words.length === 0) return undefined;
  return sql`SELECT count(*) AS n FROM (SELECT 1 FROM records WHERE split_part(name_latin, ' ', 1) = ANY(${textArray(name.words)}) LIMIT ${FEW_CANDIDATES}) u`;
}
