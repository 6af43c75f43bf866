/**
 * The southern-pronunciation channel: a family typing 黃 may be looking for a
 * record a clerk wrote from Cantonese («Вонг»), not from Mandarin («Хуан»).
 * Characters → Jyutping (to-jyutping) → Cyrillic (tables/jyutping-cyrillic.data.ts)
 * → the Cyrillic decoder, so the query meets the record's readings in the same
 * space. Every such reading costs SOUTHERN_COST (and a little per rank): ranked
 * below Mandarin.
 */
import { createRequire } from 'node:module';
import { decodeCyrillic } from './cyrillic.decoder.ts';
import { JYUTPING_CODAS, JYUTPING_INITIALS, JYUTPING_NUCLEI, JYUTPING_SYLLABIC } from './tables/jyutping-cyrillic.data.ts';
import { round } from './spelling.trie.ts';
import type { Reading } from './types.ts';

export const SOUTHERN_COST = 1;
/** The English coda habit (Вонг rather than Вон) costs this much more than the Palladius one. */
const ENGLISH_CODA_COST = 0.1;
/** Each later reading of the same Cantonese form. */
const SOUTHERN_RANK_COST = 0.1;

type JyutpingConverter = { getJyutpingList(text: string): Array<[string, string | null]> };
let converter: JyutpingConverter | undefined;
/** Loaded on the first character query, not at start: its dictionary costs a few hundred ms to load. */
function jyutping(): JyutpingConverter {
  converter ??= createRequire(import.meta.url)('to-jyutping') as JyutpingConverter;
  return converter;
}

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
  const readings = jyutping().getJyutpingList(chars.join('')).map(([, j]) => j?.split(' ')[0]);
  if (readings.some((j) => !j)) return [];
  const out: Reading[] = [];
  for (const habit of [0, 1] as const) {
    const cyr = readings.map((j) => jyutpingToCyrillic(j!, habit));
    if (cyr.some((c) => c === undefined)) return out;
    const record = cyr.map((c) => capitalise(c!)).join('-');
    decodeCyrillic(record, Math.min(k, 3)).readings.forEach((r, rank) => {
      // The query pays for the channel, not for how badly the Cantonese form reads as
      // Mandarin: the record written that way pays that same decode cost on its side.
      const extra = SOUTHERN_COST + (habit === 1 ? ENGLISH_CODA_COST : 0) + rank * SOUTHERN_RANK_COST;
      out.push({
        ...r,
        cost: round(extra),
        hanzi: chars.join(''),
        syllables: r.syllables.map((s, i) => ({ ...s, rule: `cantonese ${record}: ${s.rule}`, cost: i === 0 ? round(extra) : 0 })),
      });
    });
  }
  return out;
}
