// Gazetteer of Chinese places: resolve a query in any script to places, and tag
// the Chinese places named in a birthplace phrase. Pure; the tables are built
// once at module load.
import Fuse from 'fuse.js';
import { ENTRIES, NAMES } from './gazetteer.data.ts';
import type { FlatName, PlaceEntry } from './gazetteer.data.ts';
import {
  CITY_WORDS, PROVINCE_WORDS, hasHan, isStopWord, normaliseName, strippedKeys, tokenize,
} from './gazetteer.normalize.ts';

export interface Place {
  id: string;
  kind: string;
  parent?: string;
  hanzi: string[];
  pinyin: string;
  names: string[];
}

export interface PlaceMatch {
  place: Place;
  /** 0..1: 1 = exact name; less for an ending removed, a secondary or probable name, or a fuzzy match. */
  score: number;
  /** The gazetteer name that matched, as written in the table. */
  matchedName: string;
  certainty: 'certain' | 'probable';
  how: 'exact' | 'ending' | 'fuzzy';
  note?: string;
}

const COST_ENDING = 0.1;
const COST_SECONDARY = 0.05;
const COST_PROBABLE = 0.1;
const FUZZY_WEIGHT = 0.8;
const FUZZY_THRESHOLD = 0.34;
/** Keys this short are too easily a Russian word or a fragment: tagged in text only with China context. */
const SHORT_KEY = 4;
const MAX_NGRAM = 4;
const CHINA_CONTEXT = /кита|china|chinese|中国|中國|ман[ь]?чж|manchuria|квжд/i;
/** A match found only by removing an ending counts as weak when the remaining key is this short. */
const SHORT_STRIPPED_KEY = 5;

function toPlace(e: PlaceEntry): Place {
  const names = [...new Set(NAMES.filter((n) => n.placeId === e.id).map((n) => n.name))];
  const hanzi = e.hanzi.map((h) => (typeof h === 'string' ? h : h.name));
  return { id: e.id, kind: e.kind, ...(e.parent !== undefined ? { parent: e.parent } : {}), hanzi, pinyin: e.pinyin, names };
}

const PLACES: ReadonlyMap<string, Place> = new Map(ENTRIES.map((e) => [e.id, toPlace(e)]));

/** normalised key → names with that key, primary names first. */
const BY_KEY: ReadonlyMap<string, readonly FlatName[]> = (() => {
  const m = new Map<string, FlatName[]>();
  for (const n of NAMES) {
    const k = normaliseName(n.name);
    if (k.length === 0) continue;
    const list = m.get(k) ?? [];
    if (!list.some((x) => x.placeId === n.placeId)) list.push(n);
    m.set(k, list);
  }
  for (const list of m.values()) list.sort((a, b) => Number(a.secondary) - Number(b.secondary));
  return m;
})();

const MAX_HAN_KEY = Math.max(...[...BY_KEY.keys()].filter(hasHan).map((k) => k.length));

const FUSE = new Fuse(
  [...BY_KEY.keys()].filter((k) => !hasHan(k)).map((key) => ({ key })),
  { keys: ['key'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true },
);

export function getPlace(id: string): Place | undefined {
  return PLACES.get(id);
}

export function allPlaces(): Place[] {
  return [...PLACES.values()];
}

/** The chain of parents of a place, nearest first (not including the place). */
export function ancestorsOf(id: string): string[] {
  const out: string[] = [];
  let p = PLACES.get(id)?.parent;
  while (p !== undefined && !out.includes(p)) {
    out.push(p);
    p = PLACES.get(p)?.parent;
  }
  return out;
}

function nameScore(n: FlatName, base: number): number {
  return base - (n.secondary ? COST_SECONDARY : 0) - (n.certainty === 'probable' ? COST_PROBABLE : 0);
}

function toMatch(n: FlatName, base: number, how: PlaceMatch['how']): PlaceMatch {
  const place = PLACES.get(n.placeId);
  if (place === undefined) throw new Error(`gazetteer: unknown place ${n.placeId}`);
  return {
    place, score: Math.max(0, nameScore(n, base)), matchedName: n.name, certainty: n.certainty, how,
    ...(n.note !== undefined ? { note: n.note } : {}),
  };
}

/** Exact key, then keys with an ending removed (at a cost). */
function lookupKey(key: string): { names: readonly FlatName[]; base: number; how: PlaceMatch['how'] } | undefined {
  const exact = BY_KEY.get(key);
  if (exact !== undefined) return { names: exact, base: 1, how: 'exact' };
  for (const k of strippedKeys(key)) {
    const hit = BY_KEY.get(k);
    if (hit !== undefined) return { names: hit, base: 1 - COST_ENDING, how: 'ending' };
  }
  return undefined;
}

function bestPerPlace(matches: PlaceMatch[]): PlaceMatch[] {
  const best = new Map<string, PlaceMatch>();
  for (const m of matches) {
    const b = best.get(m.place.id);
    if (b === undefined || m.score > b.score) best.set(m.place.id, m);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.place.id < b.place.id ? -1 : a.place.id > b.place.id ? 1 : 0));
}

/** Han text: every table name contained in it, longest first at each position. */
function hanHits(text: string): FlatName[][] {
  const out: FlatName[][] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length;) {
    let len = Math.min(MAX_HAN_KEY, chars.length - i);
    for (; len >= 2; len--) {
      const hit = BY_KEY.get(chars.slice(i, i + len).join(''));
      if (hit !== undefined) { out.push([...hit]); break; }
    }
    i += len >= 2 ? len : 1;
  }
  return out;
}

/**
 * Places a query may mean, best first. Exact normalised names score 1; a Russian
 * case ending or an administrative suffix removed costs 0.1; otherwise fuse.js
 * over the non-Han names. Historical names resolve to their modern entry
 * (Chihli / Чжили → hebei).
 */
export function resolvePlace(query: string): PlaceMatch[] {
  const q = query.trim();
  if (q.length === 0) return [];
  if (hasHan(q)) {
    const key = normaliseName(q);
    const direct = lookupKey(key);
    if (direct !== undefined) return bestPerPlace(direct.names.map((n) => toMatch(n, direct.base, direct.how)));
    return bestPerPlace(hanHits(key).flat().map((n) => toMatch(n, 1 - COST_ENDING, 'ending')));
  }
  const words = tokenize(q).filter((t) => !isStopWord(t));
  const key = normaliseName(words.join(''));
  if (key.length === 0) return [];
  const hit = lookupKey(key);
  if (hit !== undefined) return bestPerPlace(hit.names.map((n) => toMatch(n, hit.base, hit.how)));
  const fuzzy: PlaceMatch[] = [];
  for (const r of FUSE.search(key, { limit: 10 })) {
    const names = BY_KEY.get(r.item.key) ?? [];
    for (const n of names) fuzzy.push(toMatch(n, FUZZY_WEIGHT * (1 - (r.score ?? 1)), 'fuzzy'));
  }
  return bestPerPlace(fuzzy);
}

type KindHint = 'province' | 'city' | undefined;

function kindHint(tokens: readonly string[], start: number, end: number): KindHint {
  const lc = (t: string | undefined): string => (t ?? '').toLowerCase().replace(/\.$/, '');
  const before = [lc(tokens[start - 1]), lc(tokens[start - 2])];
  const after = lc(tokens[end]);
  if (PROVINCE_WORDS.has(before[0] ?? '') || PROVINCE_WORDS.has(after)) return 'province';
  if (CITY_WORDS.has(before[0] ?? '')) return 'city';
  if (PROVINCE_WORDS.has(before[1] ?? '')) return 'province';
  return undefined;
}

function choose(names: readonly FlatName[], hint: KindHint): FlatName | undefined {
  if (hint !== undefined) {
    const want = hint === 'province' ? ['province', 'region'] : ['city', 'prefecture', 'county'];
    const fit = names.find((n) => want.includes(PLACES.get(n.placeId)?.kind ?? ''));
    if (fit !== undefined) return fit;
  }
  return names[0];
}

interface Hit { placeId: string; weak: boolean }

/**
 * Ids of the Chinese places named in a birthplace phrase, in order of mention,
 * each followed by its ancestors (so a filter on `shandong` finds «г. Чифу»).
 * Exact names only (no fuzzy matching); short, weak and probable names count
 * only when the text also says China or names a certain Chinese place.
 */
export function placeIdsInText(birthplace: string): string[] {
  const hits: Hit[] = [];
  const tokens = tokenize(birthplace);
  for (let i = 0; i < tokens.length;) {
    const tok = tokens[i] ?? '';
    if (hasHan(tok)) {
      for (const names of hanHits(normaliseName(tok))) {
        const n = names[0];
        if (n !== undefined) hits.push({ placeId: n.placeId, weak: n.weak });
      }
      i += 1;
      continue;
    }
    if (isStopWord(tok) || /\d/.test(tok)) { i += 1; continue; }
    let matched = 0;
    for (let len = Math.min(MAX_NGRAM, tokens.length - i); len >= 1 && matched === 0; len--) {
      const span = tokens.slice(i, i + len);
      if (span.some((t) => isStopWord(t) || /\d/.test(t) || hasHan(t))) continue;
      const key = normaliseName(span.join(''));
      const found = lookupKey(key);
      if (found === undefined) continue;
      const n = choose(found.names, kindHint(tokens, i, i + len));
      if (n === undefined) continue;
      const matchedKey = normaliseName(n.name);
      const weak = n.weak || matchedKey.length <= SHORT_KEY || (found.how === 'ending' && matchedKey.length <= SHORT_STRIPPED_KEY);
      hits.push({ placeId: n.placeId, weak });
      matched = len;
    }
    i += matched > 0 ? matched : 1;
  }
  const chinese = CHINA_CONTEXT.test(birthplace) || hits.some((h) => !h.weak);
  const out: string[] = [];
  for (const h of hits) {
    if (h.weak && !chinese) continue;
    for (const id of [h.placeId, ...ancestorsOf(h.placeId)]) if (!out.includes(id)) out.push(id);
  }
  return out;
}
