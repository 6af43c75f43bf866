import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainRecord, fullyExplained, readBiography } from '../../../src/core/explain/index.ts';
import { GOLDEN, explainInput, goldenLines, readCsv } from './golden.lines.ts';

const golden = fs.readFileSync(GOLDEN, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const chinese = readCsv('fixtures/mos-memo-chinese.csv');
const seed = readCsv('fixtures/seed/mos-memo-seed.csv');

describe('golden: moscow-chinese.tsv (phrase reader and glossaries over the Chinese rows)', () => {
  it('has a line for every fact of every Chinese row', () => {
    expect(golden.length).toBe(chinese.flatMap(goldenLines).length);
    expect(new Set(golden.map((l) => l.split('\t')[0])).size).toBe(67);
  });

  it.each(chinese.map((row) => [row.external_id, row] as const))('%s', (id, row) => {
    expect(goldenLines(row)).toEqual(golden.filter((l) => l.startsWith(`${id}\t`)));
  });
});

describe('the phrase reader over every biography of the seed list (2,067 rows)', () => {
  it('accounts for every character: the phrases, in order, and nothing but separators between them', () => {
    const lost: string[] = [];
    for (const row of seed) {
      let rest = row.biography!.trim();
      for (const phrase of readBiography(row.biography!)) {
        const at = rest.indexOf(phrase.original);
        if (at < 0 || !/^[\s.,]*$/.test(rest.slice(0, at))) lost.push(`${row.external_id}: ${phrase.kind} «${phrase.original}»`);
        rest = rest.slice(at + phrase.original.length);
      }
      if (!/^[\s.,]*$/.test(rest)) lost.push(`${row.external_id}: left «${rest}»`);
    }
    expect(lost).toEqual([]);
  });

  it('reads the fixed patterns of every row: birth, address, fate and burial place', () => {
    for (const row of seed) {
      const kinds = readBiography(row.biography!).map((p) => p.kind);
      expect(kinds.slice(0, 1), row.external_id).toEqual(['birth']);
      expect(kinds, row.external_id).toContain('residence');
      expect(kinds.slice(-2), row.external_id).toEqual(['executed', 'burial']);
      // A sentence no pattern reads occurs only after an address that ended at its number's full stop.
      kinds.forEach((k, i) => {
        if (k === 'other') expect(kinds[i - 1], row.external_id).toBe('residence');
      });
    }
  });

  it('regression mos-shot-1-41: an address ends at its number\'s full stop; the sentences after it are not the address', () => {
    const row = seed.find((r) => r.external_id === 'mos-shot-1-41')!;
    const phrases = readBiography(row.biography!);
    const at = phrases.findIndex((p) => p.kind === 'residence');
    expect(phrases[at]!.value).toBe('Выставочный пер., д.10.');
    expect(phrases[at + 1]).toMatchObject({ kind: 'other' });
    expect(phrases[at + 1]!.original).toMatch(/^В 1919, 1920, 1921 гг\. арестовывался/);
  });

  it('explains every fate, burial place and nationality of the list; what it cannot explain is marked, never empty', { timeout: 60_000 }, () => {
    for (const row of seed) {
      const facts = explainRecord(explainInput(row), 'zh');
      for (const fact of facts) {
        expect(fact.text.length, `${row.external_id} ${fact.field}`).toBeGreaterThan(0);
        if (['executedOn', 'burialPlace'].includes(fact.field)) expect(fact.untranslated, `${row.external_id} ${fact.field}`).toEqual([]);
        const bare = (t: string) => t.replace(/[\s()]/g, '');
        for (const term of fact.untranslated) expect(bare(fact.original)).toContain(bare(term));
      }
    }
  });

  it('fully explains at least 80% of the Chinese rows (the rest name Chinese provinces no table can identify)', () => {
    const full = chinese.filter((row) => fullyExplained(explainRecord(explainInput(row), 'en'))).length;
    expect(full / chinese.length).toBeGreaterThanOrEqual(0.8);
  });
});
