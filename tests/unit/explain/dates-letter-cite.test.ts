import { describe, expect, it } from 'vitest';
import { citation, explainDate, fillLetter, likelyArchives, parseRecordDate, renderDate, requestContents, summaryLine } from '../../../src/core/explain/index.ts';
import { LETTER_TEMPLATE } from '../../../src/core/explain/next-steps.data.ts';

describe('dates', () => {
  it.each([
    ['10.09.1938', '1938年9月10日', '10 September 1938'],
    ['4.12.1937', '1937年12月4日', '4 December 1937'],
    ['09.1938', '1938年9月', 'September 1938'],
    ['1938', '1938年', '1938'],
    ['15 августа 1937 г.', '1937年8月15日', '15 August 1937'],
    ['в январе 1930 г.', '1930年1月', 'January 1930'],
    ['1989 г.', '1989年', '1989'],
  ])('%s → %s / %s (never more precise than written)', (ru, zh, en) => {
    expect(explainDate(ru, 'zh')).toBe(zh);
    expect(explainDate(ru, 'en')).toBe(en);
  });
  it.each(['31.02.1938', 'весной 1938', '38', ''])('%s is not a date: left to the caller to keep in Russian', (ru) => {
    expect(parseRecordDate(ru)).toBeUndefined();
  });
  it('renders the normalised forms', () => {
    expect(renderDate('1938-09', 'zh')).toBe('1938年9月');
    expect(renderDate('1938-09-10', 'en')).toBe('10 September 1938');
  });
});

const WANG = {
  fullName: 'Ван-Си-Сян',
  birthYear: 1888,
  birthplace: 'Китай, г. Шаньдун а',
  nationality: 'китаец',
  residence: 'Грохольский пер., д.13, кв. 11',
  executedOn: '10.09.1938',
  burialPlace: 'Бутово',
  source: 'Расстрелы в Москве (mos.memo.ru), shot-12.htm',
  externalId: 'mos-shot-12-139',
};

describe('next steps', () => {
  it('sends a Moscow execution to the Moscow FSB archive and ГАРФ; a record from elsewhere to the regional one', () => {
    expect(likelyArchives(WANG).map((a) => a.id)).toEqual(['fsb-moscow', 'garf']);
    expect(likelyArchives({ source: 'Книга памяти Томской области', burialPlace: null }).map((a) => a.id)).toEqual(['fsb-regional', 'garf']);
    for (const a of likelyArchives(WANG)) expect(a.source.length).toBeGreaterThan(10);
  });

  it('fills the Russian letter from the record as written, with blanks for the family', () => {
    const letter = fillLetter(WANG, likelyArchives(WANG)[0]!);
    expect(letter).toContain('В Управление ФСБ России по г. Москве и Московской области\n');
    expect(letter).toContain('Ван-Си-Сян, 1888 г. р.');
    expect(letter).toContain('место рождения (по данным записи): Китай, г. Шаньдун а;');
    expect(letter).toContain('расстрелян(а): 10.09.1938; место захоронения: Бутово;');
    expect(letter).toContain('источник сведений: Расстрелы в Москве (mos.memo.ru), shot-12.htm, № записи mos-shot-12-139.');
    expect(letter).toContain('от ________________________________ (фамилия, имя заявителя),');
    expect(letter).not.toMatch(/\{\w+\}|undefined|null/);
    expect(letter).not.toMatch(/[\u4e00-\u9fff]/); // the archive reads Russian: no translation slips in
  });

  it('leaves out a line whose facts the record lacks', () => {
    const letter = fillLetter({ fullName: 'Ли-Ю', source: 'test', externalId: 'x-1' }, likelyArchives({ source: 'test' })[0]!);
    expect(letter).not.toContain('дата ареста');
    expect(letter).not.toContain('расстрелян(а)');
    expect(letter).toContain('Ли-Ю\n');
    expect(letter).not.toContain('{archiveAddress}');
  });

  it('says what a request must contain, in zh and en, with the law as its source', () => {
    expect(requestContents('zh').items.length).toBe(requestContents('en').items.length);
    expect(requestContents('ru').items.length).toBe(requestContents('en').items.length);
    expect(requestContents('en').source).toMatch(/1761-1/);
    expect(LETTER_TEMPLATE.source).toMatch(/ст\. 11/);
  });
});

describe('citation and summary', () => {
  it('cites name, source, entry, permalink and the day accessed, in the visitor’s language', () => {
    const url = 'https://namebridge.example/records/5';
    expect(citation(WANG, url, '2026-12-01T10:00:00Z', 'en')).toBe('“Ван-Си-Сян”, born 1888. Расстрелы в Москве (mos.memo.ru), shot-12.htm, record mos-shot-12-139. namebridge, https://namebridge.example/records/5 (accessed 1 December 2026).');
    expect(citation(WANG, url, '2026-12-01T10:00:00Z', 'zh')).toBe('“Ван-Си-Сян”（1888年生）。Расстрелы в Москве (mos.memo.ru), shot-12.htm，记录编号 mos-shot-12-139。namebridge，https://namebridge.example/records/5（访问日期：2026年12月1日）。');
    expect(citation(WANG, url, '2026-12-01T10:00:00Z', 'ru')).toContain('(дата обращения: 01.12.2026)');
  });

  it('summarises a search result in one line: born YEAR in PLACE · FATE DATE', () => {
    expect(summaryLine(WANG, 'en')).toBe('born 1888 in China, Shandong (山东) · shot on 10 September 1938');
    expect(summaryLine(WANG, 'zh')).toBe('1888年生于中国，山东 · 1938年9月10日被枪决');
    expect(summaryLine({ birthYear: 1901 }, 'en')).toBe('born 1901');
    expect(summaryLine({}, 'en')).toBe('');
  });
});
