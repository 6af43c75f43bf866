import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVSET_KINDS, DEVSET_PATH, parseDevset, readDevset, recordKey } from '../../../eval/devset.shared.ts';
import type { DevsetKind } from '../../../eval/devset.shared.ts';
import { distractorNames, mulberry32, russianNames } from '../../../eval/distractors.ts';
import { modernStyle, palladiusSyllable, recordStyle, russianToLatin } from '../../../eval/palladius.ts';

const rows = readDevset();

describe('eval/devset.tsv', () => {
  it('parses, with the expected header', () => {
    expect(readFileSync(DEVSET_PATH, 'utf8').split('\n')[0]).toBe('id\trecord\tkind\tquery\tsource\tnote');
    expect(rows.length).toBeGreaterThanOrEqual(400);
  });

  it('has a non-empty id, record, kind, query and source in every row, and unique ids', () => {
    for (const r of rows) {
      for (const f of ['id', 'record', 'kind', 'query', 'source'] as const) expect(r[f].trim(), `${r.id}.${f}`).not.toBe('');
    }
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only the listed kinds, with the minimum counts', () => {
    const counts = Object.fromEntries(DEVSET_KINDS.map((k) => [k, 0])) as Record<DevsetKind, number>;
    for (const r of rows) counts[r.kind] += 1;
    expect(counts.hanzi).toBeGreaterThanOrEqual(80);
    expect(counts.pinyin).toBeGreaterThanOrEqual(80);
    for (const k of DEVSET_KINDS) expect(counts[k], k).toBeGreaterThan(0);
  });

  it('puts characters only in character queries, and invents none for real records', () => {
    const han = /\p{Script=Han}/u;
    for (const r of rows) {
      if (r.kind === 'hanzi' || r.kind === 'hanzi-traditional') expect(han.test(r.query), r.id).toBe(true);
      if (r.id.startsWith('real-') && han.test(r.query)) {
        // the only characters on a real record: the compound surname 欧阳, which has one written form
        expect([r.kind, r.query], r.id).toEqual(['surname-only', '欧阳']);
      }
    }
  });

  it('cites a source of the right type for each group', () => {
    for (const r of rows) {
      if (r.id.startsWith('real-')) expect(r.source, r.id).toMatch(/mos\.memo\.ru.*mos-shot-/);
      else if (r.id.startsWith('wk-')) expect(r.source, r.id).toMatch(/Wikipedia: /);
      else expect(r.source, r.id).toMatch(/^synthetic/);
    }
  });

  it('takes every real record name verbatim from the Moscow fixture', () => {
    const fixture = readFileSync(new URL('../../../fixtures/mos-memo-chinese.csv', import.meta.url), 'utf8');
    for (const r of rows.filter((x) => x.id.startsWith('real-'))) expect(fixture, r.record).toContain(`,${r.record},`);
  });

  it('rejects a malformed file', () => {
    expect(() => parseDevset('id\trecord\n')).toThrow(/header/);
    expect(() => parseDevset('id\trecord\tkind\tquery\tsource\tnote\nx\tА\tbogus\tq\ts\t\n')).toThrow(/kind/);
  });
});

describe('eval/palladius.ts (independent table)', () => {
  it.each([
    ['zhou', 'чжоу'], ['en', 'энь'], ['lai', 'лай'], ['zi', 'цзы'], ['ci', 'цы'], ['si', 'сы'], ['zhi', 'чжи'], ['shi', 'ши'],
    ['ri', 'жи'], ['hui', 'хуэй'], ['gui', 'гуй'], ['wei', 'вэй'], ['ye', 'е'], ['you', 'ю'], ['liu', 'лю'], ['yu', 'юй'],
    ['xu', 'сюй'], ['lv', 'люй'], ['xue', 'сюэ'], ['guo', 'го'], ['jiang', 'цзян'], ['qian', 'цянь'], ['xiong', 'сюн'],
    ['jun', 'цзюнь'], ['quan', 'цюань'], ['nie', 'не'], ['er', 'эр'], ['ou', 'оу'],
  ])('%s → %s', (py, cy) => expect(palladiusSyllable(py)).toBe(cy));

  it('writes record and modern styles', () => {
    expect(recordStyle(['zhou'], ['en', 'lai'])).toBe('Чжоу-Энь-Лай');
    expect(modernStyle(['xiang'], ['jing', 'yu'])).toBe('Сян Цзинъюй');
    expect(russianToLatin('Ван-Си-Сян')).toBe('Van-Si-Syan');
  });
});

describe('eval/distractors.ts', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(distractorNames(500, 7)).toEqual(distractorNames(500, 7));
    expect(distractorNames(500, 7)).not.toEqual(distractorNames(500, 8));
    expect(russianNames(200, 3)).toEqual(russianNames(200, 3));
    const r = mulberry32(1);
    const a = [r(), r(), r()];
    const s = mulberry32(1);
    expect([s(), s(), s()]).toEqual(a);
  });

  it('never equals a devset record name', () => {
    const keys = new Set(rows.map((r) => recordKey(r.record)));
    const names = [...distractorNames(5000, 1), ...russianNames(2000, 1)];
    expect(names.filter((n) => keys.has(recordKey(n)))).toEqual([]);
  });

  it('looks like the Moscow records', () => {
    const names = distractorNames(3000, 42);
    expect(names).toHaveLength(3000);
    for (const n of names) expect(n).toMatch(/^[А-ЯЁ][а-яё]*(-[А-ЯЁ][а-яё]*){1,2}( [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(вич|ич))?$/);
    const withRussian = names.filter((n) => n.includes(' ')).length;
    expect(withRussian / names.length).toBeGreaterThan(0.02);
    expect(withRussian / names.length).toBeLessThan(0.08);
    const female = russianNames(1000, 5).filter((n) => /на$/.test(n)).length;
    expect(female).toBeGreaterThan(50);
    expect(female).toBeLessThan(250);
  });
});
