import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { decideCorrection, submitCorrection } from '../../src/corrections/corrections.service.ts';
import { listAttestedNames } from '../../src/records/attested-names.service.ts';
import type { Database } from '../../src/db/database.ts';
import { csvField, csvLine } from '../../src/exports/csv.ts';
import { csvLayout, FIXED_COLUMNS, JSON_COLUMNS, importTargetOf, type ExportFormat } from '../../src/exports/export.layout.ts';
import { exportRecords, streamWriter } from '../../src/exports/export.service.ts';
import { restoreExport } from '../../src/exports/restore.service.ts';
import { createApp } from '../../src/http/app.ts';
import { mapColumns, parseMapArguments } from '../../src/core/records/column-map.ts';
import { runImport, type ImportOptions } from '../../src/imports/import.service.ts';
import { activeClaims } from '../../src/records/claims.repository.ts';
import { toRecordDto } from '../../src/records/record.dto.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { ROOT, runNode, startNode } from '../helpers/processes.ts';
import { authHeader, seedUser } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * Export → restore into an empty database gives the same records: every field,
 * extra data and attested names (ids, versions and timestamps aside), in both
 * formats. The source database is loaded the way an archivist loads one:
 * fixtures/mos-memo-sample.csv through the importer, a file with extra columns,
 * and approved Chinese names.
 */
let source: Database;
let sourceUrl: string | undefined;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-export-'));
const EXTRA_SOURCE = 'Архив «Мемориал», опись 7';

async function urlOf(db: Database): Promise<string | undefined> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.db);
  return withDatabase(testDb.adminUrl, rows[0]!.name);
}

const fromText = (text: string): ImportOptions['open'] => async function* () {
  yield Buffer.from(text);
};

beforeAll(async () => {
  source = await createTestDatabase();
  sourceUrl = await urlOf(source);
  const sample = path.join(ROOT, 'fixtures/mos-memo-sample.csv');
  const loaded = await runImport(source, { open: () => fs.createReadStream(sample), fileName: 'mos-memo-sample.csv', actor: 'test', connectionString: sourceUrl });
  expect(loaded).toMatchObject({ inserted: 1000, invalid: 0 });

  // Extra columns, imported with --source (so the file's own `source` column is
  // kept in extra under that exact name) and --map 'Адрес=extra' (a header that
  // names a record field, kept in extra): the hard cases for a CSV round trip.
  const withExtras = [
    'external_id,ФИО,Год рождения,Место рождения,Примечание,"Архив; фонд",source,Адрес,Дата ареста',
    'arch-1,Ли-Фу-Чан,1899,"Китай, провинция Шаньдун","Сказал: ""не виновен"", — и всё","ф. 10035, оп. 1",ГАРФ,"Москва,\nул. Большая Дмитровка",12.1937',
    'arch-2,Чжан-Го-Тин,1902,,,"ф. 10035, оп. 2",ГАРФ,,',
  ].join('\r\n');
  const extras = await runImport(source, {
    open: fromText(withExtras),
    fileName: 'archive.csv',
    actor: 'test',
    source: EXTRA_SOURCE,
    map: parseMapArguments(['Адрес=extra']),
    // Адрес stays private (archivists only): the export marks it, the restore keeps it private.
    publicColumns: ['Примечание', 'Архив; фонд'],
    connectionString: sourceUrl,
  });
  expect(extras).toMatchObject({ inserted: 2, invalid: 0 });

  // Approved Chinese names: characters with pinyin, and pinyin alone.
  const archivist = await seedUser(source, { role: 'archivist' });
  const user = { id: archivist.id, email: archivist.email, role: archivist.role };
  const idOf = async (externalId: string) =>
    Number((await source.db.selectFrom('records').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow()).id);
  const attest = async (externalId: string, body: Record<string, unknown>) => {
    const c = await submitCorrection(source.db, await idOf(externalId), { kind: 'chinese-name', ...body }, '127.0.0.1');
    await decideCorrection(source.db, c.id, 'approve', user, 'letters seen');
  };
  await attest('mos-shot-12-139', { hanzi: '王希祥', evidence: 'His letters home, signed 王希祥, kept by his grandson.' });
  await attest('arch-1', { pinyin: 'Li Fuchang', evidence: 'Family register, line 4:\n"李福昌"? — uncertain, pinyin only' });
  await attest('arch-1', { hanzi: '李福昌', evidence: 'Second source: a 1936 work permit.' });
  // A pending proposal and a field correction: neither is exported as an attested name.
  await submitCorrection(source.db, await idOf('arch-2'), { kind: 'chinese-name', hanzi: '张国庭', evidence: 'a guess' }, null);
  const field = await submitCorrection(source.db, await idOf('arch-2'), { kind: 'field', field: 'birthplace', value: 'Китай, Хэбэй', evidence: 'his passport' }, null);
  await decideCorrection(source.db, field.id, 'approve', user, null);
}, 180_000);

afterAll(async () => {
  await source.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function exportToString(database: Database, format: ExportFormat, options: { source?: string; pageSize?: number } = {}) {
  const chunks: string[] = [];
  const result = await exportRecords(database, { format, ...options }, async (chunk) => {
    chunks.push(chunk);
  });
  return { text: chunks.join(''), records: result.records };
}

/** Every record keyed by (source, external id), as the API shows it, minus what a new database assigns itself. */
async function snapshot(database: Database) {
  const rows = await database.db.selectFrom('records').selectAll().orderBy('id').execute();
  const out = new Map<string, unknown>();
  for (const row of rows) {
    const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = toRecordDto(row);
    const readings = await database.db
      .selectFrom('record_readings')
      .select(['rank', 'origin', 'key', 'cost'])
      .where('record_id', '=', String(id))
      .orderBy('rank')
      .execute();
    out.set(`${row.source}\u0001${row.external_id}`, {
      ...fields,
      attestedNames: await listAttestedNames(database.db, id),
      privateExtra: row.extra_private,
      storedSourceValues: row.source_values,
      claims: (await activeClaims(database.db, id)).map((c) => ({ field: c.field, value: c.value, evidence: c.evidence, approvedAt: new Date(c.approved_at).toISOString() })),
      nameLatin: row.name_latin,
      readings,
    });
  }
  return out;
}

describe('export → restore round trip', () => {
  for (const [format, bulk] of [['csv', false], ['jsonl', false], ['csv', true], ['jsonl', true]] as const) {
    it(`${format}, ${bulk ? 'bulk' : 'row'} path: the restored database holds identical records, extra data, attested names and claims`, async () => {
      const exported = await exportToString(source, format);
      expect(exported.records).toBe(1002);
      const file = path.join(tmp, `export.${format}`);
      fs.writeFileSync(file, exported.text);

      const target = await createTestDatabase();
      try {
        const report = await restoreExport(target, { file, actor: 'test', connectionString: await urlOf(target), bulk });
        expect(report.fileError).toBeNull();
        expect(report.import).toMatchObject({ inserted: 1002, invalid: 0, errorsTotal: 0, path: bulk ? 'bulk' : 'rows' });
        expect(report.attestedNames).toEqual({ restored: 3, unchanged: 0, missingRecords: 0 });
        expect(report.claims).toEqual({ restored: 1, unchanged: 0, conflicts: 0, missingRecords: 0 });
        expect(report.exitCode).toBe(0);

        const [before, after] = await Promise.all([snapshot(source), snapshot(target)]);
        expect(after.size).toBe(before.size);
        for (const [key, record] of before) expect(after.get(key), key).toEqual(record);

        // The hard cases really are in there.
        const li = after.get(`${EXTRA_SOURCE}\u0001arch-1`) as { extra: Record<string, string>; privateExtra: Record<string, string>; attestedNames: unknown[]; arrestDate: string };
        expect(li.extra).toEqual({
          Примечание: 'Сказал: "не виновен", — и всё',
          'Архив; фонд': 'ф. 10035, оп. 1',
          source: 'ГАРФ',
        });
        expect(li.privateExtra).toEqual({ Адрес: 'Москва,\nул. Большая Дмитровка' });
        expect(li.arrestDate).toBe('12.1937');
        expect(li.attestedNames).toHaveLength(2);
        expect((after.get('Расстрелы в Москве (mos.memo.ru), shot-12.htm\u0001mos-shot-12-139') as { attestedNames: unknown[] }).attestedNames).toEqual([
          expect.objectContaining({ hanzi: '王希祥', pinyin: 'wang xi xiang' }),
        ]);

        // The export of the restored database is the export of the original (ids and times aside).
        const again = await exportToString(target, format);
        expect(stripVolatile(again.text, format)).toEqual(stripVolatile(exported.text, format));

        // Restoring the same file again changes nothing.
        const twice = await restoreExport(target, { file, actor: 'test', connectionString: await urlOf(target) });
        expect(twice.import).toMatchObject({ inserted: 0, updated: 0, unchanged: 1002 });
        expect(twice.attestedNames).toEqual({ restored: 0, unchanged: 3, missingRecords: 0 });
        expect(twice.claims).toEqual({ restored: 0, unchanged: 1, conflicts: 0, missingRecords: 0 });
      } finally {
        await target.close();
      }
    }, 180_000);
  }
});

/** JSONL: ids, versions and timestamps differ between databases; CSV has none of them. */
function stripVolatile(text: string, format: ExportFormat): unknown {
  if (format === 'csv') return text;
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(line);
      return rest;
    });
}

describe('export formats', () => {
  it('CSV: a header of the importer\'s column names, then attested_names and the extra columns', async () => {
    const { text } = await exportToString(source, 'csv');
    const header = text.slice(0, text.indexOf('\r\n'));
    expect(header).toBe(
      'external_id,Source,full_name,surname,given_name,patronymic,birth_year,birth_date,birthplace,nationality,occupation,residence,' +
        'arrest_date,charge,sentence,sentence_date,executed_on,death_date,burial_place,rehabilitation_date,biography,attested_names,claims,conflicts,' +
        'source,"Архив; фонд",Примечание,private:Адрес',
    );
    // `Source` (not `source`): the extra key `source` is written exactly so; the importer reads `Source` as the source.
    const mapping = mapColumns(header.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((h) => h.replace(/^"|"$/g, '')));
    expect(mapping.byTarget.source).toBe(1);
    expect(mapping.columns.slice(22).map((c) => c.target)).toEqual([null, null, null, null, null, null]);
  });

  it('every spelling of a fixed column reads as that column for the importer', () => {
    for (const column of [...FIXED_COLUMNS, ...JSON_COLUMNS]) {
      for (const header of column.headers) {
        if (JSON_COLUMNS.includes(column)) expect(importTargetOf(header), header).toBeUndefined();
        else expect(importTargetOf(header), header).toBe(column.key);
      }
    }
    expect(csvLayout(['external_id', 'externalId']).headers[0]).toBe('EXTERNAL_ID');
  });

  it('JSONL: one object per line with the API\'s keys and attestedNames', async () => {
    const { text } = await exportToString(source, 'jsonl');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(1002);
    const wang = lines.map((l) => JSON.parse(l)).find((r) => r.externalId === 'mos-shot-12-139');
    expect(Object.keys(wang)).toEqual([...Object.keys(toRecordDto((await source.db.selectFrom('records').selectAll().executeTakeFirstOrThrow()))), 'attestedNames', 'privateExtra', 'claims', 'conflicts']);
    expect(wang).toMatchObject({ fullName: 'Ван-Си-Сян', birthYear: 1888, attestedNames: [{ hanzi: '王希祥', pinyin: 'wang xi xiang', evidence: expect.any(String), approvedAt: expect.any(String) }] });
  });

  it('pages of any size give the same export, with or without a source filter', async () => {
    const whole = await exportToString(source, 'jsonl');
    const paged = await exportToString(source, 'jsonl', { pageSize: 7 });
    expect(paged.text).toBe(whole.text);
    const page = 'Расстрелы в Москве (mos.memo.ru), shot-12.htm';
    const one = await exportToString(source, 'jsonl', { source: page });
    const onePaged = await exportToString(source, 'jsonl', { source: page, pageSize: 3 });
    const ids = (t: string) => t.trim().split('\n').map((l) => JSON.parse(l).externalId);
    expect(one.records).toBeGreaterThan(3);
    expect(ids(onePaged.text)).toEqual(ids(one.text));
    expect(new Set(one.text.trim().split('\n').map((l) => JSON.parse(l).source))).toEqual(new Set([page]));
    const expected = whole.text.trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.source === page).map((r) => r.externalId).sort();
    expect([...ids(one.text)].sort()).toEqual(expected);
    expect((await exportToString(source, 'csv', { source: 'no such source' })).records).toBe(0);
  });

  it('the source filter reads the (source, external_id) index', async () => {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN SELECT * FROM records WHERE source = ${'x'} AND external_id > ${''} ORDER BY external_id LIMIT 1000
    `.execute(source.db);
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('records_source_external_id_key');
  });

  it('waits for a slow reader (backpressure): it writes only when the stream has room', async () => {
    let maxQueued = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, done) {
        setTimeout(done, 1);
      },
    });
    const write = streamWriter(slow);
    let writes = 0;
    const result = await exportRecords(source, { format: 'jsonl', pageSize: 100 }, async (chunk) => {
      // Each write waits until the stream is below its high-water mark again.
      maxQueued = Math.max(maxQueued, slow.writableLength);
      writes++;
      await write(chunk);
    });
    expect(result.records).toBe(1002);
    expect(writes).toBeGreaterThan(5);
    expect(maxQueued).toBeLessThan(1024);
  });
});

describe('GET /api/export', () => {
  it('streams CSV or JSONL to staff, with a content type and a file name', async () => {
    const app = createApp({ config: loadConfig({}), database: source, logger: createLogger('silent') });
    const archivist = await seedUser(source, { role: 'archivist' });
    const csv = await request(app).get('/api/export').set('authorization', authHeader(archivist)).buffer(true).parse(textParser as never).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="namebridge-records-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.body).toBe((await exportToString(source, 'csv')).text);

    const admin = await seedUser(source, { role: 'admin' });
    const page = 'Расстрелы в Москве (mos.memo.ru), shot-12.htm';
    const jsonl = await request(app)
      .get('/api/export')
      .query({ format: 'jsonl', source: page })
      .set('authorization', authHeader(admin))
      .buffer(true)
      .parse(textParser as never)
      .expect(200);
    expect(jsonl.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(jsonl.headers['content-disposition']).toMatch(/\.jsonl"$/);
    expect(jsonl.body).toBe((await exportToString(source, 'jsonl', { source: page })).text);

    await request(app).get('/api/export').expect(401);
    const bad = await request(app).get('/api/export?format=xml').set('authorization', authHeader(archivist)).expect(400);
    expect(bad.headers['content-disposition']).toBeUndefined();
    expect(bad.body.error.code).toBe('bad_request');
  });
});

describe('namebridge export / restore (CLI)', () => {
  it('restore FILE then export prints the same records', async () => {
    const exported = await exportToString(source, 'csv');
    const file = path.join(tmp, 'cli-export.csv');
    fs.writeFileSync(file, exported.text);
    const target = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-export-cli-'));
    const url = await urlOf(target);
    // PGlite: the CLI gets an embedded data directory of its own.
    const env = url ? { DATABASE_URL: url, LOG_LEVEL: 'warn' } : { DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    try {
      const restored = await runNode(['src/cli/main.ts', 'restore', file, '--json'], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(JSON.parse(restored.stdout.trim().split('\n').at(-1)!)).toMatchObject({ inserted: 1002, invalid: 0, attestedNames: { restored: 3 } });
      const csv = await runBytes(['src/cli/main.ts', 'export'], env);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).toBe(exported.text);
      const jsonl = await runBytes(['src/cli/main.ts', 'export', '--format', 'jsonl', '--source', EXTRA_SOURCE], env);
      expect(jsonl.code, jsonl.stderr).toBe(0);
      expect(jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l).externalId)).toEqual(['arch-1', 'arch-2']);
      const bad = await runNode(['src/cli/main.ts', 'export', '--format', 'xml'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--format must be csv or jsonl');
    } finally {
      await target.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a file whose attested names are not what an export writes, writing nothing', async () => {
    const file = path.join(tmp, 'bad.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ source: 's', externalId: '1', fullName: 'Ван', attestedNames: [{ hanzi: '王' }] })}\n`);
    const target = await createTestDatabase();
    try {
      const report = await restoreExport(target, { file, actor: 'test' });
      expect(report.exitCode).toBe(2);
      expect(report.fileError).toMatch(/^line 1: the attested names are not a list of \{hanzi, pinyin, evidence, approvedAt\}/);
      const { n } = await target.db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n)).toBe(0);
    } finally {
      await target.close();
    }
  });
});

const textParser = (res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (err: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (d: string) => (body += d));
  res.on('end', () => done(null, body));
};

/** Like runNode, but decodes stdout once at the end (a chunk may end inside a multi-byte character). */
async function runBytes(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startNode(args, env);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  child.stdin!.end();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('csvField / csvLine (pure)', () => {
  it('quotes only what needs it, doubling quotes', () => {
    expect(csvField('Ван-Си-Сян')).toBe('Ван-Си-Сян');
    expect(csvField('')).toBe('');
    expect(csvField('Китай, Шаньдун')).toBe('"Китай, Шаньдун"');
    expect(csvField('завод "Манометр"')).toBe('"завод ""Манометр"""');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('line\r\nnext')).toBe('"line\r\nnext"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('any fields survive csv-parse (the importer\'s reader) unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const text = table.map(csvLine).join('');
        expect(parse(text, { relax_column_count: false })).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});
