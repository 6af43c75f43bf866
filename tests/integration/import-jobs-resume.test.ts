import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob, insertJob } from '../../src/imports/import-jobs.repository.ts';
import { JOB_OWNER } from '../../src/imports/import.service.ts';
import { importRunner, startImports, stopImportRunner } from '../../src/imports/import.runner.ts';
import { authHeader, createTestApp, seedUser, type TestApp } from '../helpers/test-app.ts';
import { testBackend } from '../helpers/test-database.ts';

/**
 * A server stopping (SIGTERM) hands its running upload back, and the next
 * start's sweep resumes it and clears the spool of orphans. In process: the
 * runner is stopped and started again as src/main.ts does.
 */
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = (await seedUser(t.database)).token;
});
afterAll(() => t.close());

const spoolDir = () => path.join(t.ctx.config.DATA_DIR, 'spool');
const spooled = () => (fs.existsSync(spoolDir()) ? fs.readdirSync(spoolDir()).sort() : []);

function csv(rows: number): string {
  const lines = ['external_id,full_name,birth_year'];
  for (let i = 0; i < rows; i++) lines.push(`r-${i},Ван-Си-${['Сян', 'Фу', 'Мин', 'Лин'][i % 4]},${1880 + (i % 40)}`);
  return lines.join('\n') + '\n';
}

describe('stopping and starting the import runner', () => {
  it('hands the running job back on stop (still running, no owner, file kept); the next start resumes it and removes orphans', { timeout: 300_000 }, async () => {
    // More than one batch of 5,000 (fewer on PGlite, which imports in this very thread).
    const rows = testBackend() === 'postgres' ? 15_000 : 6_000;
    const res = await request(t.app).post('/api/imports?source=resume').set('Authorization', authHeader({ token })).set('Content-Type', 'text/csv').send(csv(rows)).expect(202);
    const id = res.body.job.id as number;
    await expect.poll(async () => (await findJob(t.database.db, id))!.inserted, { timeout: 120_000, interval: 100 }).toBeGreaterThan(0);
    await stopImportRunner(t.database);
    const handedBack = (await findJob(t.database.db, id))!;
    expect(handedBack).toMatchObject({ status: 'running', pid: null });
    expect(handedBack.inserted).toBeLessThan(rows);
    expect(spooled()).toEqual([handedBack.spool_file]);

    // Leftovers: a file whose writer is gone, and one a live process (the test runner's parent) is still writing.
    const orphan = '999999999-aaaaaaaaaaaa.csv';
    const inFlight = `${process.ppid}-bbbbbbbbbbbb.csv`;
    fs.writeFileSync(path.join(spoolDir(), orphan), 'x');
    fs.writeFileSync(path.join(spoolDir(), inFlight), 'x');

    const swept = await importRunner(t.ctx).sweep();
    expect(swept).toMatchObject({ resumed: [id], failed: [], removed: [orphan] });
    await startImports(t.ctx, { sweep: false, run: true });
    await expect.poll(async () => (await findJob(t.database.db, id))!.status, { timeout: 180_000, interval: 200 }).toBe('succeeded');
    const job = (await findJob(t.database.db, id))!;
    expect(job).toMatchObject({ attempts: 2, rows_read: rows, invalid: 0, updated: 0 });
    expect(job.inserted + job.unchanged).toBe(rows);
    await expect.poll(spooled, { timeout: 10_000 }).toEqual([inFlight]);
    fs.rmSync(path.join(spoolDir(), inFlight));
    const records = await t.database.db.selectFrom('records').select(['version']).where('source', '=', 'resume').execute();
    expect(records).toHaveLength(rows);
    expect(records.every((r) => r.version === 1)).toBe(true);
  });

  it('fails an unfinished upload whose file is gone from the spool, and leaves one whose file is there', { timeout: 120_000 }, async () => {
    await stopImportRunner(t.database);
    const job = (spoolFile: string) =>
      insertJob(t.database.db, { source: 'gone', fileName: 'g.csv', actor: 'cli', dryRun: true, strict: false, bytesTotal: 1, ...JOB_OWNER, pid: 999_999_999, spoolFile });
    const gone = await job('999999999-cccccccccccc.csv');
    const kept = '999999999-dddddddddddd.csv';
    fs.mkdirSync(spoolDir(), { recursive: true });
    fs.writeFileSync(path.join(spoolDir(), kept), 'full_name\nВан\n');
    const waiting = await job(kept);
    const swept = await importRunner(t.ctx).sweep();
    expect(swept).toMatchObject({ resumed: [waiting], failed: [gone], removed: [] });
    expect(await findJob(t.database.db, gone)).toMatchObject({ status: 'failed', file_error: expect.stringMatching(/no longer in the spool/) });
    expect((await findJob(t.database.db, waiting))!.status).toBe('queued');
    expect(spooled()).toEqual([kept]);
  });
});
