/**
 * Spelling tries: every way a syllable may be written in one channel (standard form
 * plus rule-generated variants with their costs), keyed by UTF-16 code unit so the
 * lattice walks them without building substrings.
 */
import type { SpellingRule } from './tables/cyrillic-variants.data.ts';
import { SYLLABLES, type SyllableRow } from './inventory.ts';

export interface Emission {
  syl: number;
  cost: number;
  rule: string;
}

export interface TrieNode {
  next: Map<number, TrieNode>;
  out: Emission[] | null;
}

const CLUSTER_TAIL = 'жз';

export type SpellingMap = Map<string, Emission[]>;

/** Apply one rule to a spelling; null when it does not apply or changes nothing. */
export function applyRule(rule: SpellingRule, spelling: string, row: SyllableRow): string | null {
  if (rule.pinyin && !rule.pinyin.test(row.pinyin)) return null;
  let out: string | null = null;
  switch (rule.where) {
    case 'whole':
      out = spelling === rule.from ? rule.to : null;
      break;
    case 'initial': {
      if (!spelling.startsWith(rule.from)) return null;
      // A rule for ч/ц/д must not split the clusters чж/цз/дж/дз.
      if (CLUSTER_TAIL.includes(spelling.charAt(rule.from.length)) && !rule.from.endsWith('ж') && !rule.from.endsWith('з')) return null;
      const nextChar = spelling.charAt(rule.from.length);
      if (rule.next !== undefined && (nextChar === '' || !rule.next.includes(nextChar))) return null;
      out = rule.to + spelling.slice(rule.from.length);
      break;
    }
    case 'final':
      out = spelling.endsWith(rule.from) ? spelling.slice(0, spelling.length - rule.from.length) + rule.to : null;
      break;
    case 'any':
      out = spelling.includes(rule.from) ? spelling.split(rule.from).join(rule.to) : null;
      break;
  }
  return out === null || out === spelling || out === '' ? null : out;
}

function addEmission(map: SpellingMap, spelling: string, e: Emission): void {
  const list = map.get(spelling);
  if (!list) {
    map.set(spelling, [e]);
    return;
  }
  const same = list.find((x) => x.syl === e.syl);
  if (!same) list.push(e);
  else if (e.cost < same.cost) {
    same.cost = e.cost;
    same.rule = e.rule;
  }
}

/**
 * All spellings of all syllables: the standard one at cost 0 and every combination of
 * up to `maxRules` distinct rules (a breadth-first closure, cheapest kept). `prior`
 * adds a syllable's own cost to all its spellings (syllables rare in names).
 */
export function buildSpellings(
  standard: (row: SyllableRow) => string,
  rules: readonly SpellingRule[],
  maxRules = 2,
  prior: (row: SyllableRow) => number = () => 0,
): SpellingMap {
  const map: SpellingMap = new Map();
  for (const row of SYLLABLES) {
    const base = prior(row);
    let frontier: { spelling: string; cost: number; rules: string[] }[] = [{ spelling: standard(row), cost: base, rules: [] }];
    addEmission(map, standard(row), { syl: row.id, cost: base, rule: base > 0 ? 'rare-in-names' : 'standard' });
    for (let depth = 0; depth < maxRules; depth++) {
      const nextFrontier: typeof frontier = [];
      for (const f of frontier) {
        for (const rule of rules) {
          // One rule of a kind per syllable: never two dialect confusions on one initial.
          if (f.rules.some((r) => r === rule.name || (r.startsWith('dialect:') && rule.name.startsWith('dialect:')))) continue;
          const out = applyRule(rule, f.spelling, row);
          if (out === null) continue;
          const item = { spelling: out, cost: f.cost + rule.cost, rules: [...f.rules, rule.name] };
          addEmission(map, out, { syl: row.id, cost: round(item.cost), rule: item.rules.join('+') });
          nextFrontier.push(item);
        }
      }
      frontier = nextFrontier;
    }
  }
  // A variant never beats the standard spelling of another syllable by accident:
  // the list is sorted so the cheapest emission comes first.
  for (const list of map.values()) list.sort((a, b) => a.cost - b.cost);
  return map;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function buildTrie(map: SpellingMap): TrieNode {
  const root: TrieNode = { next: new Map(), out: null };
  for (const [spelling, emissions] of map) {
    let node = root;
    for (let i = 0; i < spelling.length; i++) {
      const c = spelling.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), out: null };
        node.next.set(c, child);
      }
      node = child;
    }
    node.out = emissions;
  }
  return root;
}
