/**
 * From lattice paths to Readings: merge non-syllable steps into their neighbours, tell
 * surname from given name (compound surnames, given-name-first order) and fill in the
 * per-syllable explanation. Invariant: a Reading's cost is the sum of its syllables'
 * costs, so every cost is explained by a syllable's rule.
 */
import type { Reading, SyllableExplanation } from './types.ts';
import { BOUNDARY, ENDING, SKIP, type Step, type Units } from './lattice.ts';
import { rowOf } from './inventory.ts';
import { round } from './spelling.trie.ts';
import { COMPOUND_SURNAMES } from './tables/compound-surnames.data.ts';
import { COMMON_SURNAMES } from './tables/common-surnames.data.ts';

/** A syllable of a path before the name is split. */
export interface RawSyllable {
  syl: number;
  text: string;
  rule: string;
  cost: number;
  /** Index of the space-separated word the syllable starts in. */
  word: number;
  /** First lattice position of the syllable (for extending its text). */
  from: number;
}

const PREFERRED_COMPOUNDS = new Set(COMPOUND_SURNAMES.filter((c) => c.prefer).map((c) => c.pinyin.join(' ')));
const ALL_COMPOUNDS = new Set(COMPOUND_SURNAMES.map((c) => c.pinyin.join(' ')));
const COMMON = new Set(COMMON_SURNAMES.map(([p]) => p));

/**
 * Order costs: tuned on the development cases in bench/decode-costs.ts. The
 * common-surname prior only ever makes the given-name-first order dearer, so that a
 * standard spelling read surname-first keeps cost 0.
 */
export const ORDER_COST = { givenFirst: 0.3, givenFirstJoinedGiven: 0.1, surnameNotAWord: 0.3, uncommonSurname: 0.2 };

function textOf(input: string, units: Units, from: number, to: number): string {
  return input.slice(units.src[from]!, units.srcEnd[to - 1]!);
}

function joinRule(a: string, b: string): string {
  if (a === '') return b;
  if (b === 'standard' || b === '') return a;
  return a === 'standard' ? b : `${a}+${b}`;
}

/** Path steps → syllables; skipped letters and case endings join the neighbouring syllable. */
export function stepsToSyllables(input: string, units: Units, steps: readonly Step[], channelRule: string, channelCost: number): RawSyllable[] {
  const out: RawSyllable[] = [];
  let word = 0;
  let orphan: Step | null = null;
  for (const step of steps) {
    if (step.from > 0 && units.bnd[step.from] === BOUNDARY.space) word++;
    const extra = step.syl === SKIP ? 'skip' : 'case-ending';
    if (step.syl === SKIP || step.syl === ENDING) {
      const last = out.at(-1);
      if (!last) orphan = step;
      else {
        last.text = textOf(input, units, last.from, step.to);
        last.rule = joinRule(last.rule, extra);
        last.cost += step.cost;
      }
      continue;
    }
    const from = orphan ? orphan.from : step.from;
    out.push({
      syl: step.syl,
      text: textOf(input, units, from, step.to),
      rule: orphan ? joinRule(step.rule, 'skip') : step.rule,
      cost: step.cost + (orphan ? orphan.cost : 0),
      word,
      from,
    });
    orphan = null;
  }
  if (out[0] && channelRule !== '') {
    for (const s of out) s.rule = joinRule(channelRule, s.rule);
    out[0].cost += channelCost;
  }
  return out;
}

/** Number of leading syllables that form the surname when the name starts there. */
export function surnameLength(pinyins: readonly string[], allCompounds = false): number {
  if (pinyins.length === 0) return 0;
  if (pinyins.length >= 3) {
    const pair = `${pinyins[0]} ${pinyins[1]}`;
    if ((allCompounds ? ALL_COMPOUNDS : PREFERRED_COMPOUNDS).has(pair)) return 2;
  }
  return 1;
}

export interface NameOrder {
  syllables: RawSyllable[];
  surnameLen: number;
  extraCost: number;
  note: string;
}

function wordSizes(raw: readonly RawSyllable[]): number[] {
  const sizes: number[] = [];
  for (const s of raw) sizes[s.word] = (sizes[s.word] ?? 0) + 1;
  return sizes.map((x) => x ?? 0);
}

function isSurname(pinyins: string[]): boolean {
  return pinyins.length === 1 ? COMMON.has(pinyins[0]!) : ALL_COMPOUNDS.has(pinyins.join(' '));
}

/**
 * Surname-first and, when plausible, given-name-first orders of one path. Without a
 * space between words (records, joined forms) only surname-first is considered.
 */
export function nameOrders(raw: RawSyllable[], allowSwap: boolean): NameOrder[] {
  const pins = raw.map((r) => rowOf(r.syl).pinyin);
  const sizes = wordSizes(raw);
  const words = sizes.filter((s) => s > 0).length;
  const sLen = surnameLength(pins);
  const first: NameOrder = { syllables: raw, surnameLen: sLen, extraCost: 0, note: '' };
  if (!allowSwap || words < 2 || raw.length < 2) return [first];
  const lastWord = raw.at(-1)!.word;
  const lastSize = sizes[lastWord] ?? 0;
  const lastPins = pins.slice(pins.length - lastSize);
  const lastIsSurname = lastSize === 1 || (lastSize === 2 && ALL_COMPOUNDS.has(lastPins.join(' ')));
  if (sizes[0] !== sLen) first.extraCost += ORDER_COST.surnameNotAWord;
  if (!lastIsSurname) return [first];
  const swapped: NameOrder = {
    syllables: [...raw.slice(raw.length - lastSize), ...raw.slice(0, raw.length - lastSize)],
    surnameLen: lastSize,
    extraCost: (sizes[0] ?? 0) >= 2 ? ORDER_COST.givenFirstJoinedGiven : ORDER_COST.givenFirst,
    note: 'given-name-first',
  };
  if (!isSurname(lastPins)) swapped.extraCost += ORDER_COST.uncommonSurname;
  return [first, swapped];
}

export function explain(raw: RawSyllable): SyllableExplanation {
  const row = rowOf(raw.syl);
  return { text: raw.text, pinyin: row.pinyin, palladius: row.palladius, wadeGiles: row.wadeGiles, rule: raw.rule, cost: round(raw.cost) };
}

/** Build the Reading of one name order. */
export function toReading(order: NameOrder, hanzi?: string): Reading {
  const syllables = order.syllables.map(explain);
  if (syllables[0] && order.extraCost > 0) {
    syllables[0] = { ...syllables[0], cost: round(syllables[0].cost + order.extraCost), rule: order.note ? joinRule(syllables[0].rule, order.note) : syllables[0].rule };
  }
  const pins = syllables.map((s) => s.pinyin);
  const reading: Reading = {
    pinyin: pins.join(' '),
    cost: round(syllables.reduce((a, s) => a + s.cost, 0)),
    surname: pins.slice(0, order.surnameLen),
    given: pins.slice(order.surnameLen),
    syllables,
  };
  if (hanzi !== undefined) reading.hanzi = hanzi;
  return reading;
}
