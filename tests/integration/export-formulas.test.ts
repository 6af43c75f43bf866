import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { exportRecords } from '../../src/exports/export.service.ts';
import { restoreExport } from '../../src/exports/restore.service.ts';
import { runImport } from '../../src/imports/import.service.ts';
import { toRecordDto } from '../../src/records/record.dto.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * Spreadsheet-safe export (OWASP CSV injection): cells that a spreadsheet would
 * run as a formula leave with a leading `'`, and restore takes exactly that
 * `'` off again, so export → restore gives the same records and the same file.
 */
let source: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-formulas-'));

// Real cases beside hostile ones: a phone number (+7), a dash for "unknown", an
// @handle, a value that already begins with ', and formulas in fields and extra.
const FILE = [
  'external_id,full_name,birth_year,occupation,biography,Телефон,Примечание,=cmd',
  'f-1,Ван-Си-Сян,1899,"=HYPERLINK(""http://evil.example"",""click"")",@SUM(A1:A9),+7 495 123-45-67,-,=1+1',
  "f-2,Ли-Фу-Чан,1902,'=already quoted,-2+3,'plain,''twice,@x",
  'f-3,Чжан-Го-Тин,,"=cmd|\' /C calc\'!A0",ordinary text,+,@,',
].join('\r\n');

async function urlOf(db: Database): Promise<string | undefined> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.db);
  return withDatabase(testDb.adminUrl, rows[0]!.name);
}

async function exportCsv(database: Database): Promise<string> {
  const chunks: string[] = [];
  await exportRecords(database, { format: 'csv' }, async (chunk) => {
    chunks.push(chunk);
  });
  return chunks.join('');
}

async function records(database: Database) {
  const rows = await database.db.selectFrom('records').selectAll().orderBy('external_id').execute();
  return rows.map((row) => {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = toRecordDto(row);
    return rest;
  });
}

beforeAll(async () => {
  source = await createTestDatabase();
  const report = await runImport(source, {
    open: async function* () {
      yield Buffer.from(FILE);
    },
    fileName: 'formulas.csv',
    actor: 'test',
    source: 'formulas',
    // Public, so they travel as plain columns (private ones are tested in source-claims.test.ts).
    publicColumns: ['Телефон', 'Примечание', '=cmd'],
    connectionString: await urlOf(source),
  });
  expect(report).toMatchObject({ inserted: 3, invalid: 0 });
}, 120_000);

afterAll(async () => {
  await source.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('spreadsheet-safe CSV export', () => {
  it('prefixes every cell that starts with = + - @ (or already with \') with one \'', async () => {
    const text = await exportCsv(source);
    const cells = (parse(text, { bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://evil.example","click")`,
        "'@SUM(A1:A9)",
        "'+7 495 123-45-67",
        "'-",
        "'=1+1",
        "'=cmd", // the extra column's header
        "''=already quoted",
        "''plain",
        "'''twice",
        'ordinary text',
      ]),
    );
  });

  it('restore takes exactly that prefix off: identical records, identical export', async () => {
    const text = await exportCsv(source);
    const file = path.join(tmp, 'export.csv');
    fs.writeFileSync(file, text);
    const target = await createTestDatabase();
    try {
      const report = await restoreExport(target, { file, actor: 'test', connectionString: await urlOf(target) });
      expect(report.import).toMatchObject({ inserted: 3, invalid: 0 });
      const [before, after] = [await records(source), await records(target)];
      expect(after).toEqual(before);
      const f1 = after.find((r) => r.externalId === 'f-1')!;
      expect(f1.occupation).toBe('=HYPERLINK("http://evil.example","click")');
      expect(f1.extra).toMatchObject({ Телефон: '+7 495 123-45-67', Примечание: '-', '=cmd': '=1+1' });
      expect(after.find((r) => r.externalId === 'f-2')!.extra).toMatchObject({ Телефон: "'plain", Примечание: "''twice" });
      expect(await exportCsv(target)).toBe(text);
    } finally {
      await target.close();
    }
  }, 120_000);
});
