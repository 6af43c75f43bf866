/**
 * decode(): any name — Cyrillic record, pinyin, Wade–Giles, Latin transliteration of
 * the Russian form, Chinese characters, or a mix — to ranked pinyin readings. Never
 * throws; bounded in readings, syllables and time for any input.
 */
import type { DecodeOptions, DecodeResult, Reading } from './types.ts';
import { detectScript } from './script.detect.ts';
import { decodeCyrillic } from './cyrillic.decoder.ts';
import { decodeLatin } from './latin.decoder.ts';
import { decodeHan } from './han.decoder.ts';

export const DEFAULT_MAX_READINGS = 8;
const MAX_MAX_READINGS = 32;
/** Input longer than this is cut before anything else looks at it. */
const MAX_INPUT = 1024;

function clampReadings(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_MAX_READINGS;
  return Math.max(1, Math.min(MAX_MAX_READINGS, Math.floor(n)));
}

/** Cheapest first; equal costs: fewer syllables, then the order produced. Duplicates keep the cheapest. */
function rank(readings: Reading[], max: number): Reading[] {
  const indexed = readings.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => a.r.cost - b.r.cost || a.r.syllables.length - b.r.syllables.length || a.i - b.i);
  const seen = new Set<string>();
  const out: Reading[] = [];
  for (const { r } of indexed) {
    const key = `${r.pinyin}|${r.surname.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
    if (out.length === max) break;
  }
  return out;
}

export function decode(text: string, options?: DecodeOptions): DecodeResult {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const script = detectScript(input);
  const result: DecodeResult = { input, script, readings: [], russianParts: [] };
  try {
    const max = clampReadings(options?.maxReadings);
    // Internal k: a few more paths than asked, since different spellings can give the same pinyin.
    const k = max + 4;
    const cut = input.slice(0, MAX_INPUT);
    const readings: Reading[] = [];
    if (script === 'cyrillic' || script === 'mixed') {
      const cyr = decodeCyrillic(cut, k);
      readings.push(...cyr.readings);
      result.russianParts = cyr.russianParts;
    }
    if (script === 'latin' || script === 'mixed') readings.push(...decodeLatin(script === 'mixed' ? cut.replace(/[^\p{Script=Latin}'’‘`ʻʼ\s\-:0-9]/gu, ' ') : cut, k));
    if (script === 'han' || script === 'mixed') readings.push(...decodeHan(cut, k));
    result.readings = rank(readings, max);
  } catch {
    // A bug must not take the caller down: an undecodable name has no readings.
    result.readings = [];
  }
  return result;
}
