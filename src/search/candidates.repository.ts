import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SEARCH_SESSION_SETTINGS } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * Candidate lookup: every probe is an index probe (each names its index),
 * bounded by a LIMIT, never a scan of records. Rescoring happens in TypeScript
 * (ranking.ts) on the few hundred rows this returns.
 */
export interface SearchFilters {
  birthYearFrom?: number | undefined;
  birthYearTo?: number | undefined;
  places?: string[] | undefined;
  nationalities?: string[] | undefined;
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

export const LIMITS = { exact: 400, fuzzy: 200, surname: 300, name: 100, nameSurname: 2_000 } as const;
/** Fewer distinct records than this from one plain-name phase, and the next one runs too. */
export const FEW_CANDIDATES = 10;

export interface NameProbe {
  /** The query's Latin skeleton ("pavlov nikolai"). */
  latin: string;
  /** Surname + given name pairs to try, both orders ("pavlov nikolai", "nikolai pavlov"). */
  heads: string[];
  /** Single words that may be the surname. */
  words: string[];
  /**
   * 'always' for names that are plainly not Chinese: every phase. 'if-none': the
   * cheap exact phase always (a Latin "Pavlov Nikolai" also decodes to pinyin-ish
   * readings), the broader ones only when nothing else matched.
   */
  when: 'always' | 'if-none';
}

/**
 * Phases, so a common query costs one round trip: exact and phonetic keys (and
 * the surname) first; the pair probe only when those found few records; the
 * plain-name probes when the name is plainly not Chinese or nothing else matched.
 */
export interface SearchDb {
  searchDb: Kysely<DB>;
  /** True when the pool's sessions already carry SEARCH_SESSION_SETTINGS. */
  searchDbTuned: boolean;
}

export async function findCandidates(
  database: SearchDb,
  probe: ReadingProbe,
  name: NameProbe | undefined,
  filters: SearchFilters,
): Promise<{ readings: ReadingCandidate[]; names: NameCandidate[] }> {
  return withSearchSettings(database, async (db) => {
    const readings = await runReadingProbes(db, exactProbeSql(probe, filters));
    // The pair probe reads every reading sharing two syllables (a fixed share of
    // the table): when the exact and phonetic keys found nothing, or found few for
    // a two-syllable query (a compound surname, or a name with a syllable missing).
    const few = distinctRecords(readings) < FEW_CANDIDATES;
    if (probe.pairs.length > 0 && (readings.length === 0 || (few && probe.short))) {
      readings.push(...(await runReadingProbes(db, [pairProbeSql(probe.pairs, filters)])));
    }
    const broad = name?.when === 'always' || readings.length === 0;
    const names = name ? await runNameProbes(db, name, filters, broad) : [];
    return { readings, names };
  });
}

/**
 * Every probe runs with SEARCH_SESSION_SETTINGS (src/db/database.ts): no
 * sequential scans, and the trigram threshold. A syllable pair or a common
 * surname is a fixed fraction of the table (about 0.5%) at any size, which the
 * planner costs close to a scan at 100,000 rows and keeps choosing as the
 * table grows; an index probe costs what it returns, a scan what the table
 * holds. Searches are index probes by design, so we say so rather than hope.
 * The search pool's sessions carry the settings; otherwise (PGlite) they are
 * set for one transaction.
 */
async function withSearchSettings<T>(database: SearchDb, run: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (database.searchDbTuned) return run(database.searchDb);
  return database.searchDb.transaction().execute(async (trx) => {
    for (const [name, value] of Object.entries(SEARCH_SESSION_SETTINGS)) {
      await sql`SELECT set_config(${name}, ${value}, true)`.execute(trx);
    }
    return run(trx);
  });
}

async function runReadingProbes(db: Kysely<DB>, probes: RawBuilder<unknown>[]): Promise<ReadingCandidate[]> {
  if (probes.length === 0) return [];
  const union = sql.join(probes.map((p) => sql`(${p})`), sql` UNION ALL `);
  const { rows } = await sql<ReadingCandidate>`${union}`.execute(db);
  return rows.map((r) => ({ ...r, record_id: String(r.record_id), cost: Number(r.cost) }));
}

/**
 * Plain names, most selective first: surname and given name as typed; then the
 * surname alone (the first matches, ranked by similarity); only then trigrams,
 * for misspellings. A trigram probe for a common name ("ivanov petr") reads
 * posting lists of a good part of the table, so it is the last resort.
 */
async function runNameProbes(db: Kysely<DB>, name: NameProbe, filters: SearchFilters, broad: boolean): Promise<NameCandidate[]> {
  const phases = [headProbeSql(name, filters), ...(broad ? [surnameWordProbeSql(name, filters), nameProbeSql(name.latin, filters)] : [])];
  const found: NameCandidate[] = [];
  for (const query of phases) {
    if (!query) continue;
    const { rows } = await sql<NameCandidate>`${query}`.execute(db);
    found.push(...rows.map((r) => ({ ...r, record_id: String(r.record_id), sim: Number(r.sim) })));
    if (new Set(found.map((r) => r.record_id)).size >= FEW_CANDIDATES) break;
  }
  return found;
}

function headProbeSql(name: NameProbe, filters: SearchFilters): RawBuilder<unknown> | undefined {
  if (name.heads.length === 0) return undefined;
  // records_name_head_idx
  return sql`SELECT r.id AS record_id, r.birth_year, similarity(r.name_latin, ${name.latin}) AS sim
    FROM records r WHERE r.name_head = ANY(${textArray(name.heads)}) ${filterSql(filters)}
    ORDER BY sim DESC, r.id LIMIT ${LIMITS.name}`;
}

function surnameWordProbeSql(name: NameProbe, filters: SearchFilters): RawBuilder<unknown> | undefined {
  if (name.words.length === 0) return undefined;
  // records_name_surname_idx; a common surname is bounded before ranking.
  return sql`SELECT s.record_id, s.birth_year, similarity(s.name_latin, ${name.latin}) AS sim FROM (
      SELECT r.id AS record_id, r.birth_year, r.name_latin FROM records r
      WHERE split_part(r.name_latin, ' ', 1) = ANY(${textArray(name.words)}) ${filterSql(filters)}
      LIMIT ${LIMITS.nameSurname}) s
    ORDER BY sim DESC, s.record_id LIMIT ${LIMITS.name}`;
}

const distinctRecords = (rows: ReadingCandidate[]) => new Set(rows.map((r) => r.record_id)).size;

/** The plan of every probe, as it runs: the EXPLAIN test reads these. */
export async function explainCandidates(
  database: SearchDb,
  probe: ReadingProbe,
  name: NameProbe | undefined,
  filters: SearchFilters,
): Promise<string[]> {
  return withSearchSettings(database, async (db) => {
    const probes = [...exactProbeSql(probe, filters)];
    if (probe.pairs.length > 0) probes.push(pairProbeSql(probe.pairs, filters));
    if (name) {
      for (const q of [headProbeSql(name, filters), surnameWordProbeSql(name, filters), nameProbeSql(name.latin, filters)]) {
        if (q) probes.push(q);
      }
    }
    const plans: string[] = [];
    for (const query of probes) {
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(db);
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return plans;
  });
}

const SELECT_READINGS = sql`SELECT rr.record_id, r.birth_year, rr.key, rr.origin, rr.cost
  FROM record_readings rr JOIN records r ON r.id = rr.record_id`;

function pairProbeSql(pairs: string[], filters: SearchFilters): RawBuilder<unknown> {
  // record_readings_phonetic_pairs_idx
  return sql`${SELECT_READINGS} WHERE rr.phonetic_pairs && ${textArray(pairs)} ${filterSql(filters)}
    ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.fuzzy}`;
}

function exactProbeSql(probe: ReadingProbe, filters: SearchFilters): RawBuilder<unknown>[] {
  const where = filterSql(filters);
  const select = SELECT_READINGS;
  const probes: RawBuilder<unknown>[] = [];
  if (probe.keys.length > 0) {
    // record_readings_key_idx
    probes.push(sql`${select} WHERE rr.key = ANY(${textArray(probe.keys)}) ${where} LIMIT ${LIMITS.exact}`);
  }
  if (probe.phonetics.length > 0) {
    // record_readings_phonetic_idx
    probes.push(sql`${select} WHERE rr.phonetic = ANY(${textArray(probe.phonetics)}) ${where} LIMIT ${LIMITS.exact}`);
  }
  if (probe.surnamePhonetic) {
    // record_readings_surname_idx (surname_phonetic, cost, record_id)
    probes.push(sql`${select} WHERE rr.surname_phonetic = ${probe.surnamePhonetic} ${where}
      ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.surname}`);
  }
  return probes;
}

function nameProbeSql(nameLatin: string, filters: SearchFilters): RawBuilder<unknown> {
  // records_name_latin_trgm_idx
  return sql`SELECT r.id AS record_id, r.birth_year, similarity(r.name_latin, ${nameLatin}) AS sim
    FROM records r WHERE r.name_latin % ${nameLatin} ${filterSql(filters)}
    ORDER BY sim DESC, r.id LIMIT ${LIMITS.name}`;
}

/** Filters narrow each probe inside the database, so a LIMIT never cuts off the records asked for. */
function filterSql(filters: SearchFilters): RawBuilder<unknown> {
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
