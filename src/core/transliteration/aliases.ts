/** The alias lexicon (tables/aliases.data.ts) as a lookup by letters-only key. */
import { ALIASES, type AliasEntry } from './tables/aliases.data.ts';
import { syllableByPinyin } from './inventory.ts';
import type { Reading } from './types.ts';

const BY_KEY = new Map<string, AliasEntry>();
for (const entry of ALIASES) for (const key of entry.keys) BY_KEY.set(key, entry);

/** Lower case letters only; ъ, hyphens, spaces and apostrophes dropped; ё → е. */
export function aliasKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^a-zа-я]/g, '').replace(/ъ/g, '');
}

/** Readings from the lexicon: cost 0 for the first, 0.1 more for each later one. */
export function aliasReadings(text: string): Reading[] {
  const entry = BY_KEY.get(aliasKey(text));
  if (!entry) return [];
  return entry.readings.map((pinyin, rank) => {
    const pins = pinyin.split(' ');
    const cost = rank * 0.1;
    return {
      pinyin,
      cost,
      surname: pins.slice(0, entry.surnameLength),
      given: entry.surnameLength === 0 ? [] : pins.slice(entry.surnameLength),
      syllables: pins.map((p, i) => {
        const row = syllableByPinyin(p)!;
        return { text: i === 0 ? text.trim() : '', pinyin: row.pinyin, palladius: row.palladius, wadeGiles: row.wadeGiles, rule: 'alias', cost: i === 0 ? cost : 0 };
      }),
    };
  });
}
