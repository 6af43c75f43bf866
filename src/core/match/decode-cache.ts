import { decode, type DecodeResult } from '../transliteration/index.ts';

/**
 * Result pages decode the names they show (readings, explanations), and the
 * same records come up again and again for popular names. A bounded
 * least-recently-used cache keeps that off the hot path; decode() is pure, so
 * a cached answer is always the answer.
 */
const LIMIT = 20_000;
const cache = new Map<string, DecodeResult>();

export function decodeRecordName(fullName: string): DecodeResult {
  const hit = cache.get(fullName);
  if (hit) {
    cache.delete(fullName);
    cache.set(fullName, hit);
    return hit;
  }
  const result = decode(fullName, { maxReadings: 8 });
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(fullName, result);
  return result;
}
