import { similarity, similarityScore, type Reading } from '../transliteration/index.ts';
import { decodeRecordName } from './decode-cache.ts';

/**
 * Pure ranking and explanation: given the query's readings and a candidate
 * record's stored reading keys, how strong is the match and why. No I/O, so it
 * is tested and tuned without a database.
 */
export interface QueryReading {
  syllables: string[];
  cost: number;
  /** The query text behind each syllable, for the explanation. */
  texts: string[];
}

export interface CandidateReading {
  key: string;
  origin: 'decoded' | 'attested';
  cost: number;
}

export interface SyllableMatch {
  recordText: string | null;
  pinyin: string | null;
  queryText: string | null;
  queryPinyin: string | null;
  rule: string;
  cost: number;
}

export interface MatchExplanation {
  reading: string;
  origin: 'decoded' | 'attested' | 'name';
  syllables: SyllableMatch[];
  swapped?: boolean;
}

export interface ScoredReading {
  score: number;
  query: QueryReading;
  candidate: CandidateReading;
  swapped: boolean;
}

/** How much reading costs (spelling variants, mishearings) weaken a match. */
export const COST_WEIGHT = { query: 0.04, record: 0.04 } as const;
/**
 * A decoded reading is our guess at the name; an attested one is known. So a
 * decoded match tops out below a perfect attested one, which always ranks first.
 */
export const DECODED_CEILING = 0.95;
/** A record with no birth year, kept under a year filter, ranks a little lower. */
export const MISSING_YEAR_FACTOR = 0.9;

export function scoreReading(query: QueryReading, candidate: CandidateReading, simCache?: Map<string, { score: number; swapped: boolean }>, qi = 0): ScoredReading {
  const cacheKey = `${qi}|${candidate.key}`;
  let sim = simCache?.get(cacheKey);
  if (!sim) {
    sim = similarityScore(query.syllables, candidate.key.split(' '));
    simCache?.set(cacheKey, sim);
  }
  const penalty = 1 / (1 + COST_WEIGHT.query * query.cost + COST_WEIGHT.record * candidate.cost);
  const ceiling = candidate.origin === 'attested' ? 1 : DECODED_CEILING;
  return { score: clamp01(sim.score * penalty * ceiling), query, candidate, swapped: sim.swapped };
}

/**
 * Many records share a key ("wang xi xiang"), so one search computes each
 * (query reading, key) similarity once: pass the same cache for the whole search.
 */
export type ScoreCache = Map<string, { score: number; swapped: boolean }>;

export function bestReading(queries: QueryReading[], candidates: CandidateReading[], cache: ScoreCache = new Map()): ScoredReading | undefined {
  let best: ScoredReading | undefined;
  for (let qi = 0; qi < queries.length; qi++) {
    const q = queries[qi]!;
    for (const c of candidates) {
      const scored = scoreReading(q, c, cache, qi);
      if (!best || scored.score > best.score || (scored.score === best.score && c.origin === 'attested')) best = scored;
    }
  }
  return best;
}

/** Readings of the query scored against candidates: the likeliest few, not every alternative. */
export const SCORED_QUERY_READINGS = 3;
export const SCORED_COST_SPREAD = 1.5;

/** The query's readings as syllable lists, with the text each syllable came from. */
export function queryReadings(readings: Reading[]): QueryReading[] {
  const top = readings[0]?.cost ?? 0;
  return readings.filter((r, i) => i < SCORED_QUERY_READINGS && r.cost <= top + SCORED_COST_SPREAD).map((r) => ({
    syllables: r.pinyin.split(' '),
    cost: r.cost,
    texts: r.syllables.map((s) => s.text),
  }));
}

/**
 * Syllable by syllable: the record's Cyrillic, the pinyin it stands for, what
 * the person typed, and the rule that joined them. The record's side comes from
 * decoding its name again (cheap, and only for the results shown).
 */
export function explain(best: ScoredReading, recordFullName: string): MatchExplanation {
  const recordSyllables = recordSyllableTexts(recordFullName, best.candidate.key);
  const { alignment } = similarity(best.query.syllables, best.candidate.key.split(' '));
  let qi = 0;
  let ri = 0;
  const syllables: SyllableMatch[] = alignment.map((pair) => {
    const queryText = pair.a === null ? null : (best.query.texts[qi++] ?? pair.a);
    const record = pair.b === null ? undefined : recordSyllables[ri++];
    return {
      recordText: record?.text ?? null,
      pinyin: pair.b,
      queryText,
      queryPinyin: pair.a,
      rule: [record && record.rule !== 'standard' ? record.rule : '', pair.note].filter(Boolean).join('; ') || 'exact',
      cost: round(pair.cost + (record?.cost ?? 0)),
    };
  });
  return { reading: best.candidate.key, origin: best.candidate.origin, syllables, ...(best.swapped ? { swapped: true } : {}) };
}

function recordSyllableTexts(fullName: string, key: string): Array<{ text: string | null; rule: string; cost: number }> {
  const readings = decodeRecordName(fullName).readings;
  const same = readings.find((r) => r.pinyin === key);
  if (same) return same.syllables.map((s) => ({ text: s.text, rule: s.rule, cost: s.cost }));
  // An attested name need not be among the decoded readings: no record text per syllable then.
  return key.split(' ').map(() => ({ text: null, rule: 'attested', cost: 0 }));
}

/** Words a family reads: how much to trust a score. */
export function strength(score: number): 'strong' | 'possible' | 'weak' {
  return score >= 0.85 ? 'strong' : score >= 0.6 ? 'possible' : 'weak';
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;
