import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCorrection, submitCorrection } from '../../src/corrections/corrections.service.ts';
import type { Database } from '../../src/db/database.ts';
import { csvLine } from '../../src/exports/csv.ts';
import type { ExportFormat } from '../../src/exports/export.layout.ts';
import { exportRecords } from '../../src/exports/export.service.ts';
import { restoreExport } from '../../src/exports/restore.service.ts';
import { runImport, type ImportReport } from '../../src/imports/import.service.ts';
import { activeClaims } from '../../src/records/claims.repository.ts';
import { listConflicts } from '../../src/records/conflicts.service.ts';
import { toRecordDto } from '../../src/records/record.dto.ts';
import { seedUser } from '../helpers/test-app.ts';
import { createTestDatabase, testDatabaseUrl } from '../helpers/test-database.ts';

/**
 * Restore brings back claims (issue 11): import → approve a field correction →
 * export → restore into an empty database → re-import the same source row with
 * another field changed: the corrected value still shows and sourceValues are
 * those of the original, in both formats, on PostgreSQL (COPY path) and PGlite.
 * An open conflict travels too. An export made before claims were exported
 * still restores as it did (displayed values, no claims).
 */
const SOURCE = 'restore-claims';
const HEADER = 'external_id,full_name,birth_year,occupation';
const FIRST = `${HEADER}\nr1,Ван-Си-Сян,1888,прачка\nr2,Ли-Фу-Чан,1899,повар\nr3,Чжан-Го-Тин,1902,\n`;
/** r2's source moved under its approved occupation: a conflict stays open. */
const SECOND = `${HEADER}\nr1,Ван-Си-Сян,1888,прачка\nr2,Ли-Фу-Чан,1899,лавочник\nr3,Чжан-Го-Тин,1902,\n`;

let origin: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-restore-claims-'));

async function importText(database: Database, text: string): Promise<ImportReport> {
  return runImport(database, {
    open: async function* () {
      yield Buffer.from(text);
    },
    fileName: 'claims.csv',
    actor: 'test',
    source: SOURCE,
    connectionString: await testDatabaseUrl(database),
    workers: 0,
  });
}

async function row(database: Database, externalId: string) {
  return database.db.selectFrom('records').selectAll().where('source', '=', SOURCE).where('external_id', '=', externalId).executeTakeFirstOrThrow();
}

/** What the API shows of a record, minus what each database assigns itself. */
async function shown(database: Database, externalId: string) {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = toRecordDto(await row(database, externalId));
  return rest;
}

async function exportText(database: Database, format: ExportFormat): Promise<string> {
  const chunks: string[] = [];
  await exportRecords(database, { format, source: SOURCE }, async (c) => {
    chunks.push(c);
  });
  return chunks.join('');
}

const jsonlWithoutIds = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => {
      const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(l);
      return rest;
    });

beforeAll(async () => {
  origin = await createTestDatabase();
  expect(await importText(origin, FIRST)).toMatchObject({ inserted: 3, exitCode: 0 });
  const archivist = await seedUser(origin, { role: 'archivist' });
  const user = { id: archivist.id, email: archivist.email, role: archivist.role };
  const approve = async (externalId: string, field: string, value: string) => {
    const c = await submitCorrection(origin.db, Number((await row(origin, externalId)).id), { kind: 'field', field, value, evidence: 'his prison file, sheet 12' }, null);
    await decideCorrection(origin.db, c.id, 'approve', user, 'seen');
  };
  await approve('r1', 'birthYear', '1887');
  await approve('r2', 'occupation', 'портной');
  expect(await importText(origin, SECOND)).toMatchObject({ updated: 1, conflicts: 1 });
  expect(await shown(origin, 'r1')).toMatchObject({ birthYear: 1887, sourceValues: { birthYear: 1888 } });
  expect(await shown(origin, 'r2')).toMatchObject({ occupation: 'портной', sourceValues: { occupation: 'лавочник' } });
}, 120_000);

afterAll(async () => {
  await origin.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('export → restore → re-import keeps approved corrections', () => {
  for (const [format, bulk] of [['csv', false], ['jsonl', false], ['csv', true], ['jsonl', true]] as const) {
    it(`${format}, ${bulk ? 'bulk' : 'row'} path: the corrected value still shows after a re-import of the restored database, sourceValues identical`, async () => {
      const exported = await exportText(origin, format);
      const file = path.join(tmp, `claims.${format}`);
      fs.writeFileSync(file, exported);
      const target = await createTestDatabase();
      try {
        const report = await restoreExport(target, { file, actor: 'test', connectionString: await testDatabaseUrl(target), bulk });
        expect(report.exitCode).toBe(0);
        expect(report.import).toMatchObject({ inserted: 3, invalid: 0, path: bulk ? 'bulk' : 'rows' });
        expect(report.claims).toEqual({ restored: 2, unchanged: 0, conflicts: 1, missingRecords: 0 });

        // The restored database shows and exports what the original did: values, sourceValues, claims, conflicts.
        for (const id of ['r1', 'r2', 'r3']) expect(await shown(target, id), id).toEqual(await shown(origin, id));
        expect((await row(target, 'r1')).source_values).toEqual({ birthYear: 1888 });
        expect(jsonlWithoutIds(await exportText(target, 'jsonl'))).toEqual(jsonlWithoutIds(await exportText(origin, 'jsonl')));
        const open = (await listConflicts(target.db, { status: 'open' })).conflicts;
        expect(open).toEqual([
          expect.objectContaining({ recordId: Number((await row(target, 'r2')).id), field: 'occupation', correctedValue: 'портной', sourceValue: 'лавочник', previousSourceValue: 'повар', status: 'open' }),
        ]);

        // The archivist's case: the same source row again, only its occupation changed.
        const reimport = await importText(target, `${HEADER}\nr1,Ван-Си-Сян,1888,грузчик\nr2,Ли-Фу-Чан,1899,лавочник\nr3,Чжан-Го-Тин,1902,\n`);
        expect(reimport).toMatchObject({ updated: 1, unchanged: 2, conflicts: 0 });
        const r1 = await shown(target, 'r1');
        expect(r1).toMatchObject({ birthYear: 1887, occupation: 'грузчик' });
        expect(r1.sourceValues).toEqual((await shown(origin, 'r1')).sourceValues);
        expect(await shown(target, 'r2')).toEqual(await shown(origin, 'r2'));

        // The claim is a real one: the source moving under it opens a conflict instead of reverting it.
        const moved = await importText(target, `${HEADER}\nr1,Ван-Си-Сян,1889,грузчик\n`);
        expect(moved).toMatchObject({ updated: 1, conflicts: 1 });
        expect(await shown(target, 'r1')).toMatchObject({ birthYear: 1887, sourceValues: { birthYear: 1889 } });

        // Restoring the same file again changes nothing.
        const twice = await restoreExport(target, { file, actor: 'test', connectionString: await testDatabaseUrl(target) });
        expect(twice.claims).toEqual({ restored: 0, unchanged: 2, conflicts: 0, missingRecords: 0 });
      } finally {
        await target.close();
      }
    }, 120_000);
  }
});

describe('an export made before claims were exported', () => {
  /** The export as it was written before: no claims or conflicts column (CSV) or key (JSONL). */
  function oldExport(text: string, format: ExportFormat): string {
    if (format === 'jsonl') {
      return text
        .trim()
        .split('\n')
        .map((l) => {
          const { claims: _c, conflicts: _x, ...rest } = JSON.parse(l);
          return `${JSON.stringify(rest)}\n`;
        })
        .join('');
    }
    const rows: string[][] = parse(text, { relax_column_count: true });
    const drop = new Set(['claims', 'conflicts'].map((h) => rows[0]!.indexOf(h)));
    expect(drop.has(-1)).toBe(false);
    return rows.map((r) => csvLine(r.filter((_, i) => !drop.has(i)))).join('');
  }

  for (const format of ['csv', 'jsonl'] as const) {
    it(`${format}: restores the displayed values as before, with no claims behind them`, async () => {
      const file = path.join(tmp, `old.${format}`);
      fs.writeFileSync(file, oldExport(await exportText(origin, format), format));
      const target = await createTestDatabase();
      try {
        const report = await restoreExport(target, { file, actor: 'test', connectionString: await testDatabaseUrl(target) });
        expect(report.exitCode).toBe(0);
        expect(report.import).toMatchObject({ inserted: 3, invalid: 0 });
        expect(report.claims).toEqual({ restored: 0, unchanged: 0, conflicts: 0, missingRecords: 0 });
        for (const id of ['r1', 'r2', 'r3']) {
          const { sourceValues: _s, ...before } = await shown(origin, id);
          expect(await shown(target, id), id).toEqual({ ...before, sourceValues: {} });
          expect(await activeClaims(target.db, (await row(target, id)).id)).toEqual([]);
        }
        expect((await shown(target, 'r1')).birthYear).toBe(1887);
      } finally {
        await target.close();
      }
    }, 120_000);
  }
});

describe('a restore refuses claims that are not what an export writes', () => {
  it('a claim on no record field: exit 2, nothing written', async () => {
    const file = path.join(tmp, 'bad-claims.jsonl');
    const claim = { field: 'shoeSize', value: '42', sourceValue: null, evidence: null, approvedAt: '2026-01-01T00:00:00.000Z' };
    fs.writeFileSync(file, `${JSON.stringify({ source: 's', externalId: '1', fullName: 'Ван', claims: [claim] })}\n`);
    const target = await createTestDatabase();
    try {
      const report = await restoreExport(target, { file, actor: 'test' });
      expect(report.exitCode).toBe(2);
      expect(report.fileError).toMatch(/^line 1: the claims are not a list of \{field, value, sourceValue, evidence, approvedAt\} \(0\.field: not a record field\)/);
      const { n } = await target.db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n)).toBe(0);
    } finally {
      await target.close();
    }
  });
});
