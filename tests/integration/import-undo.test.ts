import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/database.ts';
import { exportRecords } from '../../src/exports/export.service.ts';
import { createApp } from '../../src/http/app.ts';
import { findJob } from '../../src/imports/import-jobs.repository.ts';
import { runImport, type ImportOptions, type ImportReport } from '../../src/imports/import.service.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { runNode } from '../helpers/processes.ts';
import { authHeader, seedUser } from '../helpers/test-app.ts';
import { createTestDatabase, testDatabaseUrl } from '../helpers/test-database.ts';

/**
 * Undo of an import (issue 11, point 6): the export after the undo equals the
 * export before the import; claims stay; later work is never overwritten.
 */
let database: Database;
let app: ReturnType<typeof createApp>;
let env: NodeJS.ProcessEnv;
let url: string | undefined;
let archivist: Awaited<ReturnType<typeof seedUser>>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-undo-'));

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ config: loadConfig({ CORRECTION_RATE_LIMIT: '1000' }), database, logger: createLogger('silent') });
  archivist = await seedUser(database, { role: 'archivist' });
  url = await testDatabaseUrl(database);
  env = { DATABASE_URL: url ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const HEADER = 'external_id,full_name,birth_year,occupation,Примечание';
const staff = () => ({ Authorization: authHeader(archivist) });

function importCsv(rows: string[], options: Partial<ImportOptions> = {}): Promise<ImportReport> {
  return runImport(database, {
    open: async function* () {
      yield Buffer.from(`${HEADER}\n${rows.join('\n')}\n`);
    },
    fileName: 'undo.csv',
    actor: 'cli',
    source: 'undo',
    connectionString: url,
    workers: 0,
    ...options,
  });
}

/** The JSONL export of one source, sorted, without what a write assigns (ids, versions, times). */
async function exported(source: string) {
  const chunks: string[] = [];
  await exportRecords(database, { format: 'jsonl', source }, async (c) => void chunks.push(c));
  return chunks
    .join('')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(line);
      return rest;
    })
    .sort((a, b) => String(a.externalId).localeCompare(String(b.externalId)));
}

const idOf = async (externalId: string, source = 'undo') =>
  Number((await database.db.selectFrom('records').select('id').where('source', '=', source).where('external_id', '=', externalId).executeTakeFirstOrThrow()).id);

describe('undo an import', () => {
  it('restores the previous state exactly (compare exports); the claim stays; its conflict is closed', async () => {
    await importCsv(['u1,Ван-Си-Сян,1888,прачка,a', 'u2,Ли-Фу,1890,грузчик,b', 'u3,Чжан-Мин,1900,,c']);
    const made = await request(app).post(`/api/records/${await idOf('u2')}/corrections`).send({ kind: 'field', field: 'birthYear', value: '1891', evidence: 'passport' }).expect(201);
    await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({}).expect(200);
    const before = await exported('undo');

    const bad = await importCsv(['u1,Ван-Си-Сян,1888,повар,a2', 'u2,Ли-Фу,1895,кули,b', 'u3,Чжан-Мин,1900,,c', 'u4,Ли-Сан,1901,,d', 'u5,Ван-Фу,1902,,e']);
    expect(bad).toMatchObject({ inserted: 2, updated: 2, unchanged: 1, conflicts: 1 });
    expect(await exported('undo')).not.toEqual(before);

    const undo = await request(app).post(`/api/imports/${bad.jobId}/undo`).set(staff()).expect(200);
    expect(undo.body).toMatchObject({ removed: 2, restored: 2, conflicts: 0, status: 'undone', jobId: expect.any(Number) });
    expect(await exported('undo')).toEqual(before);
    expect((await request(app).get(`/api/records/${await idOf('u2')}`).expect(200)).body.record).toMatchObject({ birthYear: 1891, sourceValues: { birthYear: 1890 } });
    expect((await request(app).get('/api/conflicts?status=open').set(staff()).expect(200)).body.conflicts).toEqual([]);

    const [target, undoJob] = await Promise.all([findJob(database.db, bad.jobId), findJob(database.db, undo.body.jobId)]);
    expect(target).toMatchObject({ status: 'undone' });
    expect(undoJob).toMatchObject({ kind: 'undo', status: 'succeeded' });
    expect(Number(undoJob!.undoes_job_id)).toBe(bad.jobId);
    // The undo has its events, and the same file imported again brings the same changes back.
    const history = (await request(app).get(`/api/records/${await idOf('u1')}/history`).expect(200)).body.events;
    expect(history.at(-1)).toMatchObject({ kind: 'record.updated', reason: `undo of import ${bad.jobId}`, data: { importJob: undo.body.jobId, new: { occupation: 'прачка' } } });
    await request(app).post(`/api/imports/${bad.jobId}/undo`).set(staff()).expect(409);
    await request(app).post(`/api/imports/${undo.body.jobId}/undo`).set(staff()).expect(400);
    await request(app).post(`/api/imports/${bad.jobId}/undo`).expect(401);
    expect(await importCsv(['u1,Ван-Си-Сян,1888,повар,a2', 'u4,Ли-Сан,1901,,d'])).toMatchObject({ inserted: 1, updated: 1 });
  });

  it('never overwrites later work: what a later import or a correction changed is kept and reported', async () => {
    await importCsv(['v1,Ван-Сан,1880,прачка,', 'v2,Ли-Тин,1881,,'], { source: 'later' });
    const job = await importCsv(['v1,Ван-Сан,1880,повар,', 'v2,Ли-Тин,1881,,', 'v3,Чжан-Фу,1882,,'], { source: 'later' });
    await importCsv(['v1,Ван-Сан,1880,кули,', 'v2,Ли-Тин,1881,,', 'v3,Чжан-Фу,1882,,'], { source: 'later' });
    const made = await request(app).post(`/api/records/${await idOf('v3', 'later')}/corrections`).send({ kind: 'field', field: 'occupation', value: 'портной', evidence: 'letters' }).expect(201);
    await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({}).expect(200);

    const undo = await request(app).post(`/api/imports/${job.jobId}/undo`).set(staff()).expect(200);
    expect(undo.body).toMatchObject({ removed: 0, restored: 0, conflicts: 2, status: 'undone' });
    expect(undo.body.details).toEqual(
      expect.arrayContaining([
        { recordId: await idOf('v1', 'later'), field: 'occupation', reason: 'changed again after this import: kept' },
        { recordId: await idOf('v3', 'later'), field: null, reason: 'inserted by this import, then changed or corrected later: kept' },
      ]),
    );
    expect((await request(app).get(`/api/records/${await idOf('v1', 'later')}`).expect(200)).body.record.occupation).toBe('кули');
    expect((await request(app).get(`/api/records/${await idOf('v3', 'later')}`).expect(200)).body.record.occupation).toBe('портной');
  });

  it('the CLI: import --json names the job, import undo JOB_ID --json prints the undo summary', async () => {
    const file = path.join(dataDir, 'cli.csv');
    fs.writeFileSync(file, `${HEADER}\nw1,Ван-Мин,1890,,x\n`);
    const imported = await runNode(['src/cli/main.ts', 'import', file, '--source', 'cli-undo', '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const { jobId } = JSON.parse(imported.stdout.trim().split('\n').at(-1)!);
    const undone = await runNode(['src/cli/main.ts', 'import', 'undo', String(jobId), '--json'], env);
    expect(undone.code, undone.stderr).toBe(0);
    expect(JSON.parse(undone.stdout.trim().split('\n').at(-1)!)).toEqual({ jobId: expect.any(Number), removed: 1, restored: 0, conflicts: 0, status: 'undone' });
    const again = await runNode(['src/cli/main.ts', 'import', 'undo', String(jobId)], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Import ${jobId} is already undone`);
  }, 180_000);
});
