import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ENTRIES, NAMES } from '../../../src/core/match/gazetteer/gazetteer.data.ts';
import { allPlaces, ancestorsOf, getPlace, placeIdsInText, resolvePlace } from '../../../src/core/match/gazetteer/gazetteer.ts';

type Row = Record<string, string>;
const fixture = (name: string): Row[] =>
  parse(readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url))), { columns: true }) as Row[];

const top = (q: string): string | undefined => resolvePlace(q)[0]?.place.id;

describe('gazetteer table invariants', () => {
  it('has no duplicate ids', () => {
    const ids = ENTRIES.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has parents that exist and no cycles', () => {
    for (const e of ENTRIES) {
      if (e.parent === undefined) continue;
      expect(getPlace(e.parent), `${e.id} → ${e.parent}`).toBeDefined();
      expect(ancestorsOf(e.id)).not.toContain(e.id);
    }
  });

  it('has hanzi, pinyin and at least one Cyrillic name for every entry', () => {
    for (const e of ENTRIES) {
      expect(e.hanzi.length, e.id).toBeGreaterThan(0);
      expect(e.pinyin.length, e.id).toBeGreaterThan(0);
      expect(e.cyrillic?.length ?? 0, e.id).toBeGreaterThan(0);
    }
  });

  it('gives a note for every probable identification', () => {
    for (const n of NAMES.filter((x) => x.certainty === 'probable')) expect(n.note, `${n.placeId}: ${n.name}`).toBeTruthy();
    for (const e of ENTRIES.filter((x) => x.certainty === 'probable')) {
      expect(NAMES.some((n) => n.placeId === e.id && n.certainty === 'probable'), e.id).toBe(true);
    }
  });

  it('resolves every name of every entry back to it (first unless the name is secondary)', () => {
    for (const n of NAMES) {
      const ids = resolvePlace(n.name).map((m) => m.place.id);
      if (n.secondary) expect(ids, `${n.placeId}: ${n.name}`).toContain(n.placeId);
      else expect(ids[0], `${n.placeId}: ${n.name}`).toBe(n.placeId);
    }
  });

  it('exposes every entry as a Place with its names', () => {
    expect(allPlaces()).toHaveLength(ENTRIES.length);
    expect(getPlace('shandong')?.names).toEqual(expect.arrayContaining(['山东', '山東', 'Shantung', 'Шаньдун', 'Шан-Дунь']));
  });
});

describe('resolvePlace', () => {
  it.each([
    '山东', '山東', '山东省', 'Shandong', 'Shāndōng', 'shan dong', 'Shantung', 'Shan-tung', 'Шаньдун', 'шандунь',
    'Шан-Дунь', 'Шаньдунской', 'провинция Шаньдун', 'Shandong province',
  ])('%s → shandong', (q) => expect(top(q)).toBe('shandong'));

  it.each(['Hebei', '河北', 'Hopeh', 'Hopei', 'Chihli', 'Zhili', '直隶', '直隸', 'Хо-Бэй', 'Хобэй', 'Хобейской', 'Хобейская', 'Джили', 'Чжи Ли'])(
    '%s → hebei (Zhili is a historical name of Hebei)', (q) => expect(top(q)).toBe('hebei'),
  );

  it.each([
    ['Mukden', 'shenyang'], ['Мукдена', 'shenyang'], ['Chefoo', 'yantai'], ['Чифу', 'yantai'], ['Port Arthur', 'lushun'],
    ['Потр-Артур', 'lushun'], ['Тяньдзинь', 'tianjin'], ['Tientsin', 'tianjin'], ['Peking', 'beijing'], ['Пекина', 'beijing'],
    ['Canton', 'guangzhou'], ['Kwangtung', 'guangdong'], ['Fengtien', 'liaoning'], ['奉天', 'liaoning'], ['Jehol', 'rehe'],
    ['Chahar', 'chahar'], ['Suiyuan', 'suiyuan'], ['Sikang', 'xikang'], ['Shanxi', 'shanxi'], ['Shaanxi', 'shaanxi'],
    ['Шэньси', 'shaanxi'], ['Kirin', 'jilin'], ['Че-Цзян', 'zhejiang'], ['Chekiang', 'zhejiang'],
  ])('%s → %s', (q, id) => expect(top(q)).toBe(id));

  it('returns every place named in a Han query', () => {
    expect(resolvePlace('山东济南').map((m) => m.place.id).sort()).toEqual(['jinan', 'shandong']);
  });

  it('ranks the city above the province for Canton', () => {
    expect(resolvePlace('Кантон').map((m) => m.place.id)).toEqual(['guangzhou', 'guangdong']);
  });

  it('falls back to fuzzy matching with a lower score', () => {
    const [m] = resolvePlace('Shandun');
    expect(m?.place.id).toBe('shandong');
    expect(m?.score).toBeLessThan(0.9);
    expect(m?.score).toBeGreaterThan(0.3);
  });

  it('marks probable identifications', () => {
    const [m] = resolvePlace('Шемдо');
    expect(m?.place.id).toBe('shandong');
    expect(m?.certainty).toBe('probable');
    expect(m?.score).toBeLessThan(1);
  });

  it.each(['', '   ', 'Москва', 'Тверская губ.', 'Moscow'])('finds nothing for %j', (q) => expect(resolvePlace(q)).toEqual([]));
});

describe('placeIdsInText', () => {
  it.each([
    ['Китай, провинции Шаньдун', ['shandong']],
    ['Китай, г. Джили пров. Хобэй', ['hebei']],
    ['Китай, Хобейской провинции', ['hebei']],
    ['Китай, провинция Шан-Дунь', ['shandong']],
    ['Китай, г. Шаньдун а', ['shandong']],
    ['Китай, г. Чифу провинции Шаньдун', ['yantai', 'shandong']],
    ['Китай, г. Мукдена', ['shenyang', 'liaoning']],
    ['Китай, г. Потр-Артура', ['lushun', 'dalian', 'liaoning']],
    ['Китай, провинции кантон, дер. Чан-Сан-Гун г. Гуадун', ['guangdong']],
    ['Китай, г. Пекина, (по другим сведениям:г. Чжи Ли, провинция г. Пекина)', ['beijing', 'hebei']],
    ['г. Харбина', ['harbin', 'heilongjiang']],
    ['ст. Маньчжурия КВЖД', ['manzhouli', 'inner-mongolia']],
    ['山东省烟台', ['shandong', 'yantai']],
  ])('%s → %j', (text, ids) => expect(placeIdsInText(text)).toEqual(ids));

  it.each([
    'Китай', 'Москва', 'Тверская губ., Кашинский уезд', 'Башкирская АССР, Белобеевский кантон, д. Дюсянево',
    'Лифляндская губ., Фестенская вол. Венденский уезд, усадьбе Андуни', 'Корея, г. Сен-Чен', 'Корея, уезд Тяньшень',
    'Приморский край, ст. Пограничная', 'Дальний Восток', '',
  ])('tags nothing in %j', (text) => expect(placeIdsInText(text)).toEqual([]));

  // Birthplaces of Chinese rows that name a province but are not tagged with one.
  const UNTAGGED_PROVINCES: Record<string, string> = {
    'mos-shot-9-104': '«провинции Хо-Те»: not identified (could be Hebei misspelt, but nothing supports it)',
    'mos-shot-48-158': '«провинции Су-Чан»: maybe Sichuan, but Сучан is also a Russian mining valley; not identified',
    'mos-shot-53-166': '«провинции Сан-Юнь»: not identified',
    'mos-shot-64-117': '«провинции Хо-Лан»: maybe Henan with л for н; too uncertain to tag',
  };

  const chinese = fixture('mos-memo-chinese.csv');

  it('tags a province in every Chinese row that names one, except the listed ones', () => {
    const provinceKinds = new Set(['province', 'region']);
    const untagged: string[] = [];
    for (const r of chinese) {
      const bp = r['birthplace'] ?? '';
      if (!/пров/i.test(bp)) continue;
      const ids = placeIdsInText(bp);
      if (!ids.some((id) => provinceKinds.has(getPlace(id)?.kind ?? '') || id === 'beijing')) untagged.push(r['external_id'] ?? '');
    }
    expect(untagged.sort()).toEqual(Object.keys(UNTAGGED_PROVINCES).sort());
  });

  it('tags every «Шаньдун» variant in the Chinese rows as shandong', () => {
    const rows = chinese.filter((r) => /ша[нм]ь?-?д|шемдо/i.test(r['birthplace'] ?? ''));
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) expect(placeIdsInText(r['birthplace'] ?? ''), r['birthplace']).toContain('shandong');
  });

  // Rows of the sample that are not Chinese by nationality but were born in China.
  const CHINA_BORN: Record<string, string[]> = {
    'mos-shot-1-119': ['harbin', 'heilongjiang'],
    'mos-shot-33-69': ['harbin', 'heilongjiang'],
    'mos-shot-41-11': ['harbin', 'heilongjiang'],
    'mos-shot-46-131': ['harbin', 'heilongjiang', 'manchuria'],
    'mos-shot-49-67': ['harbin', 'heilongjiang'],
    'mos-shot-68-45': ['harbin', 'heilongjiang'],
    'mos-shot-52-75': ['hengdaohezi', 'mudanjiang', 'heilongjiang', 'manchuria'],
    'mos-shot-6-98': ['suifenhe', 'mudanjiang', 'heilongjiang', 'manchuria'],
  };

  it('tags nothing in the non-Chinese birthplaces of all 1000 sample rows except those born in China', () => {
    const sample = fixture('mos-memo-sample.csv');
    expect(sample).toHaveLength(1000);
    const tagged: Record<string, string[]> = {};
    for (const r of sample) {
      if (/^кита/.test(r['nationality'] ?? '')) continue;
      const ids = placeIdsInText(r['birthplace'] ?? '');
      if (ids.length > 0) tagged[r['external_id'] ?? ''] = ids;
    }
    expect(tagged).toEqual(CHINA_BORN);
  });

  it('is fast enough to run on every import row', () => {
    const texts = fixture('mos-memo-sample.csv').map((r) => r['birthplace'] ?? '');
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) for (const t of texts) placeIdsInText(t);
    const perCall = (performance.now() - t0) / (5 * texts.length);
    expect(perCall).toBeLessThan(0.5); // ms; about 0.03 ms on a laptop
  });
});
