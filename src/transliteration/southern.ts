/**
 * The southern-pronunciation channel: a family typing 黃 may be looking for a
 * record a clerk wrote from Cantonese («Вонг»), not from Mandarin («Хуан»).
 * Characters → Jyutping (to-jyutping) → Cyrillic (tables/jyutping-cyrillic.data.ts)
 * → the Cyrillic decoder, so the query meets the record's readings in the same
 * space. Every such reading costs SOUTHERN_COST more: ranked below Mandarin.
 */
import ToJyutping from 'to-jyutping';
import { decodeCyrillic } from './cyrillic.decoder.ts';
import { JYUTPING_CODAS, JYUTPING_INITIALS, JYUTPING_NUCLEI, JYUTPING_SYLLABIC } from './tables/jyutping-cyrillic.data.ts';
import { round } from './spelling.trie.ts';
import type { Reading } from './types.ts';

export const SOUTHERN_COST = 1;
/** The English coda habit (Вонг rather than Вон) costs this much more than the Palladius one. */
const ENGLISH_CODA_COST = 0.1;

const INITIAL_ORDER = Object.keys(JYUTPING_INITIALS).sort((a, b) => b.length - a.length);

/** One toneless Jyutping syllable in Cyrillic, by coda habit (0 Palladius, 1 English); undefined if off the chart. */
export function jyutpingToCyrillic(syllable: string, habit: 0 | 1): string | undefined {
  const s = syllable.replace(/[1-6]$/, '');
  if (JYUTPING_SYLLABIC[s]) return JYUTPING_SYLLABIC[s];
  const initial = INITIAL_ORDER.find((i) => i !== '' && s.startsWith(i)) ?? '';
  const rest = s.slice(initial.length);
  const nucleus = JYUTPING_NUCLEI.find(([n]) => rest.startsWith(n));
  if (!nucleus) return undefined;
  const coda = JYUTPING_CODAS[rest.slice(nucleus[0].length)];
  if (!coda) return undefined;
  const vowel = initial === '' || initial === 'j' ? nucleus[2] : nucleus[1];
  return `${JYUTPING_INITIALS[initial]}${vowel}${coda[habit]}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Readings of the characters as a record written from Cantonese would decode, each costing SOUTHERN_COST more. */
export function southernReadings(chars: string[], k: number): Reading[] {
  const jyutping = ToJyutping.getJyutpingList(chars.join('')).map(([, j]) => j?.split(' ')[0]);
  if (jyutping.some((j) => !j)) return [];
  const out: Reading[] = [];
  for (const habit of [0, 1] as const) {
    const cyr = jyutping.map((j) => jyutpingToCyrillic(j!, habit));
    if (cyr.some((c) => c === undefined)) return out;
    const record = cyr.map((c) => capitalise(c!)).join('-');
    for (const r of decodeCyrillic(record, Math.min(k, 3)).readings) {
      const extra = SOUTHERN_COST + (habit === 1 ? ENGLISH_CODA_COST : 0);
      out.push({
        ...r,
        cost: round(r.cost + extra),
        hanzi: chars.join(''),
        syllables: r.syllables.map((s, i) => ({ ...s, rule: `cantonese ${record}: ${s.rule}`, cost: i === 0 ? round(s.cost + extra) : s.cost })),
      });
    }
  }
  return out;
}
