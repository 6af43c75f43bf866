// What tuning scripts (bench/decode-costs.ts) may tune on: records of the
// tuning part of the devset with their known reading. Refuses checking rows.
import { readDevset, recordKey } from './devset.shared.ts';
import { partOf, refuseCheckingRows } from './split.ts';

/** [record's Chinese part, toneless pinyin] for every tuning record with a known reading. */
export function tuningCases(script: string): Array<readonly [string, string]> {
  const rows = readDevset().filter((r) => partOf(r.id) === 'tuning' && r.kind === 'pinyin' && r.note.endsWith('every syllable spaced'));
  refuseCheckingRows(rows.map((r) => r.id), script);
  return rows.map((r) => [r.record.split(' ')[0]!, r.query.toLowerCase()] as const);
}

/** Record spellings of the checking part: a tuning script must not see them, from the devset or elsewhere. */
export function checkingRecordKeys(): ReadonlySet<string> {
  return new Set(readDevset().filter((r) => partOf(r.id) === 'checking').map((r) => recordKey(r.record.split(' ')[0]!)));
}
