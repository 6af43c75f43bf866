import { describe, expect, it } from 'vitest';
import { readDevset } from '../../../eval/devset.shared.ts';
import { bucketsOf, count, figures, regressions, type Tallies } from '../../../eval/eval-report.ts';
import { GROUPS, groupOf, partOf, recordStem, refuseCheckingRows } from '../../../eval/split.ts';
import { aliasKey } from '../../../src/core/transliteration/aliases.ts';
import { ALIASES } from '../../../src/core/transliteration/tables/aliases.data.ts';

const rows = readDevset();

describe('the tuning / checking split', () => {
  it('puts every query of a record in one part, the well-known people all in checking', () => {
    const partOfStem = new Map<string, string>();
    for (const r of rows) {
      const stem = recordStem(r.id);
      expect(partOfStem.get(stem) ?? partOf(r.id), r.id).toBe(partOf(r.id));
      partOfStem.set(stem, partOf(r.id));
      if (groupOf(r.id) === 'wk') expect(partOf(r.id), r.id).toBe('checking');
    }
  });

  it('gives the other groups records in both parts', () => {
    for (const g of GROUPS.filter((x) => x !== 'wk')) {
      const parts = new Set(rows.filter((r) => groupOf(r.id) === g).map((r) => partOf(r.id)));
      expect([...parts].sort(), g).toEqual(['checking', 'tuning']);
    }
  });

  it('tuning scripts are refused checking rows', () => {
    const tuning = rows.filter((r) => partOf(r.id) === 'tuning').map((r) => r.id);
    expect(() => refuseCheckingRows(tuning, 'test')).not.toThrow();
    expect(() => refuseCheckingRows([...tuning, 'wk-zhou-enlai-01'], 'decode-costs')).toThrow(/decode-costs: refuses 1 checking rows.*wk-zhou-enlai-01/);
  });

  it('the alias lexicon holds no devset record spelling (no entry that only answers an eval query)', () => {
    const recordKeys = new Set(rows.map((r) => aliasKey(r.record.split(' ')[0]!)));
    for (const a of ALIASES) for (const k of a.keys) expect(recordKeys.has(k), k).toBe(false);
  });
});

describe('the regression gate', () => {
  const tally = (hits: Array<[boolean, boolean]>): Tallies => {
    const t: Tallies = new Map();
    for (const [a1, a10] of hits) count(t, 'group real checking', a1, a10);
    return t;
  };
  const base = figures(tally([[true, true], [true, true], [true, true], [false, true]]));

  it('passes the same figures and improvements', () => {
    expect(regressions(base, base)).toEqual([]);
    expect(regressions(base, figures(tally([[true, true], [true, true], [true, true], [true, true]])))).toEqual([]);
  });

  it('fails a group whose R@1 falls more than 0.01 below the baseline, naming it', () => {
    const worse = figures(tally([[true, true], [true, true], [false, true], [false, true]]));
    expect(regressions(base, worse)).toEqual(['group real checking: R@1 0.500 < baseline 0.750 − 0.01']);
  });

  it('fails R@10 too, and a bucket gone from the run', () => {
    const worse = figures(tally([[true, true], [true, true], [true, true], [false, false]]));
    expect(regressions(base, worse)).toEqual(['group real checking: R@10 0.750 < baseline 1.000 − 0.01']);
    expect(regressions(base, {})).toEqual(['group real checking: missing from this run (baseline R@1 0.75, R@10 1)']);
  });

  it('counts trivial and alias queries apart from the headline', () => {
    const trivial = rows.find((r) => r.query.replace(/[-\s]/g, '').toLowerCase() === r.record.replace(/[-\s]/g, '').toLowerCase())!;
    expect(bucketsOf(trivial)).toEqual([`apart trivial ${partOf(trivial.id)}`]);
    const alias = rows.find((r) => r.note.startsWith('alias:'))!;
    expect(bucketsOf(alias)).toEqual(['apart alias checking']);
    const plain = rows.find((r) => r.kind === 'pinyin' && r.id.startsWith('syn-'))!;
    expect(bucketsOf(plain)).toEqual([`group syn ${partOf(plain.id)}`, `kind pinyin ${partOf(plain.id)}`, `all ${partOf(plain.id)}`]);
  });
});
