// The standard Palladius table (tests/unit/transliteration/golden/palladius-standard.tsv,
// from pypinyin, independent of our tables) read both ways: used by `npm run bench:decode`
// and tests/unit/transliteration/golden-standard.test.ts.
import { readFileSync } from 'node:fs';
import { decode, toPalladius } from '../src/core/transliteration/index.ts';

export const STANDARD_TABLE = new URL('../tests/unit/transliteration/golden/palladius-standard.tsv', import.meta.url);

export interface StandardRow { pinyin: string; palladius: string }

export function readStandardTable(): StandardRow[] {
  return readFileSync(STANDARD_TABLE, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [pinyin, palladius] = l.split('\t') as [string, string];
      return { pinyin, palladius };
    });
}

/** pinyin → Palladius exactly; Palladius → pinyin among the readings (chart homographs read both ways). */
export function checkRow(row: StandardRow): { forward: boolean; back: boolean } {
  const forward = toPalladius([row.pinyin], 'joined').toLowerCase() === row.palladius;
  const back = decode(row.palladius).readings.some((r) => r.pinyin === row.pinyin);
  return { forward, back };
}

export function checkStandardTable(): { rows: number; forward: number; back: number; failures: string[] } {
  const rows = readStandardTable();
  const failures: string[] = [];
  let forward = 0;
  let back = 0;
  for (const row of rows) {
    const r = checkRow(row);
    if (r.forward) forward++;
    else failures.push(`${row.pinyin} → ${toPalladius([row.pinyin], 'joined').toLowerCase()}, standard ${row.palladius}`);
    if (r.back) back++;
    else failures.push(`${row.palladius} does not read ${row.pinyin}`);
  }
  return { rows: rows.length, forward, back, failures };
}
