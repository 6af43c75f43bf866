/**
 * The weighted lattice and its k-best search. Positions 0..n sit between letters;
 * an edge i→j spells one syllable (from a spelling trie), skips one letter, or eats a
 * case ending at the very end. Separators are not letters: they are boundary
 * strengths between letters, and an edge that crosses one pays for it.
 */
import type { Emission, TrieNode } from './spelling.trie.ts';

/** Boundary strength before a letter. */
export const BOUNDARY = { none: 0, caseChange: 1, hyphen: 2, hard: 3, space: 4 } as const;

/**
 * Cost of a syllable crossing a boundary of each strength. Hard boundaries (pinyin
 * apostrophe, tone digit, ъ) are never crossed; a space is the strongest boundary
 * that may be (it also starts a new word, which hard boundaries do not).
 */
const CROSSING_COST = [0, 0.6, 1.5, Infinity, 2];

export interface Units {
  /** Normalised letters, as char codes. */
  codes: number[];
  /** bnd[i] = boundary strength before letter i (bnd[0] and bnd[n] unused). */
  bnd: number[];
  /** Source offsets in the original input: letter i came from input.slice(src[i], srcEnd[i]). */
  src: number[];
  srcEnd: number[];
}

export interface LatticeConfig {
  trie: TrieNode;
  /** Max paths kept per position (k of the k-best). */
  k: number;
  /** Cost of a syllable boundary where the input shows none (inside a word). */
  intraSplitCost: number;
  skipCost: number;
  /** Case endings allowed as the last edge, with their cost. */
  endings: readonly string[];
  endingCost: number;
  /**
   * Endings that replace a final й or ь of the syllable («Цзинвэй» → «Цзинвэя»,
   * «Сунь» → «Суня»): the syllable is read with the letter put back.
   */
  softStemEndings: readonly string[];
  /**
   * Cost of a syllable that starts with a vowel right after another syllable with no
   * boundary between them: pinyin writes xi'an, so "xian" is not xi + an.
   */
  vowelOnsetCost: number;
}

const VOWEL_ONSETS = new Set([...'aeoāáǎàēéěèōóǒò'].map((c) => c.charCodeAt(0)));

/** Syllable id, or SKIP / ENDING for edges that produce no syllable. */
export const SKIP = -1;
export const ENDING = -2;

export interface Step {
  from: number;
  to: number;
  syl: number;
  cost: number;
  rule: string;
}

interface Entry {
  cost: number;
  prev: Entry | null;
  step: Step | null;
  syllables: number;
}

/** A tiny per-syllable cost so that, at equal cost, fewer syllables win (гуань = guan, not gu an). */
const PER_SYLLABLE = 0.001;

function insert(list: Entry[], e: Entry, k: number): void {
  if (list.length === k && list[k - 1]!.cost <= e.cost) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.cost > e.cost) i--;
  list.splice(i, 0, e);
  if (list.length > k) list.pop();
}

/** Would a path of this cost enter the k-best list? Checked before allocating anything. */
function admits(list: Entry[], cost: number, k: number): boolean {
  return list.length < k || list[k - 1]!.cost > cost;
}

function extend(best: Entry[][], i: number, j: number, from: number, syl: number, cost: number, rule: string, k: number): void {
  const isSyl = syl >= 0;
  const add = cost + (isSyl ? PER_SYLLABLE : 0);
  const target = best[j]!;
  let step: Step | null = null;
  for (const e of best[i]!) {
    const c = e.cost + add;
    // Entries are sorted, so once one is rejected all later ones are too.
    if (!admits(target, c, k)) break;
    step ??= { from, to: j, syl, cost, rule };
    insert(target, { cost: c, prev: e, step, syllables: e.syllables + (isSyl ? 1 : 0) }, k);
  }
}

function emit(best: Entry[][], units: Units, cfg: LatticeConfig, i: number, j: number, crossing: number, out: Emission[]): void {
  const n = units.codes.length;
  const split = j < n && units.bnd[j] === BOUNDARY.none ? cfg.intraSplitCost : 0;
  const onset = i > 0 && units.bnd[i] === BOUNDARY.none && VOWEL_ONSETS.has(units.codes[i]!) ? cfg.vowelOnsetCost : 0;
  for (const em of out) {
    extend(best, i, j, i, em.syl, em.cost + crossing + split + onset, em.rule, cfg.k);
  }
}

function syllableEdges(best: Entry[][], units: Units, cfg: LatticeConfig, i: number): void {
  const { codes, bnd } = units;
  let node: TrieNode | undefined = cfg.trie;
  let crossing = 0;
  for (let j = i; j < codes.length; j++) {
    if (j > i) {
      const c = CROSSING_COST[bnd[j]!] ?? 0;
      if (c === Infinity) return;
      crossing += c;
    }
    node = node.next.get(codes[j]!);
    if (!node) return;
    if (node.out) emit(best, units, cfg, i, j + 1, crossing, node.out);
  }
}

function endingEdges(best: Entry[][], units: Units, cfg: LatticeConfig, i: number): void {
  const n = units.codes.length;
  if (i === 0 || cfg.endings.length === 0) return;
  for (const ending of cfg.endings) {
    if (n - i !== ending.length) continue;
    let ok = true;
    for (let t = 0; t < ending.length; t++) if (units.codes[i + t] !== ending.charCodeAt(t)) ok = false;
    // The ending replaces the syllable boundary the previous edge paid for.
    const cost = cfg.endingCost - (units.bnd[i] === BOUNDARY.none ? cfg.intraSplitCost : 0);
    if (ok) extend(best, i, n, i, ENDING, cost, 'case-ending', cfg.k);
  }
}

const MAX_SOFT_STEM_SPAN = 8;
const SOFT_STEM_LETTERS = ['й', 'ь'].map((c) => c.charCodeAt(0));

/** A syllable from i whose final й/ь the case ending at the end replaced: one edge to the end, rule case-ending. */
function softStemEndingEdges(best: Entry[][], units: Units, cfg: LatticeConfig, i: number): void {
  const n = units.codes.length;
  // No syllable is spelt in more than six letters (чжуань): only the last few positions can start one.
  if (n - i > MAX_SOFT_STEM_SPAN) return;
  for (const ending of cfg.softStemEndings) {
    const at = n - ending.length;
    if (at <= i) continue;
    let ok = true;
    for (let t = 0; t < ending.length; t++) if (units.codes[at + t] !== ending.charCodeAt(t)) ok = false;
    if (!ok || units.bnd[at] !== BOUNDARY.none) continue;
    let node: TrieNode | undefined = cfg.trie;
    let crossing = 0;
    for (let j = i; j < at && node; j++) {
      if (j > i) crossing += CROSSING_COST[units.bnd[j]!] ?? 0;
      node = node.next.get(units.codes[j]!);
    }
    if (!node || crossing === Infinity) continue;
    for (const letter of SOFT_STEM_LETTERS) {
      const out = node.next.get(letter)?.out;
      if (out) for (const em of out) extend(best, i, n, i, em.syl, em.cost + crossing + cfg.endingCost, 'case-ending', cfg.k);
    }
  }
}

/** k-best paths over the lattice, cheapest first; each path is its steps in order. */
export function kBest(units: Units, cfg: LatticeConfig): { cost: number; steps: Step[] }[] {
  const n = units.codes.length;
  if (n === 0) return [];
  const best: Entry[][] = Array.from({ length: n + 1 }, () => []);
  best[0]!.push({ cost: 0, prev: null, step: null, syllables: 0 });
  for (let i = 0; i < n; i++) {
    if (best[i]!.length === 0) continue;
    syllableEdges(best, units, cfg, i);
    endingEdges(best, units, cfg, i);
    if (cfg.softStemEndings.length > 0) softStemEndingEdges(best, units, cfg, i);
    extend(best, i, i + 1, i, SKIP, cfg.skipCost, 'skip', cfg.k);
  }
  return best[n]!.filter((e) => e.syllables > 0).map((e) => {
    const steps: Step[] = [];
    for (let cur: Entry | null = e; cur && cur.step; cur = cur.prev) steps.push(cur.step);
    steps.reverse();
    return { cost: e.cost, steps };
  });
}
