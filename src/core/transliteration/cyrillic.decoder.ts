/**
 * Cyrillic record names → readings. Three sources are merged: the Palladius lattice
 * (standard spellings, clerks' variants, dialect confusions, case endings), the
 * second channel for forms taken from English/Wade–Giles (Сунг, Куо), and the alias
 * lexicon (Сунь Ятсен, Пекин).
 */
import type { Reading } from './types.ts';
import { COSTS, isRecordStyle, runLattice } from './channels.ts';
import { cyrillicToLatin } from './respell.ts';
import { nameOrders, stepsToSyllables, toReading } from './reading.build.ts';
import { splitRussianParts } from './russian-parts.ts';
import { aliasReadings } from './aliases.ts';
import { cyrillicUnits, type Range } from './units.ts';
import { SKIP, type Units } from './lattice.ts';

export interface CyrillicDecode {
  readings: Reading[];
  russianParts: string[];
}

function latticeReadings(input: string, units: Units, k: number): Reading[] {
  const recordStyle = isRecordStyle(units);
  // Russian records and texts write the surname first: no given-name-first readings.
  const swap = false;
  const out: Reading[] = [];
  for (const path of runLattice('cyrillic', units, { k, recordStyle, endings: true })) {
    const raw = stepsToSyllables(input, units, path.steps, '', 0);
    for (const order of nameOrders(raw, swap)) out.push(toReading(order));
  }
  // A perfect standard reading leaves no room for a form taken from English: skip the
  // second channel then (it would only add readings ranked below cost 0.8).
  if (out[0] && out[0].cost === 0) return out;
  const latin = cyrillicToLatin(units);
  for (const path of runLattice('cyrillic-via-wade-giles', latin, { k: Math.min(k, 4), recordStyle, endings: false })) {
    const raw = stepsToSyllables(input, latin, path.steps, 'wade-giles-channel', COSTS.cyrillicViaWadeGiles);
    for (const order of nameOrders(raw, swap)) out.push(toReading(order));
  }
  return out;
}

/** A lone Russian-shaped word (Мартов, Травин) is Chinese only if it reads without skipping letters. */
function readsCleanly(input: string, range: Range): boolean {
  const units = cyrillicUnits(input, [range]);
  const best = runLattice('cyrillic', units, { k: 1, recordStyle: false, endings: false })[0];
  return best !== undefined && !best.steps.some((s) => s.syl === SKIP);
}

export function decodeCyrillic(input: string, k: number): CyrillicDecode {
  const split = splitRussianParts(input);
  let chinese = split.chinese;
  const russianParts = [...split.russian];
  const doubtful = split.doubtful;
  // Харбин looks like a Russian surname but is in the alias lexicon.
  if (doubtful && aliasReadings(doubtful.text).length === 0 && !readsCleanly(input, [doubtful.start, doubtful.end])) {
    chinese = [];
    russianParts.push(doubtful.text);
  }
  if (chinese.length === 0) return { readings: [], russianParts };
  const units = cyrillicUnits(input, chinese);
  const chineseText = chinese.map(([s, e]) => input.slice(s, e)).join(' ');
  return { readings: [...aliasReadings(chineseText), ...latticeReadings(input, units, k)], russianParts };
}
