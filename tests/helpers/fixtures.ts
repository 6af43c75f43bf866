import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../src/db/database.ts';
import { insertRecord as createRecord } from '../../src/records/record.writer.ts';
import { ROOT } from './processes.ts';

export interface FixtureRow {
  external_id: string;
  full_name: string;
  birth_year: string;
  birth_date: string;
  birthplace: string;
  nationality: string;
  address: string;
  executed_on: string;
  burial_place: string;
  biography: string;
  source: string;
}

export function readFixture(name: 'mos-memo-chinese.csv' | 'mos-memo-sample.csv'): FixtureRow[] {
  return parse(fs.readFileSync(path.join(ROOT, 'fixtures', name)), { columns: true, skip_empty_lines: true });
}

/** A fixture row's record fields (its full name aside), as the importer maps the Moscow columns. */
export function fixtureFields(row: Partial<Record<keyof FixtureRow, string>>) {
  return {
    birthYear: row.birth_year ? Number(row.birth_year) : null,
    birthDate: row.birth_date || null,
    birthplace: row.birthplace || null,
    nationality: row.nationality || null,
    residence: row.address || null,
    executedOn: row.executed_on || null,
    burialPlace: row.burial_place || null,
    biography: row.biography || null,
  };
}

/** Loads fixture rows through the record writer (readings included), in one transaction. */
export async function loadFixtureRows(database: Database, rows: FixtureRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await database.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const record = await createRecord(
        trx,
        {
          source: 'mos.memo.ru',
          externalId: row.external_id,
          fields: { fullName: row.full_name, ...fixtureFields(row) },
        },
        'test',
      );
      ids.set(row.full_name, Number(record.id));
    }
  });
  return ids;
}
