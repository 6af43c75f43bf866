import { describe, expect, it } from 'vitest';
import { GENERATED_COLUMNS, generateRecordRows } from '../../../bench/generate-records.ts';
import { mapColumns } from '../../../src/core/records/column-map.ts';
import { validateRow } from '../../../src/core/records/row-validation.ts';

describe('generateRecordRows (benchmark data)', () => {
  const rows = [...generateRecordRows(2000, 7)];

  it('is deterministic for a seed and differs between seeds', () => {
    expect([...generateRecordRows(2000, 7)]).toEqual(rows);
    expect([...generateRecordRows(50, 8)].map((r) => r.full_name)).not.toEqual(rows.slice(0, 50).map((r) => r.full_name));
  });

  it('has at least 10% Chinese hyphenated Palladius names born in China', () => {
    const chinese = rows.filter((r) => /^[А-ЯЁ][а-яё]*-[А-ЯЁ]/.test(r.full_name) && r.birthplace.startsWith('Китай'));
    expect(chinese.length / rows.length).toBeGreaterThanOrEqual(0.1);
    expect(rows.filter((r) => /ович|евич|овна|евна/.test(r.full_name)).length / rows.length).toBeGreaterThan(0.7);
  });

  it('produces only rows the importer accepts, with unique ids', () => {
    const mapping = mapColumns([...GENERATED_COLUMNS]);
    for (const r of rows) expect(validateRow(GENERATED_COLUMNS.map((c) => r[c]), 2, mapping).kind, r.external_id).toBe('valid');
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(rows.length);
  });
});
