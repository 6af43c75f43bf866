import { decodeCursor, keysetPage } from '../shared/pagination.ts';
import { searchCandidates, timePhase } from '../metrics/metrics.ts';
import { BadRequestError } from '../shared/errors.ts';
import { decode, indexKeys, type DecodeResult } from '../core/transliteration/index.ts';
import { findCandidates, isStatementTimeout, type Candidates, type NameProbe, type SearchDb, type ReadingCandidate, type ReadingProbe, type SearchFilters } from './candidates.repository.ts';
import { checkFilters, type FilterCheck, type FilterName } from './filters.repository.ts';
import { resolvePlace } from '../core/match/index.ts';
import { nationalityForms } from '../core/match/index.ts';
import {
  MISSING_YEAR_FACTOR, bestReading, explain, queryReadings, strength, type MatchExplanation, type QueryReading, type ScoreCache, type ScoredReading,
} from '../core/match/index.ts';
import { latinSkeleton, phoneticPairs } from '../core/match/index.ts';
import type { SearchParams } from './search.params.ts';
import { loadResultRecords, type SearchRecord } from './search-records.repository.ts';
import { withPersons } from './search-persons.ts';
import type { PersonSummary } from '../links/persons.service.ts';

export interface SearchResult {
  record: SearchRecord;
  score: number;
  strength: 'strong' | 'possible' | 'weak';
  match: MatchExplanation;
  /** The person this record belongs to (confirmed links), or null. */
  person?: PersonSummary | null;
}

export interface SearchResponse {
  query: {
    q: string;
    script: DecodeResult['script'];
    readings: Array<{ pinyin: string; cost: number; surname: string[]; given: string[] }>;
    russianParts: string[];
    birthplace: { id: string; name: string } | null;
  };
  results: SearchResult[];
  nextCursor: string | null;
  warnings: SearchWarning[];
}

/**
 * Something the search could not honour. `code` is stable (the web interface
 * translates by it); `message` is English for API users; the other keys are
 * the code's parameters.
 */
export type SearchWarning =
  | { code: 'unknown_birthplace'; message: string; birthplace: string }
  /** No record at all satisfies this filter: answered at once, with no results. */
  | { code: 'no_match'; message: string; filter: FilterName; value: string }
  /** The search ran out of time (SEARCH_TIMEOUT_MS): these are the results found before. */
  | { code: 'partial'; message: string };

const QUERY_READINGS = 6;
/** Words of the query the plain-name probes use. */
const NAME_WORDS = 4;
/** Syllables of a query reading above which the pair probe is not run. */
const MAX_PAIRED = 4;
/** A patronymic in the Latin skeleton (Петрович → petrovich, Петровна → petrovna). */
const PATRONYMIC = /(vich|vna|chna)$/;
/** A plain-name (trigram) match counts like a decoded reading at most. */
const NAME_WEIGHT = 0.95;
const MIN_SCORE = 0.3;
/** A reading this good explains a match syllable by syllable even if the plain-name score is higher. */
const EXPLAINABLE = 0.6;

export async function searchRecords(database: SearchDb, params: SearchParams): Promise<SearchResponse> {
  // Each phase is timed for the metrics (src/metrics/metrics.ts).
  const decoded = await timePhase('decode', () => decode(decodable(params.q), { maxReadings: QUERY_READINGS }));
  const queries = queryReadings(decoded.readings);
  const warnings: SearchWarning[] = [];
  const { filters, birthplace } = resolveFilters(params, warnings);
  const response = (results: SearchResult[], nextCursor: string | null): SearchResponse => ({
    query: {
      q: params.q,
      script: decoded.script,
      readings: decoded.readings.map((r) => ({ pinyin: r.pinyin, cost: r.cost, surname: r.surname, given: r.given })),
      russianParts: decoded.russianParts,
      birthplace,
    },
    results,
    nextCursor,
    warnings,
  });
  const impossible = await impossibleFilter(database, filters, params);
  if (impossible) {
    warnings.push(impossible);
    return response([], null);
  }
  const candidates = await timePhase('candidates', () => findCandidates(database, probeFor(queries), nameProbeFor(params.q, decoded), filters));
  searchCandidates.observe(candidates.readings.length + candidates.names.length);
  const partial = () => warnings.push({ code: 'partial', message: 'the search took too long and was stopped: these are the results found until then' });
  if (candidates.partial) partial();

  const ranked = await timePhase('rank', () => rank(queries, candidates, filters));
  const page = paginate(ranked, params.cursor, params.limit);
  let records: Map<string, SearchRecord>;
  try {
    records = await timePhase('load', () => loadResultRecords(database.searchDb, page.items.map((r) => r.recordId)));
  } catch (err) {
    if (!isStatementTimeout(err)) throw err;
    if (!candidates.partial) partial();
    return response([], null);
  }
  const results = page.items.flatMap((item): SearchResult[] => {
    const record = records.get(item.recordId);
    if (!record) return []; // deleted between the two queries
    return [{ record, score: item.score, strength: strength(item.score), match: explainItem(item, record.fullName) }];
  });
  return response(await withPersons(database.searchDb, results), page.next);
}

/**
 * What the decoder reads of a query: a name has a handful of syllables, and
 * decoding cost grows with the input (a 200-letter query of one letter took
 * tens of milliseconds of CPU). The first words, up to MAX_DECODED characters,
 * hold any name; the plain-name probes still see the query as typed.
 */
export const MAX_DECODED = 48;
function decodable(q: string): string {
  if (q.length <= MAX_DECODED) return q;
  const cut = q.slice(0, MAX_DECODED);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : cut;
}

/**
 * A filter no record satisfies, as a warning; otherwise the records passing the
 * filters, when few, go into `filters` (filters.repository.ts). A check that
 * runs out of time lets the search go on.
 */
async function impossibleFilter(database: SearchDb, filters: SearchFilters, params: SearchParams): Promise<SearchWarning | undefined> {
  let check: FilterCheck;
  try {
    check = await checkFilters(database.searchDb, filters);
  } catch (err) {
    if (isStatementTimeout(err)) return undefined;
    throw err;
  }
  filters.passing = check.passing;
  const filter = check.nothing;
  if (!filter) return undefined;
  const { birthYearFrom: from, birthYearTo: to } = filters;
  const years = from === to ? String(from) : `${from ?? ''}–${to ?? ''}`;
  const value = filter === 'nationality' ? params.nationality! : filter === 'birthplace' ? params.birthplace! : years;
  return { code: 'no_match', message: `no record matches ${filter} "${value}", so nothing can be found`, filter, value };
}

interface RankedItem {
  recordId: string;
  score: number;
  /** The reading that gave the score; undefined when the plain-name match did. */
  best: ScoredReading | undefined;
}

function rank(queries: QueryReading[], candidates: Pick<Candidates, 'readings' | 'names'>, filters: SearchFilters) {
  type Entry = { readings: ReadingCandidate[]; nameSim: number; birthYear: number | null };
  const byRecord = new Map<string, Entry>();
  const entry = (id: string, birthYear: number | null) => {
    let e = byRecord.get(id);
    if (!e) byRecord.set(id, (e = { readings: [], nameSim: 0, birthYear }));
    return e;
  };
  for (const c of candidates.readings) {
    const e = entry(c.record_id, c.birth_year);
    if (!e.readings.some((r) => r.key === c.key && r.origin === c.origin)) e.readings.push(c);
  }
  for (const n of candidates.names) {
    const e = entry(n.record_id, n.birth_year);
    e.nameSim = Math.max(e.nameSim, n.sim);
  }

  const yearFiltered = filters.birthYearFrom !== undefined || filters.birthYearTo !== undefined;
  const items: RankedItem[] = [];
  const cache: ScoreCache = new Map();
  for (const [recordId, e] of byRecord) {
    const best = bestReading(queries, e.readings, cache);
    const nameScore = e.nameSim * NAME_WEIGHT;
    const raw = Math.max(best?.score ?? 0, nameScore);
    const score = yearFiltered && e.birthYear === null ? raw * MISSING_YEAR_FACTOR : raw;
    if (score < MIN_SCORE) continue;
    // The syllable explanation is the more useful one whenever a reading matched at all well.
    items.push({ recordId, score: round4(score), best: best && best.score >= EXPLAINABLE ? best : undefined });
  }
  // Deterministic: score, then id.
  return items.sort((a, b) => b.score - a.score || Number(a.recordId) - Number(b.recordId));
}

function explainItem(item: RankedItem, fullName: string): MatchExplanation {
  if (item.best) return explain(item.best, fullName);
  return { reading: fullName, origin: 'name', syllables: [] };
}

/**
 * Keyset over (score, id) on the ranked list in memory: a page starts after the
 * last (score, id) of the previous one. The seek is a search of the array (there
 * is no SQL to put it in); the page and its cursor are the shared keysetPage's.
 */
function paginate(items: RankedItem[], cursor: string | undefined, limit: number) {
  let start = 0;
  const after = decodeCursor(cursor);
  if (after !== undefined) {
    const [score, id] = parseCursor(after);
    start = items.findIndex((i) => i.score < score || (i.score === score && Number(i.recordId) > id));
    if (start < 0) start = items.length;
  }
  const { page, nextCursor } = keysetPage(items.slice(start, start + limit + 1), limit, (last) => `${last.score}:${last.recordId}`);
  return { items: page, next: nextCursor };
}

function parseCursor(value: string): [number, number] {
  const m = /^(\d(?:\.\d+)?):(\d{1,15})$/.exec(value);
  if (!m) throw new BadRequestError('cursor is not a cursor this server issued');
  return [Number(m[1]), Number(m[2])];
}

/** Index keys to probe: each reading in the order given, and with the surname moved (given name first). */
export function probeFor(queries: QueryReading[]): ReadingProbe {
  const keys = new Set<string>();
  const phonetics = new Set<string>();
  for (const q of queries) {
    for (const order of orders(q.syllables)) {
      const k = indexKeys(order);
      keys.add(k.exact);
      phonetics.add(k.phonetic);
    }
  }
  const top = queries[0];
  const single = top && top.syllables.length === 1;
  return {
    keys: [...keys],
    phonetics: [...phonetics],
    short: (top?.syllables.length ?? 0) <= 2,
    // Not for more than MAX_PAIRED syllables: a name has two to four, and each pair of a long
    // string ("wang li zhang liu chen") is a fixed share of the table to read and sort.
    pairs: [...new Set(queries.slice(0, 2).flatMap((q) => (q.syllables.length >= 2 && q.syllables.length <= MAX_PAIRED ? phoneticPairs(indexKeys(q.syllables).phonetic) : [])))],
    surnamePhonetic: single ? indexKeys(top.syllables).surnamePhonetic : undefined,
  };
}

/** Plain-name lookup: always for names that are not Chinese, otherwise only if no reading matched. */
export function nameProbeFor(q: string, decoded: DecodeResult): NameProbe | undefined {
  if (decoded.script !== 'cyrillic' && decoded.script !== 'latin') return undefined;
  // The first words only: record names have at most four, and a trigram probe
  // for a long string (eight patronymics) reads posting lists of most of the table.
  const latin = latinSkeleton(q).split(' ').slice(0, NAME_WORDS).join(' ');
  if (latin.length < 3) return undefined;
  const words = [...new Set(latin.split(' ').filter((w) => w.length >= 2))].slice(0, 4);
  const heads = words.flatMap((a, i) => words.filter((_, j) => j !== i).map((b) => `${a} ${b}`));
  const notChinese = decoded.russianParts.length > 0 || decoded.readings.length === 0;
  // Patronymics share their trigrams (-ovich, -evna) with most Russian records: a trigram probe
  // of them reads posting lists of most of the table. The misspelt surname and given name remain.
  const named = latin.split(' ').filter((w) => !PATRONYMIC.test(w));
  const trigram = named.length > 0 ? named.slice(0, 3).join(' ') : undefined;
  return { latin, heads, words, trigram: trigram && trigram.length >= 3 ? trigram : undefined, when: notChinese ? 'always' : 'if-none' };
}

function orders(syllables: string[]): string[][] {
  if (syllables.length < 2) return [syllables];
  const lastFirst = [syllables.at(-1)!, ...syllables.slice(0, -1)];
  const firstLast = [...syllables.slice(1), syllables[0]!];
  return [syllables, lastFirst, firstLast];
}

function resolveFilters(params: SearchParams, warnings: SearchWarning[]) {
  const filters: SearchFilters = {};
  if (params.birthYear !== undefined) {
    filters.birthYearFrom = params.birthYear;
    filters.birthYearTo = params.birthYear;
  } else {
    filters.birthYearFrom = params.birthYearFrom;
    filters.birthYearTo = params.birthYearTo;
  }
  let birthplace: SearchResponse['query']['birthplace'] = null;
  if (params.birthplace) {
    const match = resolvePlace(params.birthplace)[0];
    if (match) {
      filters.places = [match.place.id];
      birthplace = { id: match.place.id, name: match.matchedName };
    } else {
      const message = `birthplace "${params.birthplace}" is not a place we know; results are not filtered by it`;
      warnings.push({ code: 'unknown_birthplace', message, birthplace: params.birthplace });
    }
  }
  if (params.nationality) filters.nationalities = nationalityForms(params.nationality);
  return { filters, birthplace };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
