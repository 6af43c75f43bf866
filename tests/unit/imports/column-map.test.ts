import { describe, expect, it } from 'vitest';
import { ALIAS_INDEX, COLUMN_ALIASES, normaliseHeader } from '../../../src/core/records/column-map.data.ts';
import { mapColumns, parseMapArguments } from '../../../src/core/records/column-map.ts';
import { ImportFileError } from '../../../src/core/records/import.errors.ts';
import { RECORD_FIELDS } from '../../../src/core/records/record.fields.ts';

describe('the column alias table (invariants)', () => {
  it('gives no normalised alias two targets', () => {
    const seen = new Map<string, string>();
    for (const { target, aliases } of COLUMN_ALIASES) {
      for (const alias of aliases) {
        const key = normaliseHeader(alias);
        expect(seen.get(key) ?? target, `alias "${alias}"`).toBe(target);
        seen.set(key, target);
      }
    }
    expect(ALIAS_INDEX.size).toBe(seen.size);
  });

  it('has at least one alias for every record field, the external id and the source', () => {
    const targets = new Set(COLUMN_ALIASES.map((c) => c.target));
    for (const field of RECORD_FIELDS) expect(targets, field.name).toContain(field.name);
    expect(targets).toContain('externalId');
    expect(targets).toContain('source');
  });

  it('accepts the record column name of every field as an alias', () => {
    for (const field of RECORD_FIELDS) expect(ALIAS_INDEX.get(normaliseHeader(field.column)), field.column).toBe(field.name);
  });
});

describe('mapColumns', () => {
  it('maps the Moscow list header as it is (address → residence)', () => {
    const header = ['external_id', 'full_name', 'birth_year', 'birth_date', 'birthplace', 'nationality', 'address', 'executed_on', 'burial_place', 'biography', 'source'];
    const m = mapColumns(header);
    expect(m.warnings).toEqual([]);
    expect(m.columns.map((c) => c.target)).toEqual(['externalId', 'fullName', 'birthYear', 'birthDate', 'birthplace', 'nationality', 'residence', 'executedOn', 'burialPlace', 'biography', 'source']);
  });

  it('maps Russian headers case-insensitively, ё as е, punctuation ignored', () => {
    const m = mapColumns(['ФАМИЛИЯ', 'имя', 'Отчество', 'Год  рождения', 'Место_рождения', 'Дата расстрела', 'Ф.И.О.', 'Место жительства', 'Источник']);
    expect(m.columns.map((c) => c.target)).toEqual(['surname', 'givenName', 'patronymic', 'birthYear', 'birthplace', 'executedOn', 'fullName', 'residence', 'source']);
  });

  it('keeps unknown columns in extra, with a warning naming the header as written', () => {
    const m = mapColumns(['ФИО', 'Примечание']);
    expect(m.columns[1]).toEqual({ index: 1, header: 'Примечание', target: null });
    expect(m.warnings).toEqual([`column "Примечание" is not a record field; its values are kept in each record's extra data`]);
  });

  it('uses the first of two columns that map to one field and keeps the second in extra', () => {
    const m = mapColumns(['ФИО', 'Профессия', 'Место работы']);
    expect(m.byTarget.occupation).toBe(1);
    expect(m.columns[2]!.target).toBeNull();
    expect(m.warnings[0]).toMatch(/"Место работы" maps to occupation like column "Профессия"/);
  });

  it('refuses a header with no name column', () => {
    expect(() => mapColumns(['external_id', 'birth_year'])).toThrow(ImportFileError);
    expect(() => mapColumns(['external_id', 'birth_year'])).toThrow(/No name column/);
  });

  it('accepts a split name without a full-name column', () => {
    expect(mapColumns(['Фамилия', 'Год рождения']).byTarget.surname).toBe(0);
  });

  it('applies --map overrides, including to extra', () => {
    const map = parseMapArguments(['Человек=fullName', 'Адрес=extra', 'Откуда=birth_place']);
    const m = mapColumns(['Человек', 'Адрес', 'Откуда'], { overrides: map });
    expect(m.columns.map((c) => c.target)).toEqual(['fullName', null, 'birthplace']);
    expect(m.warnings).toEqual([]);
  });

  it('with a given source, keeps the source column in extra', () => {
    const m = mapColumns(['full_name', 'source'], { sourceGiven: true });
    expect(m.columns[1]!.target).toBeNull();
    expect(m.warnings[0]).toMatch(/not used as the source/);
  });

  it('rejects --map with an unknown field or a missing column', () => {
    expect(() => parseMapArguments(['a=nonsense'])).toThrow(/expected column=field/);
    expect(() => mapColumns(['full_name'], { overrides: parseMapArguments(['Нет=fullName']) })).toThrow(/does not have/);
  });

  it('numbers a repeated header so extra keys never clash', () => {
    const m = mapColumns(['ФИО', 'Примечание', 'Примечание']);
    expect(m.columns.map((c) => c.header)).toEqual(['ФИО', 'Примечание', 'Примечание (column 3)']);
  });
});
