import { describe, expect, it } from 'vitest';
import { checkRow, checkStandardTable, readStandardTable } from '../../../bench/golden-check.ts';
import { SYLLABLES } from '../../../src/core/transliteration/inventory.ts';

/** The standard Palladius table from an independent source (pypinyin; see the file's header). */
describe('golden: palladius-standard.tsv (independent)', () => {
  const rows = readStandardTable();

  it('is the whole inventory: every syllable, no other', () => {
    expect(rows.map((r) => r.pinyin).sort()).toEqual(SYLLABLES.map((r) => r.pinyin).sort());
  });

  it.each(rows)('$pinyin ⇄ $palladius', (row) => {
    expect(checkRow(row)).toEqual({ forward: true, back: true });
  });

  it('reads back ≥ 99% of the chart both ways (the target)', () => {
    const r = checkStandardTable();
    expect(r.forward / r.rows).toBeGreaterThanOrEqual(0.99);
    expect(r.back / r.rows).toBeGreaterThanOrEqual(0.99);
  });
});
