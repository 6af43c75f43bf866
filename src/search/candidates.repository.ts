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
  /** What the trigram probe looks for: the first words that are not patronymics; none, no trigram probe. */
  trigram?: string | undefined;
  /**
   * 'always' for names that are plainly not Chinese: every phase. 'if-none': the
   * cheap exact phase always (a Latin "Pavlov Nikolai" also decodes to pinyin-ish
   * readings), the broader ones only when nothing else matched.
   */
  when: 'always' | 'if-none';
}

/**
 * Phases, so a common query costs one round trip: exact and phonetic keys (and
 * the surname), with the name as typed, first; the pair probe only when those
 * found few records; the broader plain-name probes when the name is plainly
 * not Chinese or nothing else matched.
 */
export interface SearchDb {
  searchDb: Kysely<DB>;
  /** True when the pool's sessions already carry SEARCH_SESSION_SETTINGS. */
  searchDbTuned: boolean;
}

export interface Candidates {
  readings: ReadingCandidate[];
  names: NameCandidate[];
  /** A phase hit the search pool's statement_timeout: these are the candidates found before it. */
  partial: boolean;
}

export async function findCandidates(database: SearchDb, probe: ReadingProbe, name: NameProbe | undefined, filters: SearchFilters): Promise<Candidates> {
  return withSearchSettings(database, async (db) => {
    const found: Candidates = { readings: [], names: [], partial: false };
    // Each phase adds to `found`; a phase cancelled by statement_timeout ends the search with what earlier phases found.
    const phase = async (run: () => Promise<void>) => {
      if (found.partial) return;
      try {
        await run();
      } catch (err) {
        if (!isStatementTimeout(err)) throw err;
        found.partial = true;
      }
    };
    await phase(async () => {
      const first = await runProbes(db, exactProbeSql(probe, filters), name && headProbeSql(name, filters));
      found.readings.push(...first.readings);
      found.names.push(...first.names);
    });
    // The pair probe reads every reading sharing two syllables (a fixed share of
    // the table): when the keys found nothing, or few for a two-syllable query (a
    // compound surname, or a name with a syllable missing) — and not when the
    // name as typed has matched: the decoded syllables of a Russian name ("ge man
    // a a" for Гольдман Абрам) share pairs with thousands of readings.
    const { readings, names } = found;
    const keysFew = readings.length === 0 || (probe.short && distinctRecords(readings) < FEW_CANDIDATES);
    if (probe.pairs.length > 0 && keysFew && distinctRecords(names) < FEW_CANDIDATES) {
      await phase(async () => void readings.push(...(await runProbes(db, [pairProbeSql(probe.pairs, filters)])).readings));
    }
    const broad = name?.when === 'always' || readings.length === 0;
    if (name && broad) await phase(() => runBroadNameProbes(db, name, filters, names));
    return found;
  });
}

/** PostgreSQL's query_canceled: statement_timeout (the search pool's bound) ran out. */
export const isStatementTimeout = (err: unknown) => (err as { code?: unknown } | null)?.code === '57014';

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

interface CandidateRow {
  kind: 'reading' | 'name';
  record_id: string | number;
  birth_year: number | null;
  key: string | null;
  origin: 'decoded' | 'attested' | null;
  cost: number | string | null;
  sim: number | string | null;
}

/** Reading probes and a plain-name probe in one statement (one round trip), told apart by `kind`. */
async function runProbes(db: Kysely<DB>, probes: RawBuilder<unknown>[], nameProbe?: RawBuilder<unknown>) {
  const parts = probes.map((p) => sql`SELECT 'reading' AS kind, record_id, birth_year, key, origin, cost, NULL::real AS sim FROM (${p}) p`);
  if (nameProbe) parts.push(sql`SELECT 'name', record_id, birth_year, NULL, NULL, NULL, sim FROM (${nameProbe}) n`);
  const readings: ReadingCandidate[] = [];
  const names: NameCandidate[] = [];
  if (parts.length === 0) return { readings, names };
  const { rows } = await sql<CandidateRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  for (const r of rows) {
    const record_id = String(r.record_id);
    if (r.kind === 'reading') readings.push({ record_id, birth_year: r.birth_year, key: r.key!, origin: r.origin!, cost: Number(r.cost) });
    else names.push({ record_id, birth_year: r.birth_year, sim: Number(r.sim) });
  }
  return { readings, names };
}

/**
 * After the name as typed, while fewer than FEW_CANDIDATES records are found:
 * the surname alone (the first matches, ranked by similarity), then trigrams
 * for misspellings. A trigram probe for a common name ("ivanov petr") reads
 * posting lists of a good part of the table, so it is the last resort.
 */
async function runBroadNameProbes(db: Kysely<DB>, name: NameProbe, filters: SearchFilters, found: NameCandidate[]): Promise<void> {
  for (const query of [surnameWordProbeSql(name, filters), name.trigram && nameProbeSql(name.trigram, filters)]) {
    if (distinctRecords(found) >= FEW_CANDIDATES) break;
    if (!query) continue;
    found.push(...(await runProbes(db, [], query)).names);
  }
}

const distinctRecords = (rows: Array<{ record_id: string }>) => new Set(rows.map((r) => r.record_id)).size;

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
      ORDER BY r.id LIMIT ${LIMITS.nameSurname}) s
    ORDER BY sim DESC, s.record_id LIMIT ${LIMITS.name}`;
}

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
      for (const q of [headProbeSql(name, filters), surnameWordProbeSql(name, filters), name.trigram && nameProbeSql(name.trigram, filters)]) {
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

/**
 * A reading probe's rows. The record is joined only when a filter needs its
 * columns: unfiltered, its birth year goes unused (ranking weighs a missing
 * year only under a year filter), and the join cost one records lookup per
 * candidate row — hundreds per search.
 */
function selectReadings(filters: SearchFilters): RawBuilder<unknown> {
  return hasFilters(filters)
    ? sql`SELECT rr.record_id, r.birth_year, rr.key, rr.origin, rr.cost FROM record_readings rr JOIN records r ON r.id = rr.record_id`
    : sql`SELECT rr.record_id, NULL::smallint AS birth_year, rr.key, rr.origin, rr.cost FROM record_readings rr`;
}

const hasFilters = (f: SearchFilters) =>
  f.birthYearFrom !== undefined || f.birthYearTo !== undefined || (f.places?.length ?? 0) > 0 || (f.nationalities?.length ?? 0) > 0;

function pairProbeSql(pairs: string[], filters: SearchFilters): RawBuilder<unknown> {
  // record_readings_phonetic_pairs_idx
  return sql`${selectReadings(filters)} WHERE rr.phonetic_pairs && ${textArray(pairs)} ${filterSql(filters)}
    ORDER BY rr.cost, rr.record_id LIMIT ${LIMITS.fuzzy}`;
}

function exactProbeSql(probe: ReadingProbe, filters: SearchFilters): RawBuilder<unknown>[] {
  const where = filterSql(filters);
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
