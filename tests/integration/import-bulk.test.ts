import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GENERATED_COLUMNS, generateRecordRows } from '../../bench/generate-records.ts';
import type { Database } from '../../src/db/database.ts';
import { exportRecords } from '../../src/exports/export.service.ts';
import { runImport, type ImportOptions, type ImportReport } from '../../src/imports/import.service.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * The bulk path (issue 13) against the row path, on the same files: the same
 * records (compared through the export), the same events and readings, the
 * same counts and row errors — a first load, then a re-import with changed,
 * unchanged and new rows. On PostgreSQL (COPY) and on PGlite (the same code, INSERT staging).
 */
let rowsDb: Database;
let bulkDb: Database;
const urls = new Map<Database, string | undefined>();

async function urlOf(database: Database): Promise<string | undefined> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  return withDatabase(testDb.adminUrl, rows[0]!.name);
}

beforeAll(async () => {
  [rowsDb, bulkDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  for (const d of [rowsDb, bulkDb]) urls.set(d, await urlOf(d));
});
afterAll(async () => {
  await Promise.all([rowsDb?.close(), bulkDb?.close()]);
});

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
function csv(rows: Array<Record<string, string>>, extraLines: string[] = []): string {
  const lines = [GENERATED_COLUMNS.join(','), ...rows.map((row) => GENERATED_COLUMNS.map((c) => quote(row[c] ?? '')).join(',')), ...extraLines];
  return `${lines.join('\n')}\n`;
}

function run(database: Database, text: string, bulk: boolean, options: Partial<ImportOptions> = {}): Promise<ImportReport> {
  const data = Buffer.from(text);
  return runImport(database, {
    open: async function* () {
      for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    },
    fileName: 'bulk.csv',
    actor: 'test',
    source: 'bulk-vs-rows',
    bytesTotal: data.length,
    connectionString: urls.get(database),
    batchSize: 700,
    links: false,
    bulk,
    ...options,
  });
}

async function exported(database: Database): Promise<string[]> {
  let text = '';
  await exportRecords(database, { format: 'jsonl' }, async (chunk) => {
    text += chunk;
  });
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(line);
      return JSON.stringify(rest);
    })
    .sort();
}

/**
 * Events and readings by the record's (source, external id), without ids, job
 * ids and times; and what the marking triggers keep (migrations 0016 and 0018):
 * link marks and surname words.
 */
async function history(database: Database): Promise<{ events: string[]; readings: string[]; versions: string[]; linkMarks: string[]; lexicon: string[] }> {
  const events = await sql<{ k: string }>`
    SELECT r.external_id || ' ' || e.kind || ' ' || e.actor || ' ' || (e.data - 'importJob')::text AS k
    FROM record_events e JOIN records r ON r.id = e.record_id`.execute(database.db);
  const readings = await sql<{ k: string }>`
    SELECT r.external_id || ' ' || to_jsonb(rr) - 'record_id' AS k
    FROM record_readings rr JOIN records r ON r.id = rr.record_id`.execute(database.db);
  const versions = await sql<{ k: string }>`SELECT external_id || ' ' || version || ' ' || name_latin || ' ' || birthplace_places::text AS k FROM records`.execute(database.db);
  const marks = await sql<{ k: string }>`SELECT r.external_id AS k FROM link_pending p JOIN records r ON r.id = p.record_id`.execute(database.db);
  const words = await sql<{ k: string }>`SELECT word AS k FROM surname_lexicon`.execute(database.db);
  const sorted = (rows: Array<{ k: string }>) => rows.map((r) => r.k).sort();
  return { events: sorted(events.rows), readings: sorted(readings.rows), versions: sorted(versions.rows), linkMarks: sorted(marks.rows), lexicon: sorted(words.rows) };
}

const counts = (r: ImportReport) => ({ inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, invalid: r.invalid, errors: r.errors, status: r.status });

describe('the bulk path and the row path', () => {
  const first = [...generateRecordRows(2_000, 11)];
  const broken = [`r-bad,Ли Сы,18x8,,,,,,,,`, `r-bad,Ли Сы,1898,,,,,,,,`, '"unclosed,1900'];

  it('a first load: the same records, events, readings, counts and row errors', async () => {
    const text = csv(first, broken);
    const [rows, bulk] = [await run(rowsDb, text, false), await run(bulkDb, text, true)];
    expect(rows.path).toBe('rows');
    expect(bulk.path).toBe('bulk');
    expect(counts(bulk)).toEqual(counts(rows));
    expect(bulk.inserted).toBe(2_001); // the second r-bad line is valid (the first, with 18x8, is not)
    expect(bulk.invalid).toBe(2);
    expect(await exported(bulkDb)).toEqual(await exported(rowsDb));
    const after = await history(bulkDb);
    expect(after).toEqual(await history(rowsDb));
    expect(after.linkMarks).toHaveLength(2_001);
    expect(after.lexicon.length).toBeGreaterThan(100);
  });

  it('a re-import with changed, unchanged and new rows: the same again (updates through the same diff)', async () => {
    const next = first.map((row, i) => (i % 10 === 0 ? { ...row, address: `changed ${i}` } : i % 25 === 1 ? { ...row, full_name: `${row.full_name} Ли` } : row));
    const added = [...generateRecordRows(2_300, 12)].slice(2_000).map((row, i) => ({ ...row, external_id: `new-${i}` }));
    const text = csv([...next, ...added]);
    const [rows, bulk] = [await run(rowsDb, text, false), await run(bulkDb, text, true)];
    expect(bulk.path).toBe('bulk');
    expect(counts(bulk)).toEqual(counts(rows));
    expect(bulk.updated).toBeGreaterThan(200);
    expect(bulk.inserted).toBe(300);
    expect(await exported(bulkDb)).toEqual(await exported(rowsDb));
    expect(await history(bulkDb)).toEqual(await history(rowsDb));
  });

  it('the first file again: the rows the re-import changed change back, the rest are unchanged, the same on both', async () => {
    const text = csv(first);
    const bulk = await run(bulkDb, text, true);
    const rows = await run(rowsDb, text, false);
    expect(counts(bulk)).toEqual(counts(rows));
    expect(bulk).toMatchObject({ inserted: 0, updated: 280, unchanged: 1_720, invalid: 0 });
    expect(await exported(bulkDb)).toEqual(await exported(rowsDb));
    expect(await history(bulkDb)).toEqual(await history(rowsDb));
    // And once more: nothing at all changes.
    const again = await run(bulkDb, text, true);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2_000, invalid: 0 });
  });

  it('leaves no staging table behind, and every index in place', async () => {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_class WHERE relname LIKE 'nb_bulk_%'`.execute(bulkDb.db);
    expect(Number(rows[0]!.n)).toBe(0);
    const indexes = async (d: Database) =>
      (await sql<{ def: string }>`SELECT indexdef AS def FROM pg_indexes WHERE tablename IN ('records', 'record_events', 'record_readings') ORDER BY 1`.execute(d.db)).rows;
    expect(await indexes(bulkDb)).toEqual(await indexes(rowsDb));
  });

  it('--strict reads the file first and then loads it in bulk; --dry-run takes the row path and writes nothing', async () => {
    const rows = [...generateRecordRows(50, 13)].map((row, i) => ({ ...row, external_id: `strict-${i}` }));
    const refused = await run(bulkDb, csv(rows, ['strict-bad,Ли Сы,18x8,,,,,,,,']), true, { source: 'strict', strict: true });
    expect(refused).toMatchObject({ status: 'failed', exitCode: 1, inserted: 0, invalid: 1 });
    const dry = await run(bulkDb, csv(rows), true, { source: 'strict', dryRun: true });
    expect(dry).toMatchObject({ path: 'rows', inserted: 50 });
    const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM records WHERE source = 'strict'`.execute(bulkDb.db)).rows[0]!.n);
    expect(await count()).toBe(0);
    const strict = await run(bulkDb, csv(rows), true, { source: 'strict', strict: true });
    expect(strict).toMatchObject({ path: 'bulk', status: 'succeeded', inserted: 50, invalid: 0 });
    expect(await count()).toBe(50);
  });

  it('reports probable duplicates within the file set-wise', async () => {
    const twin = { ...first[0]!, external_id: 'twin-a', full_name: 'Ван Си-сян', birth_year: '1901', birthplace: 'Шаньдун' };
    const text = csv([twin, { ...twin, external_id: 'twin-b' }]);
    const bulk = await run(bulkDb, text, true, { source: 'twins' });
    expect(bulk.inserted).toBe(2);
    expect(bulk.duplicates).toBe(1);
    expect(bulk.duplicateSample[0]).toMatchObject({ externalId: 'twin-b', other: { externalId: 'twin-a', recordId: null } });
  });
});
