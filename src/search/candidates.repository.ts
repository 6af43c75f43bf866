import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SEARCH_SESSION_SETTINGS } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import {
  FEW_CANDIDATES, exactProbeSql, hasFilters, headProbeSql, lexiconProbeSql, pairProbeSql, surnameWordProbeSql, unfilteredHeadSql, unfilteredPairsSql,
  unfilteredReadingsSql, unfilteredSurnameWordSql, type NameCandidate, type NameProbe, type ReadingCandidate, type ReadingProbe, type SearchFilters,
} from './probe-queries.ts';

export { FEW_CANDIDATES, LIMITS, type NameCandidate, type NameProbe, type ReadingCandidate, type ReadingProbe, type SearchFilters } from './probe-queries.ts';

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
    // With a filter, which phases run is decided on what the name finds unfiltered
    // (probe-queries.ts, "Unfiltered counts"): the filter narrows each phase, it
    // never sends the search on to broader ones.
    const filtered = hasFilters(filters);
    const { readings, names } = found;
    let readingRecords = 0;
    let nameRecords = 0;
    await phase(async () => {
      const hints = filtered ? { readings: unfilteredReadingsSql(probe), names: name && unfilteredHeadSql(name) } : {};
      const first = await runProbes(db, exactProbeSql(probe, filters), name && headProbeSql(name, filters), hints);
      readings.push(...first.readings);
      names.push(...first.names);
      readingRecords = first.hints.readings ?? distinctRecords(readings);
      nameRecords = first.hints.names ?? distinctRecords(names);
    });
    // The pair probe reads every reading sharing two syllables (a fixed share of
    // the table): when the keys found nothing, or few for a two-syllable query (a
    // compound surname, or a name with a syllable missing) — and not when the
    // name as typed has matched: the decoded syllables of a Russian name ("ge man
    // a a" for Гольдман Абрам) share pairs with thousands of readings.
    const keysFew = readingRecords === 0 || (probe.short && readingRecords < FEW_CANDIDATES);
    if (probe.pairs.length > 0 && keysFew && nameRecords < FEW_CANDIDATES) {
      await phase(async () => {
        const pairs = await runProbes(db, [pairProbeSql(probe.pairs, filters)]);
        readings.push(...pairs.readings);
        readingRecords = distinctRecords(readings);
        // Whether the pair probe finds anything unfiltered matters only for a name whose fallbacks wait on it.
        if (filtered && readingRecords === 0 && name?.when === 'if-none') {
          readingRecords = (await runProbes(db, [], undefined, { readings: unfilteredPairsSql(probe.pairs) })).hints.readings ?? 0;
        }
      });
    }
    const broad = name?.when === 'always' || readingRecords === 0;
    if (name && broad) await phase(() => runBroadNameProbes(db, name, filters, names, filtered ? nameRecords : undefined));
    // Narrowed to the passing records' ids, reading probes do not read their records: the years come from the filter check.
    const years = filters.passing;
    if (years) for (const r of readings) r.birth_year = years.get(r.record_id) ?? null;
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
  kind: 'reading' | 'name' | 'hint';
  record_id: string | number | null;
  birth_year: number | null;
  key: string | null;
  origin: 'decoded' | 'attested' | null;
  cost: number | string | null;
  sim: number | string | null;
}

type Hints = { readings?: RawBuilder<unknown> | undefined; names?: RawBuilder<unknown> | undefined };

/**
 * Reading probes, a plain-name probe and unfiltered counts (`hints`) in one
 * statement (one round trip), told apart by `kind`.
 */
async function runProbes(db: Kysely<DB>, probes: RawBuilder<unknown>[], nameProbe?: RawBuilder<unknown>, hints: Hints = {}) {
  const parts = probes.map((p) => sql`SELECT 'reading' AS kind, record_id, birth_year, key, origin, cost, NULL::real AS sim FROM (${p}) p`);
  // Every part names its columns: the first part's names are the statement's, and it may be any of them.
  if (nameProbe) parts.push(sql`SELECT 'name' AS kind, record_id, birth_year, NULL::text AS key, NULL::text AS origin, NULL::real AS cost, sim FROM (${nameProbe}) n`);
  for (const [which, count] of Object.entries(hints)) {
    if (count) parts.push(sql`SELECT 'hint' AS kind, NULL::bigint AS record_id, NULL::smallint AS birth_year, ${which}::text AS key, NULL::text AS origin, NULL::real AS cost, n::real AS sim FROM (${count}) h`);
  }
  const readings: ReadingCandidate[] = [];
  const names: NameCandidate[] = [];
  const counts: { readings?: number; names?: number } = {};
  if (parts.length === 0) return { readings, names, hints: counts };
  const { rows } = await sql<CandidateRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  for (const r of rows) {
    const record_id = String(r.record_id);
    if (r.kind === 'reading') readings.push({ record_id, birth_year: r.birth_year, key: r.key!, origin: r.origin!, cost: Number(r.cost) });
    else if (r.kind === 'name') names.push({ record_id, birth_year: r.birth_year, sim: Number(r.sim) });
    else counts[r.key as 'readings' | 'names'] = Number(r.sim);
  }
  return { readings, names, hints: counts };
}

/**
 * After the name as typed, while fewer than FEW_CANDIDATES records are found:
 * the surname alone (the first matches, ranked by similarity), then, for
 * misspellings, the surnames close to the query's words (the lexicon probe),
 * which reads the most records of the three, so it comes last.
 * `unfiltered`: with a filter, the records the earlier phases found without it
 * (each phase then counts its own), which decides whether the next runs.
 */
async function runBroadNameProbes(db: Kysely<DB>, name: NameProbe, filters: SearchFilters, found: NameCandidate[], unfiltered: number | undefined): Promise<void> {
  const phases = [
    [surnameWordProbeSql(name, filters), unfilteredSurnameWordSql(name)],
    [name.trigram && lexiconProbeSql(name.trigram, filters), undefined],
  ] as const;
  let seen = unfiltered ?? distinctRecords(found);
  for (const [query, count] of phases) {
    if (seen >= FEW_CANDIDATES) break;
    if (!query) continue;
    const result = await runProbes(db, [], query, unfiltered === undefined ? {} : { names: count });
    found.push(...result.names);
    // Unfiltered, a later phase's records include the earlier ones' (a name's records have its surname): the larger count.
    seen = unfiltered === undefined ? distinctRecords(found) : Math.max(seen, result.hints.names ?? 0);
  }
}

const distinctRecords = (rows: Array<{ record_id: string }>) => new Set(rows.map((r) => r.record_id)).size;


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
      for (const q of [headProbeSql(name, filters), surnameWordProbeSql(name, filters), name.trigram && lexiconProbeSql(name.trigram, filters)]) {
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

