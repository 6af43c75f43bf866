import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/processes.ts';

/**
 * One write path (issue 11, point 2): records, record_events and
 * record_readings are written only by the record writer — record.writer.ts,
 * record-batch.writer.ts, record-bulk.writer.ts (the bulk path's set-based moves),
 * readings-batch.writer.ts (reindex's set-wise swap)
 * and the two repositories they alone call.
 */
const WRITERS = new Set([
  'src/records/record.writer.ts',
  'src/records/record-batch.writer.ts',
  'src/records/record-bulk.writer.ts',
  'src/records/readings-batch.writer.ts',
  'src/records/records.repository.ts',
  'src/records/readings.repository.ts',
]);
const TABLES = '(records|record_events|record_readings)\\b';
const WRITES = [
  new RegExp(`(insertInto|updateTable|deleteFrom)\\(\\s*'${TABLES}'`),
  new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|COPY)\\s+${TABLES}`, 'i'),
  new RegExp(`\\.load\\(\\s*'${TABLES}'`),
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

describe('the one write path of records', () => {
  it('no file but the record writer writes records, record_events or record_readings', () => {
    const offenders = sourceFiles('src').flatMap((file) => {
      if (WRITERS.has(file.split(path.sep).join('/'))) return [];
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return WRITES.filter((re) => re.test(text)).map((re) => `${file}: ${re.exec(text)![0]}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the check sees a write when there is one', () => {
    expect(WRITES.some((re) => re.test(`await trx.insertInto('record_events').values(x)`))).toBe(true);
    expect(WRITES.some((re) => re.test('UPDATE records SET full_name = $1'))).toBe(true);
    expect(WRITES.some((re) => re.test(`session.load('record_readings', cols, rows)`))).toBe(true);
    expect(WRITES.some((re) => re.test(`selectFrom('records')`))).toBe(false);
  });
});
