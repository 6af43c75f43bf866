/**
 * Similarity of two names in syllable space: a weighted edit distance whose
 * substitution cost comes from initials and finals (phonetics.ts), with whole
 * syllables inserted or deleted, and the surname moved to the end of either name to
 * catch given-name-first order. Score = 1 − distance / longer length, in 0..1.
 */
import type { Alignment, Reading } from './types.ts';
import { finalDistance, initialDistance, parts } from './phonetics.ts';
import { normaliseSyllables } from './index-keys.ts';
import { surnameLength } from './reading.build.ts';

export const INDEL_COST = 0.7;
export const SWAP_COST = 0.15;

interface Name {
  syllables: string[];
  surnameLen: number;
}

function toName(x: Reading | string[]): Name {
  if (Array.isArray(x)) return nameOf(x);
  return { syllables: normaliseSyllables(x.pinyin.split(' ')), surnameLen: x.surname.length };
}

/**
 * Search scores hundreds of stored keys a query, and the same keys ("wang xi
 * xiang") come up query after query: normalise each once, bounded. Callers
 * never mutate a Name, so sharing one is safe.
 */
const nameMemo = new Map<string, Name>();
const NAME_MEMO_LIMIT = 100_000;

function nameOf(x: readonly string[]): Name {
  const key = x.join(' ');
  let name = nameMemo.get(key);
  if (name === undefined) {
    const syllables = normaliseSyllables(x);
    name = { syllables, surnameLen: surnameLength(syllables) };
    if (nameMemo.size >= NAME_MEMO_LIMIT) nameMemo.clear();
    nameMemo.set(key, name);
  }
  return name;
}

/** Surname moved behind the given name. */
function rotate(n: Name): string[] {
  return [...n.syllables.slice(n.surnameLen), ...n.syllables.slice(0, n.surnameLen)];
}

const SAME = { cost: 0, note: 'same' } as const;
/** Syllable pairs are few (the inventory squared) and search scores thousands a query: memoise, bounded. */
const distanceMemo = new Map<string, { cost: number; note: string }>();
const MEMO_LIMIT = 250_000;

export function syllableDistance(a: string, b: string): { cost: number; note: string } {
  if (a === b) return SAME;
  const key = `${a}|${b}`;
  let d = distanceMemo.get(key);
  if (d === undefined) {
    d = computeSyllableDistance(a, b);
    if (distanceMemo.size >= MEMO_LIMIT) distanceMemo.clear();
    distanceMemo.set(key, d);
  }
  return d;
}

function computeSyllableDistance(a: string, b: string): { cost: number; note: string } {
  const pa = parts(a);
  const pb = parts(b);
  const i = initialDistance(pa.initial, pb.initial);
  const f = finalDistance(pa.final, pb.final);
  const note = [i.note, f.note].filter((x) => x !== '').join(' ');
  return { cost: Math.min(1, i.cost + f.cost), note };
}

/** The distance alone, in two rows: what ranking needs for every candidate. */
function editCost(a: string[], b: string[]): number {
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j * INDEL_COST);
  let cur = new Array<number>(n + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i * INDEL_COST;
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + syllableDistance(a[i - 1]!, b[j - 1]!).cost;
      cur[j] = Math.min(sub, prev[j]! + INDEL_COST, cur[j - 1]! + INDEL_COST);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

function editDistance(a: string[], b: string[]): { cost: number; alignment: Alignment[] } {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i + j) * INDEL_COST));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const sub = d[i - 1]![j - 1]! + syllableDistance(a[i - 1]!, b[j - 1]!).cost;
      d[i]![j] = Math.min(sub, d[i - 1]![j]! + INDEL_COST, d[i]![j - 1]! + INDEL_COST);
    }
  }
  const alignment: Alignment[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0) {
      const s = syllableDistance(a[i - 1]!, b[j - 1]!);
      if (Math.abs(d[i - 1]![j - 1]! + s.cost - here) < 1e-9) {
        alignment.push({ a: a[i - 1]!, b: b[j - 1]!, cost: s.cost, note: s.note });
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && Math.abs(d[i - 1]![j]! + INDEL_COST - here) < 1e-9) {
      alignment.push({ a: a[i - 1]!, b: null, cost: INDEL_COST, note: 'missing in b' });
      i--;
    } else {
      alignment.push({ a: null, b: b[j - 1]!, cost: INDEL_COST, note: 'missing in a' });
      j--;
    }
  }
  alignment.reverse();
  return { cost: d[m]![n]!, alignment };
}

export function similarity(a: Reading | string[], b: Reading | string[]): { score: number; alignment: Alignment[]; swapped: boolean } {
  const best = bestOrder(toName(a), toName(b));
  if (!best) return { score: 1, alignment: [], swapped: false };
  const { alignment } = editDistance(best.x, best.y);
  return { score: best.score, alignment, swapped: best.swapped };
}

/** The same score as similarity(), without building the alignment: for ranking many candidates. */
export function similarityScore(a: Reading | string[], b: Reading | string[]): { score: number; swapped: boolean } {
  const best = bestOrder(toName(a), toName(b));
  return best ? { score: best.score, swapped: best.swapped } : { score: 1, swapped: false };
}

function bestOrder(na: Name, nb: Name): { x: string[]; y: string[]; score: number; swapped: boolean } | undefined {
  const longer = Math.max(na.syllables.length, nb.syllables.length);
  if (longer === 0) return undefined;
  let best = { x: na.syllables, y: nb.syllables, cost: editCost(na.syllables, nb.syllables), swapped: false };
  // Either side may be the one written given-name-first; trying both keeps it symmetric.
  if (na.syllables.length > 1 && nb.syllables.length > 1) {
    for (const [x, y] of [[rotate(na), nb.syllables], [na.syllables, rotate(nb)]] as const) {
      const cost = editCost(x, y) + SWAP_COST;
      if (cost < best.cost - 1e-9) best = { x, y, cost, swapped: true };
    }
  }
  const score = Math.max(0, Math.min(1, 1 - best.cost / longer));
  return { x: best.x, y: best.y, score: Math.round(score * 1e6) / 1e6, swapped: best.swapped };
}
