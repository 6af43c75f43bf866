import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetCell, spreadsheetCell, spreadsheetCsvLine } from '../../../src/exports/csv.ts';
import { errorsToCsv } from '../../../src/imports/import-report.ts';

const FORMULA = /^[=+\-@\t\r]/;

describe('spreadsheet-safe cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+7 495', "'+7 495"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'x", "''x"],
    ['Ван-Си-Сян', 'Ван-Си-Сян'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(spreadsheetCell(value)).toBe(cell);
    expect(fromSpreadsheetCell(cell)).toBe(value);
  });

  it('never leaves a formula at the start of a cell, and reads back any value exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', 'Я', ' ', '"', ',') }), (value) => {
        const cell = spreadsheetCell(value);
        expect(FORMULA.test(cell)).toBe(false);
        expect(fromSpreadsheetCell(cell)).toBe(value);
      }),
    );
  });

  it('a whole line survives csv-parse and the decoding', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (fields) => {
        const [record] = parse(spreadsheetCsvLine(fields), { relax_column_count: true, cast: fromSpreadsheetCell }) as string[][];
        expect(record).toEqual(fields);
      }),
    );
  });
});

describe('errors.csv', () => {
  it('neutralises formulas that an uploaded file put in a column name or a message', () => {
    const csv = errorsToCsv([
      { line: 2, column: '=HYPERLINK("http://evil.example")', message: '@SUM(A1) is not a year' },
      { line: 3, column: 'birth_year', message: '"189O" is not a four-digit year' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'line,column,message',
      `2,"'=HYPERLINK(""http://evil.example"")",'@SUM(A1) is not a year`,
      '3,birth_year,"""189O"" is not a four-digit year"',
      '',
    ]);
  });
});
