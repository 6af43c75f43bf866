/**
 * Latin names → readings, through three channels decoded independently and merged:
 * pinyin (tone marks, tone numbers, ü typed as v/u:/yu), Wade–Giles (with or without
 * apostrophes and diacritics) and the Latin transliteration of the Russian record
 * ("Van Si-Syan", "Chzhan"), which is mapped back to Cyrillic and read as Palladius.
 */
import type { Reading } from './types.ts';
import { COSTS, isRecordStyle, runLattice, type ChannelName } from './channels.ts';
import { latinToCyrillic } from './respell.ts';
import { nameOrders, stepsToSyllables, toReading } from './reading.build.ts';
import { aliasReadings } from './aliases.ts';
import { latinUnits } from './units.ts';
import type { Units } from './lattice.ts';

/** "En-lai", "Hsi-hsiang": a hyphen before a lower-case letter. */
function hasHyphenatedGiven(input: string): boolean {
  return /[-‐‑–][a-zà-ÿ]/.test(input);
}

function channelReadings(input: string, units: Units, channel: ChannelName, channelCost: number, k: number): Reading[] {
  const out: Reading[] = [];
  const recordStyle = channel === 'russian-transliteration' && isRecordStyle(units);
  for (const path of runLattice(channel, units, { k, recordStyle, endings: channel === 'russian-transliteration' })) {
    const rule = channel === 'pinyin' ? (channelCost > 0 ? 'pinyin-hyphenated-given' : '') : channel;
    const raw = stepsToSyllables(input, units, path.steps, rule, channelCost);
    for (const order of nameOrders(raw, true)) out.push(toReading(order));
  }
  return out;
}

export function decodeLatin(input: string, k: number): Reading[] {
  const pinyinCost = hasHyphenatedGiven(input) ? COSTS.pinyinHyphenatedGiven : 0;
  const pinyinUnits = latinUnits(input, 'boundary');
  const wgUnits = latinUnits(input, 'letter');
  return [
    ...aliasReadings(input),
    ...channelReadings(input, pinyinUnits, 'pinyin', pinyinCost, k),
    ...channelReadings(input, wgUnits, 'wade-giles', COSTS.wadeGiles, k),
    ...channelReadings(input, latinToCyrillic(wgUnits), 'russian-transliteration', COSTS.russianTransliteration, k),
  ];
}

/** One Latin channel on its own, cheapest first (for tests and diagnostics). */
export function decodeLatinChannel(input: string, channel: 'pinyin' | 'wade-giles' | 'russian-transliteration', k = 8): Reading[] {
  const units = latinUnits(input, channel === 'pinyin' ? 'boundary' : 'letter');
  const channelUnits = channel === 'russian-transliteration' ? latinToCyrillic(units) : units;
  return channelReadings(input, channelUnits, channel, 0, k).sort((a, b) => a.cost - b.cost || a.syllables.length - b.syllables.length);
}
