import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { runImport, type ImportOptions, type ImportReport } from '../../src/imports/import.service.ts';
import { findJob } from '../../src/imports/import-jobs.repository.ts';
import { searchFieldsFor } from '../../src/core/match/search-fields.ts';
import { ROOT, runNode } from '../helpers/processes.ts';
import { createTestDatabase, POSTGRES_ONLY, testBackend } from '../helpers/test-database.ts';
import { inject } from 'vitest';
import { withDatabase } from '../helpers/global-setup.ts';

let database: Database;
let url: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  url = await testDatabaseUrl(database);
});
afterAll(() => database.close());

/** The test database's own URL, so the importer can open its COPY connection (PostgreSQL only). */
async function testDatabaseUrl(db: Database): Promise<string | undefined> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.db);
  return withDatabase(testDb.adminUrl, rows[0]!.name);
}

const fixture = (name: string) => fs.readFileSync(path.join(ROOT, name));
const bad = (name: string) => fixture(`tests/fixtures/imports/${name}`);

function run(bytes: Buffer | string, options: Partial<ImportOptions> = {}): Promise<ImportReport> {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return runImport(database, {
    open: async function* () {
      for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    },
    fileName: 'test.csv',
    actor: 'cli',
    connectionString: url,
    workers: 0,
    ...options,
  });
}

const countRecords = async (source: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM records WHERE source = ${source}`.execute(database.db)).rows[0]!.n);
const recordsOf = (source: string) => database.db.selectFrom('records').selectAll().where('source', '=', source).orderBy('id').execute();

describe('the Moscow list fixtures', () => {
  it('imports mos-memo-sample.csv as it is, and a second import changes nothing', async () => {
    const first = await run(fixture('fixtures/mos-memo-sample.csv'), { source: 'sample' });
    expect(first).toMatchObject({ exitCode: 0, status: 'succeeded', inserted: 1000, updated: 0, unchanged: 0, invalid: 0, errorsTotal: 0 });
    // The file's own source column is kept in extra because a source was given.
    expect(first.warnings).toEqual([expect.stringMatching(/^column "source" is not used as the source because a source was given/)]);
    const before = await recordsOf('sample');
    const again = await run(fixture('fixtures/mos-memo-sample.csv'), { source: 'sample' });
    expect(again).toMatchObject({ exitCode: 0, inserted: 0, updated: 0, unchanged: 1000, invalid: 0 });
    const after = await recordsOf('sample');
    expect(after).toEqual(before);
    expect(after.every((r) => r.version === 1)).toBe(true);
    const events = await sql<{ kind: string; n: string }>`
      SELECT e.kind, count(*)::int AS n FROM record_events e JOIN records r ON r.id = e.record_id WHERE r.source = 'sample' GROUP BY e.kind`.execute(database.db);
    expect(events.rows).toEqual([{ kind: 'record.inserted', n: 1000 }]);
    const row = after.find((r) => r.external_id === 'mos-shot-6-90')!;
    expect(row).toMatchObject({ full_name: 'Юань-Дао-Синь', birth_year: 1890, birthplace: 'Китай, провинции Шаньдун', nationality: 'китаец', executed_on: '10.09.1938', executed_on_norm: '1938-09-10', burial_place: 'Бутово' });
    expect(row.residence).toBe('ул');
  });

  it('takes the source from the file’s source column when none is given', async () => {
    const report = await run(fixture('fixtures/mos-memo-chinese.csv'));
    expect(report.inserted).toBe(67);
    const sources = await sql<{ source: string }>`SELECT DISTINCT source FROM records WHERE source LIKE 'Расстрелы в Москве%'`.execute(database.db);
    expect(sources.rows.length).toBeGreaterThan(1);
  });

  it('stores search fields and readings for every imported row, as searchFieldsFor derives them', async () => {
    await run(fixture('fixtures/mos-memo-chinese.csv'), { source: 'chinese' });
    const records = await recordsOf('chinese');
    expect(records).toHaveLength(67);
    const readings = await database.db
      .selectFrom('record_readings')
      .innerJoin('records', 'records.id', 'record_readings.record_id')
      .select(['record_readings.record_id', 'record_readings.rank', 'record_readings.key'])
      .where('records.source', '=', 'chinese')
      .orderBy('record_readings.record_id')
      .orderBy('record_readings.rank')
      .execute();
    let expected = 0;
    for (const r of records) {
      const fields = searchFieldsFor(r.full_name, r.birthplace);
      expected += fields.readings.length;
      expect(r.name_latin).toBe(fields.nameLatin);
      expect(r.birthplace_places).toEqual(fields.birthplacePlaces);
      expect(readings.filter((x) => x.record_id === r.id).map((x) => x.key)).toEqual(fields.readings.map((x) => x.key));
    }
    expect(readings.length).toBe(expected);
    expect(expected).toBeGreaterThan(67); // most Chinese names decode to several readings
  });

  it('updates a changed row: version 2, old values kept in the history, readings recomputed', async () => {
    const original = fixture('fixtures/mos-memo-chinese.csv').toString('utf8');
    await run(original, { source: 'changed' });
    const changed = original.replace('mos-shot-6-90,Юань-Дао-Синь,1890', 'mos-shot-6-90,Юань-Дао-Син,1891');
    expect(changed).not.toBe(original);
    const report = await run(changed, { source: 'changed' });
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 66, exitCode: 0 });
    const row = (await recordsOf('changed')).find((r) => r.external_id === 'mos-shot-6-90')!;
    expect(row).toMatchObject({ full_name: 'Юань-Дао-Син', birth_year: 1891, version: 2 });
    const history = await database.db.selectFrom('record_events').select(['kind', 'actor', 'data']).where('record_id', '=', row.id).orderBy('id').execute();
    expect(history.map((h) => h.kind)).toEqual(['record.inserted', 'record.updated']);
    expect(history[1]!.actor).toBe('cli');
    expect(history[1]!.data).toMatchObject({ old: { full_name: 'Юань-Дао-Синь', birth_year: 1890 }, new: { full_name: 'Юань-Дао-Син', birth_year: 1891 } });
    const keys = await database.db.selectFrom('record_readings').select('key').where('record_id', '=', row.id).orderBy('rank').execute();
    expect(keys.map((k) => k.key)).toEqual(searchFieldsFor('Юань-Дао-Син', row.birthplace).readings.map((r) => r.key));
  });
});

describe('bad files an archive really produces', () => {
  it.each([
    ['empty.csv', 'empty', /^The file is empty/],
    ['header-only.csv', 'header_only', /header row \(external_id, full_name, birth_year\) but no records/],
    ['binary.xlsx', 'binary', /not text: it contains a NUL byte at byte 6/],
    ['no-name-column.csv', 'no_name_column', /^No name column: the header \(external_id, birth_year, birthplace\)/],
    ['latin1.csv', 'encoding', /not valid UTF-8 \(byte 0xe9 at byte 42\)/],
  ])('%s is a file-level error (exit 2) and writes nothing', async (name, reason, message) => {
    const source = `bad-${name}`;
    const report = await run(bad(name), { source });
    expect(report.exitCode).toBe(2);
    expect(report.status).toBe('failed');
    expect(report.fileError).toEqual({ reason, message: expect.stringMatching(message) });
    expect(report.errors).toEqual([{ line: expect.any(Number), column: null, message: expect.stringMatching(message) }]);
    expect(await countRecords(source)).toBe(0);
    const job = await findJob(database.db, report.jobId);
    expect(job).toMatchObject({ status: 'failed', exit_code: 2, file_error: expect.stringMatching(message) });
  });

  it('broken-quote.csv: the broken record is an error on its first line, the rest is imported (exit 1)', async () => {
    const report = await run(bad('broken-quote.csv'), { source: 'quote' });
    expect(report).toMatchObject({ exitCode: 1, inserted: 1, invalid: 1 });
    expect(report.errors).toEqual([{ line: 2, column: null, message: expect.stringMatching(/broken quoting in the record starting on line 2/) }]);
    expect((await recordsOf('quote')).map((r) => r.external_id)).toEqual(['q-3']);
  });

  it('bad-years.csv: each bad year or date is an error naming line and column; good rows are written', async () => {
    const report = await run(bad('bad-years.csv'), { source: 'years' });
    expect(report).toMatchObject({ exitCode: 1, inserted: 2, invalid: 4, errorsTotal: 4 });
    expect(report.errors).toEqual([
      { line: 3, column: 'birth_year', message: '"189O" is not a four-digit year' },
      { line: 4, column: 'birth_year', message: 'year 1750 is outside 1800–1960' },
      { line: 5, column: 'birth_date', message: 'day 31 does not exist in 02.1890' },
      { line: 6, column: 'executed_on', message: 'month 13 does not exist in "1938-13-01"' },
    ]);
    expect((await recordsOf('years')).map((r) => [r.external_id, r.birth_date_norm, r.executed_on_norm])).toEqual([
      ['y-1', null, '1938-05-17'],
      ['y-6', '1899-09', '1937'],
    ]);
  });

  it('repeated-ids.csv: the repeated id is a row error; the first row stands', async () => {
    const report = await run(bad('repeated-ids.csv'), { source: 'repeat' });
    expect(report).toMatchObject({ exitCode: 1, inserted: 2, invalid: 1 });
    expect(report.errors).toEqual([{ line: 4, column: 'external_id', message: 'external id "r-1" repeats the row on line 2' }]);
    expect((await recordsOf('repeat')).map((r) => r.full_name)).toEqual(['Ван-Си-Сян', 'Ли-Сан-Джин']);
  });

  it('cp1251.csv: Windows-1251 is detected and the Cyrillic arrives intact', async () => {
    const report = await run(bad('cp1251.csv'), { source: 'cp1251' });
    expect(report).toMatchObject({ exitCode: 0, inserted: 3, warnings: ['the file is not UTF-8: it was read as Windows-1251 (cp1251)'] });
    expect((await recordsOf('cp1251')).map((r) => [r.full_name, r.birthplace, r.nationality])).toEqual([
      ['Ван-Си-Сян', 'Китай, провинции Шаньдун', 'китаец'],
      ['Травин Григорий Максимович', 'г. Москва', 'русский'],
      ['Ёлкина Прасковья Ильинична', 'Рязанская губ., д. Ивановка', 'русская'],
    ]);
  });

  it('bom-semicolon-crlf.csv: BOM, semicolons, CRLF and split Russian name columns', async () => {
    const report = await run(bad('bom-semicolon-crlf.csv'), { source: 'bom' });
    expect(report).toMatchObject({
      exitCode: 0,
      inserted: 2,
      warnings: [
        `column "Примечание" is not a record field; its values are kept in each record's extra data`,
        `columns kept private (archivists only, never on public pages or in the public API): "Примечание"; to publish them for this source, import with --public-columns "Примечание"`,
      ],
    });
    const rows = await recordsOf('bom');
    expect(rows.map((r) => [r.external_id, r.full_name, r.surname, r.given_name, r.patronymic, r.birthplace, r.extra, r.extra_private])).toEqual([
      ['b-1', 'Ван Си-Сян', 'Ван', 'Си-Сян', null, 'Китай; провинции Шаньдун', {}, { Примечание: 'прачка' }],
      ['b-2', 'Травин Григорий Максимович', 'Травин', 'Григорий', 'Максимович', 'г. Москва', {}, {}],
    ]);
  });

  it('tab.tsv: tab-delimited', async () => {
    expect(await run(bad('tab.tsv'), { source: 'tab' })).toMatchObject({ exitCode: 0, inserted: 2 });
  });

  it('a 2 MB biography is a row error; the row is not written and the others are', async () => {
    const big = `external_id,full_name,biography\r\nf-1,Ван-Си-Сян,"${'я'.repeat(2 * 1024 * 1024)}"\r\nf-2,Ли-Сан-Джин,род. 1895\r\n`;
    const report = await run(big, { source: 'big' });
    expect(report).toMatchObject({ exitCode: 1, inserted: 1, invalid: 1 });
    expect(report.errors).toEqual([{ line: 2, column: 'biography', message: 'is 2,097,152 characters long; the limit for biography is 1,048,576' }]);
    expect((await recordsOf('big')).map((r) => r.external_id)).toEqual(['f-2']);
  });

  it('gives rows without an external id a stable id derived from their content', async () => {
    const text = 'ФИО,Год рождения\nВан-Си-Сян,1890\nЛи-Сан-Джин,1895\nВан-Си-Сян,1890\n';
    const first = await run(text, { source: 'noid' });
    expect(first).toMatchObject({ inserted: 2, invalid: 1, errors: [{ line: 4, column: null, message: expect.stringMatching(/repeats line 2 exactly/) }] });
    const ids = (await recordsOf('noid')).map((r) => r.external_id);
    expect(ids.every((id) => /^sha256:[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(await run(text, { source: 'noid' })).toMatchObject({ inserted: 0, unchanged: 2 });
  });
});

describe('strict, dry run and probable duplicates', () => {
  it('--strict writes nothing when any row is invalid', async () => {
    const report = await run(bad('bad-years.csv'), { source: 'strict', strict: true });
    expect(report).toMatchObject({ exitCode: 1, status: 'failed', inserted: 0, invalid: 4 });
    expect(await countRecords('strict')).toBe(0);
    expect(await run(bad('tab.tsv'), { source: 'strict', strict: true })).toMatchObject({ exitCode: 0, inserted: 2 });
  });

  it('--dry-run counts against the database and writes nothing but the job', async () => {
    const dry = await run(fixture('fixtures/mos-memo-chinese.csv'), { source: 'dry', dryRun: true });
    expect(dry).toMatchObject({ exitCode: 0, inserted: 67, updated: 0, unchanged: 0 });
    expect(await countRecords('dry')).toBe(0);
    await run(fixture('fixtures/mos-memo-chinese.csv'), { source: 'dry' });
    const changed = fixture('fixtures/mos-memo-chinese.csv').toString('utf8').replace('Юань-Дао-Синь,1890', 'Юань-Дао-Синь,1891');
    expect(await run(changed, { source: 'dry', dryRun: true })).toMatchObject({ inserted: 0, updated: 1, unchanged: 66 });
    expect((await recordsOf('dry')).find((r) => r.external_id === 'mos-shot-6-90')).toMatchObject({ birth_year: 1890, version: 1 });
  });

  it('reports probable duplicates across ids and never merges them', async () => {
    const text = 'external_id,full_name,birth_year,birthplace\nd-1,Ван-Си-Сян,1890,Китай\nd-2,Ли-Сан-Джин,1895,Китай\nd-3,Ван-Си-Сян,1890,Китай\n';
    const report = await run(text, { source: 'dups' });
    expect(report).toMatchObject({ inserted: 3, duplicates: 1 });
    expect(report.duplicateSample).toEqual([
      expect.objectContaining({ line: 4, externalId: 'd-3', other: expect.objectContaining({ line: 2, externalId: 'd-1' }) }),
    ]);
    const later = await run('external_id,full_name,birth_year,birthplace\nd-9,Ван-Си-Сян,1890,г. Харбин\n', { source: 'dups' });
    expect(later).toMatchObject({ inserted: 1, duplicates: 2 });
    expect(await countRecords('dups')).toBe(4);
  });
});

describe('atomic batches, crashes and re-runs', () => {
  it('a crash after a committed batch leaves consistent data and a failed job; running again completes it', async () => {
    const file = fixture('fixtures/mos-memo-sample.csv');
    const crash = run(file, { source: 'crash', batchSize: 100, afterBatch: (n) => {
      if (n === 2) throw new Error('simulated crash');
    } });
    await expect(crash).rejects.toThrow('simulated crash');
    // Batches are atomic: whole batches of 100 (two writers: the other batch in flight may also commit).
    const committed = await countRecords('crash');
    expect(committed % 100).toBe(0);
    expect(committed).toBeGreaterThanOrEqual(200);
    expect(committed).toBeLessThan(1000);
    const consistency = await sql<{ events: number; without_search: number; readings: number }>`
      SELECT (SELECT count(*)::int FROM record_events e JOIN records r ON r.id = e.record_id WHERE r.source = 'crash') AS events,
             (SELECT count(*)::int FROM records WHERE source = 'crash' AND name_latin = '') AS without_search,
             (SELECT count(*)::int FROM record_readings rr JOIN records r ON r.id = rr.record_id WHERE r.source = 'crash') AS readings`.execute(database.db);
    const expectedReadings = (await recordsOf('crash')).reduce((n, r) => n + searchFieldsFor(r.full_name, r.birthplace).readings.length, 0);
    expect(consistency.rows[0]).toEqual({ events: committed, without_search: 0, readings: expectedReadings });
    const job = await database.db.selectFrom('import_jobs').selectAll().where('source', '=', 'crash').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', inserted: committed, file_error: expect.stringMatching(/simulated crash/) });

    const rerun = await run(file, { source: 'crash', batchSize: 100 });
    expect(rerun).toMatchObject({ exitCode: 0, inserted: 1000 - committed, unchanged: committed });
    expect(await countRecords('crash')).toBe(1000);
  });

  it('marks a job left running by a process that is gone as failed at the next import', async () => {
    const gone = await runNode(['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout);
    const [stale] = await database.db
      .insertInto('import_jobs')
      .values({ file_name: 'killed.csv', actor: 'cli', status: 'running', pid, host: os.hostname(), source: 'killed' })
      .returning('id')
      .execute();
    await run(bad('tab.tsv'), { source: 'after-kill' });
    expect(await findJob(database.db, Number(stale!.id))).toMatchObject({ status: 'failed', file_error: expect.stringMatching(/process stopped/) });
  });
});

describe.skipIf(testBackend() !== 'postgres')(`${POSTGRES_ONLY} (COPY needs a pg client): the two write paths`, () => {
  it('COPY (pg client) and INSERT (Kysely) stage the same records', async () => {
    await run(fixture('fixtures/mos-memo-chinese.csv'), { source: 'via-copy' });
    await run(fixture('fixtures/mos-memo-chinese.csv'), { source: 'via-insert', connectionString: undefined });
    const strip = (rows: Awaited<ReturnType<typeof recordsOf>>) =>
      rows.map(({ id: _id, source: _s, created_at: _c, updated_at: _u, ...rest }) => rest);
    expect(strip(await recordsOf('via-insert'))).toEqual(strip(await recordsOf('via-copy')));
  });

  it('two imports of the same new rows at once: each record once; the batches that lose the race are upserted instead', async () => {
    const file = fixture('fixtures/mos-memo-sample.csv');
    const timings: Array<Record<string, number>> = [{}, {}];
    const [a, b] = await Promise.all(timings.map((t) => run(file, { source: 'race', batchSize: 10, timings: t })));
    expect(a!.inserted + b!.inserted).toBe(1000);
    expect(a!.unchanged + b!.unchanged).toBe(1000);
    expect([a!.exitCode, b!.exitCode]).toEqual([0, 0]);
    // With 100 batches each, some batch is looked up by both before either commits it: one COPY hits the unique key.
    expect(timings.some((t) => (t['staged retry'] ?? 0) > 0)).toBe(true);
    expect(await countRecords('race')).toBe(1000);
    const counts = await sql<{ events: number; readings: number }>`
      SELECT (SELECT count(*)::int FROM record_events e JOIN records r ON r.id = e.record_id WHERE r.source = 'race') AS events,
             (SELECT count(*)::int FROM record_readings rr JOIN records r ON r.id = rr.record_id WHERE r.source = 'race') AS readings`.execute(database.db);
    const expectedReadings = (await recordsOf('race')).reduce((n, r) => n + searchFieldsFor(r.full_name, r.birthplace).readings.length, 0);
    expect(counts.rows[0]).toEqual({ events: 1000, readings: expectedReadings });
  });
});
