import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../src/core/records/column-map.ts';
import { countLineBreaks, validateRow, type ValidRow } from '../../../src/core/records/row-validation.ts';
import { contentHash, derivedExternalId } from '../../../src/core/records/row-identity.ts';
import { BIOGRAPHY_MAX } from '../../../src/core/records/record.fields.ts';

const header = ['external_id', 'ФИО', 'Фамилия', 'Имя', 'Отчество', 'Год рождения', 'Дата рождения', 'Дата расстрела', 'Биография', 'Примечание'];
const mapping = mapColumns(header);
const row = (values: Partial<Record<string, string>>) => header.map((h) => values[h] ?? '');

describe('validateRow', () => {
  it('accepts a good row, trims values and keeps unknown columns in extra', () => {
    const r = validateRow(row({ external_id: 'm-1', ФИО: ' Ван-Си-Сян ', 'Год рождения': '1890', 'Дата расстрела': '17.05.1938', Примечание: 'прачка' }), 2, mapping);
    expect(r).toEqual({
      kind: 'valid',
      row: {
        line: 2,
        source: null,
        externalId: 'm-1',
        values: expect.objectContaining({ fullName: 'Ван-Си-Сян', birthYear: 1890, executedOn: '17.05.1938', birthDate: null }),
        extra: { Примечание: 'прачка' },
      },
    });
  });

  it('joins surname, given name and patronymic when there is no full name', () => {
    const r = validateRow(row({ Фамилия: 'Травин', Имя: 'Григорий', Отчество: 'Максимович' }), 5, mapping);
    expect(r.kind === 'valid' && r.row.values.fullName).toBe('Травин Григорий Максимович');
  });

  it('rejects a row with no name, naming the name column', () => {
    const r = validateRow(row({ 'Год рождения': '1890' }), 7, mapping);
    expect(r).toEqual({ kind: 'invalid', line: 7, errors: [{ line: 7, column: 'ФИО', message: 'the name is empty (a record needs a name)' }] });
  });

  it.each([
    ['189O', '"189O" is not a four-digit year'],
    ['1750', 'year 1750 is outside 1800–1960'],
    ['1961', 'year 1961 is outside 1800–1960'],
    ['1890.5', '"1890.5" is not a four-digit year'],
  ])('rejects the birth year %s', (year, message) => {
    const r = validateRow(row({ ФИО: 'Ван-Си-Сян', 'Год рождения': year }), 3, mapping);
    expect(r).toEqual({ kind: 'invalid', line: 3, errors: [{ line: 3, column: 'Год рождения', message }] });
  });

  it('takes the birth-year range from the options', () => {
    const r = validateRow(row({ ФИО: 'Ван', 'Год рождения': '1750' }), 3, mapping, { minBirthYear: 1700, maxBirthYear: 1960 });
    expect(r.kind).toBe('valid');
  });

  it.each(['1937', '09.1937', '17.05.1938', '1938-05-17', '4.12.1937'])('accepts the partial date %s', (date) => {
    expect(validateRow(row({ ФИО: 'Ван', 'Дата расстрела': date }), 2, mapping).kind).toBe('valid');
  });

  it.each([
    ['31.02.1938', 'day 31 does not exist in 02.1938'],
    ['1938-13-01', 'month 13 does not exist in "1938-13-01"'],
    ['весной 1938', '"весной 1938" is not a date (expected 1937, 09.1937, 17.05.1938 or 1938-05-17)'],
  ])('rejects the impossible date %s', (date, message) => {
    const r = validateRow(row({ ФИО: 'Ван', 'Дата расстрела': date }), 9, mapping);
    expect(r).toEqual({ kind: 'invalid', line: 9, errors: [{ line: 9, column: 'Дата расстрела', message }] });
  });

  it('accepts a biography of 1 MB and rejects one of 2 MB', () => {
    expect(validateRow(row({ ФИО: 'Ван', Биография: 'я'.repeat(BIOGRAPHY_MAX) }), 2, mapping).kind).toBe('valid');
    const r = validateRow(row({ ФИО: 'Ван', Биография: 'я'.repeat(2 * BIOGRAPHY_MAX) }), 2, mapping);
    expect(r.kind === 'invalid' && r.errors[0]).toEqual({ line: 2, column: 'Биография', message: 'is 2,097,152 characters long; the limit for biography is 1,048,576' });
  });

  it('reports every problem of a row, each on the physical line of its field', () => {
    // The biography spans lines 10–12 (CRLF, LF); the fields after it start on line 12.
    const fields = row({ ФИО: 'Ван', Биография: 'а\r\nб\nв', 'Год рождения': 'x' });
    const reordered = mapColumns(['ФИО', 'Биография', 'Год рождения', 'Дата расстрела']);
    const r = validateRow([fields[1]!, 'а\r\nб\nв', 'x', '32.01.1938'], 10, reordered);
    expect(r.kind === 'invalid' && r.errors).toEqual([
      { line: 12, column: 'Год рождения', message: '"x" is not a four-digit year' },
      { line: 12, column: 'Дата расстрела', message: 'day 32 does not exist in 01.1938' },
    ]);
  });

  it('rejects a row whose field count differs from the header', () => {
    const r = validateRow(['Ван', '1890'], 4, mapColumns(['ФИО']));
    expect(r.kind === 'invalid' && r.errors[0]!.message).toMatch(/the row has 2 fields but the header has 1/);
  });

  it('rejects undecodable bytes (U+FFFD) and NUL', () => {
    const m = mapColumns(['ФИО', 'Место рождения']);
    expect(validateRow(['Ван', 'Кит\uFFFDй'], 2, m)).toMatchObject({ kind: 'invalid', errors: [{ column: 'Место рождения', message: expect.stringMatching(/not valid text/) }] });
    expect(validateRow(['Ва\u0000н', ''], 2, m)).toMatchObject({ kind: 'invalid', errors: [{ column: 'ФИО', message: expect.stringMatching(/NUL/) }] });
  });

  it('skips blank rows', () => {
    expect(validateRow(['', '  '], 2, mapColumns(['ФИО', 'Год рождения']))).toEqual({ kind: 'blank' });
  });
});

describe('countLineBreaks', () => {
  it('counts CRLF, LF and lone CR once each', () => {
    expect(countLineBreaks('a\r\nb\nc\rd')).toBe(3);
    expect(countLineBreaks('abc')).toBe(0);
  });
});

describe('content hash and derived id', () => {
  const base: ValidRow = { line: 2, source: null, externalId: null, values: { fullName: 'Ван-Си-Сян', birthYear: 1890 }, extra: { b: '2', a: '1' } };

  it('is stable, and independent of extra key order', () => {
    const other = { ...base, extra: { a: '1', b: '2' } };
    expect(contentHash(other)).toBe(contentHash(base));
    expect(derivedExternalId(other)).toBe(derivedExternalId(base));
    expect(derivedExternalId(base)).toMatch(/^sha256:[0-9a-f]{32}$/);
  });

  it('changes with the content', () => {
    expect(contentHash({ ...base, values: { ...base.values, birthYear: 1891 } })).not.toBe(contentHash(base));
  });

  it('derives the same id whatever the spacing or Unicode form, but the content hash sees the difference', () => {
    const spaced = { ...base, values: { fullName: 'Ван-Си-Сян  ', birthYear: 1890 } };
    expect(derivedExternalId(spaced)).toBe(derivedExternalId(base));
    expect(contentHash(spaced)).not.toBe(contentHash(base));
    const nfd = { ...base, values: { fullName: 'Ёлкин'.normalize('NFD'), birthYear: 1890 } };
    expect(derivedExternalId(nfd)).toBe(derivedExternalId({ ...base, values: { fullName: 'Ёлкин', birthYear: 1890 } }));
  });
});
