/**
 * Chinese characters → readings. Traditional characters are first converted to
 * simplified (opencc-js), then read with pinyin-pro: its contextual reading in
 * surname mode (单 → shan, 曾 → zeng, 仇 → qiu, 解 → xie as surnames) is rank 1 at
 * cost 0; the other readings of polyphonic characters follow at a cost each.
 * Below them, the Cantonese readings of the southern channel (southern.ts).
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import type { Reading } from './types.ts';
import { syllableByPinyin, type SyllableRow } from './inventory.ts';
import { COMPOUND_SURNAMES } from './tables/compound-surnames.data.ts';
import { round } from './spelling.trie.ts';
import { southernReadings } from './southern.ts';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Characters read at most: longer input is ignored beyond this. */
export const MAX_HAN = 16;
/** Cost of each non-contextual reading of a polyphonic character. */
export const POLYPHONE_COST = 0.5;
/** At most this many characters deviate from the contextual reading in one reading. */
const MAX_DEVIATIONS = 2;

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;

/** pinyin-pro can answer with interjection syllables that the inventory leaves out. */
const OUTSIDE_INVENTORY: Record<string, string> = { o: 'e', lo: 'luo', yo: 'you', ê: 'e', m: 'mu', n: 'en', ng: 'en', hm: 'hen', hng: 'heng' };

function row(p: string): SyllableRow | undefined {
  const clean = p.toLowerCase();
  return syllableByPinyin(clean) ?? syllableByPinyin(OUTSIDE_INVENTORY[clean] ?? '');
}

export function hanChars(text: string): string[] {
  return (text.match(HAN) ?? []).slice(0, MAX_HAN);
}

function surnameLen(simplified: string[]): number {
  const two = simplified.slice(0, 2).join('');
  return simplified.length >= 3 && COMPOUND_SURNAMES.some((c) => c.hanzi === two) ? 2 : 1;
}

interface Choice {
  rows: SyllableRow[];
  rules: string[];
  costs: number[];
}

/** Per character: contextual reading first, then the other readings. */
function alternatives(simplified: string[]): { row: SyllableRow; rule: string }[][] {
  const text = simplified.join('');
  const context = pinyin(text, { mode: 'surname', toneType: 'none', type: 'array' });
  const plain = pinyin(text, { toneType: 'none', type: 'array' });
  return simplified.map((ch, i) => {
    const list: { row: SyllableRow; rule: string }[] = [];
    const first = row(context[i] ?? '');
    if (first) list.push({ row: first, rule: context[i] === plain[i] ? 'standard' : 'surname-reading' });
    for (const p of pinyin(ch, { multiple: true, toneType: 'none', type: 'array' })) {
      const r = row(p);
      if (r && !list.some((x) => x.row.id === r.id)) list.push({ row: r, rule: 'polyphone' });
    }
    return list;
  });
}

/** Cheapest combinations with at most MAX_DEVIATIONS non-contextual readings, at most k. */
function combinations(alts: { row: SyllableRow; rule: string }[][], k: number): Choice[] {
  const base: Choice = { rows: [], rules: [], costs: [] };
  for (const a of alts) {
    base.rows.push(a[0]!.row);
    base.rules.push(a[0]!.rule);
    base.costs.push(0);
  }
  const out: Choice[] = [base];
  let frontier: Choice[] = [base];
  for (let d = 0; d < MAX_DEVIATIONS && out.length < k; d++) {
    const next: Choice[] = [];
    for (const c of frontier) {
      alts.forEach((a, i) => {
        if (c.costs[i]! > 0) return;
        for (const alt of a.slice(1)) {
          const rows = [...c.rows];
          const rules = [...c.rules];
          const costs = [...c.costs];
          rows[i] = alt.row;
          rules[i] = alt.rule;
          costs[i] = POLYPHONE_COST;
          next.push({ rows, rules, costs });
        }
      });
    }
    out.push(...next);
    frontier = next.slice(0, k);
  }
  return out.slice(0, k * 2);
}

export function decodeHan(text: string, k: number): Reading[] {
  const original = hanChars(text);
  if (original.length === 0) return [];
  const simplified = [...toSimplified(original.join(''))].slice(0, original.length);
  const alts = alternatives(simplified);
  if (alts.some((a) => a.length === 0)) return [];
  const sLen = surnameLen(simplified);
  const hanzi = original.join('');
  const mandarin = combinations(alts, k).map((c): Reading => {
    const pins = c.rows.map((r) => r.pinyin);
    const syllables = c.rows.map((r, i) => ({
      text: original[i]!,
      pinyin: r.pinyin,
      palladius: r.palladius,
      wadeGiles: r.wadeGiles,
      rule: c.rules[i]!,
      cost: c.costs[i]!,
    }));
    return {
      pinyin: pins.join(' '),
      cost: round(c.costs.reduce((a, b) => a + b, 0)),
      surname: pins.slice(0, sLen),
      given: pins.slice(sLen),
      syllables,
      hanzi,
    };
  });
  // Traditional characters as typed: to-jyutping reads both, and the traditional form is the southern one.
  return [...mandarin, ...southernReadings(original, k)];
}
