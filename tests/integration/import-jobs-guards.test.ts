import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import {
  claimNextQueuedJob,
  failJobs,
  findJob,
  finishJob,
  insertJob,
  markJobRunning,
  releaseJob,
  saveJobProgress,
  takeOverJob,
  type JobProgress,
} from '../../src/imports/import-jobs.repository.ts';
import { createTestDatabase, testBackend } from '../helpers/test-database.ts';

/**
 * import_jobs status transitions are guarded in SQL: queued → running →
 * succeeded|failed, a finished job never runs again, and only the owner of a
 * running job moves it on (issue 11: a job reaped by one host must not be
 * brought back by another). Migration 0007's trigger is the backstop.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const me = { pid: 1111, host: 'host-a' };
const other = { pid: 2222, host: 'host-b' };
const progress: JobProgress = { rowsRead: 1, inserted: 1, updated: 0, unchanged: 0, invalid: 0, duplicates: 0, bytesRead: 10, bytesTotal: 10, warnings: [], errors: [], errorsTotal: 0, duplicateSample: [] };
const done = { status: 'succeeded' as const, exitCode: 0, fileError: null, progress };

async function newJob(spoolFile: string | null = null): Promise<number> {
  return insertJob(database.db, { source: 's', fileName: 'f.csv', actor: 'cli', dryRun: false, strict: false, bytesTotal: 10, ...me, spoolFile });
}
const statusOf = async (id: number) => (await findJob(database.db, id))!.status;

describe('import_jobs status guards', () => {
  it('queued → running once; only the owner saves progress and finishes; a finished job never runs again', async () => {
    const id = await newJob();
    expect(await markJobRunning(database.db, id, me)).toBe(true);
    expect(await markJobRunning(database.db, id, other)).toBe(false);
    expect(await saveJobProgress(database.db, id, other, progress)).toBe(false);
    expect(await saveJobProgress(database.db, id, me, progress)).toBe(true);
    expect(await finishJob(database.db, id, other, done)).toBe(false);
    expect(await statusOf(id)).toBe('running');
    expect(await finishJob(database.db, id, me, done)).toBe(true);
    expect(await statusOf(id)).toBe('succeeded');
    // Nothing brings it back or changes its outcome.
    expect(await markJobRunning(database.db, id, me)).toBe(false);
    expect(await takeOverJob(database.db, id, me, other)).toBe(false);
    expect(await finishJob(database.db, id, me, { ...done, status: 'failed', exitCode: 2 })).toBe(false);
    expect(await failJobs(database.db, [{ id, ...me }], 'reaped')).toEqual([]);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'succeeded', exit_code: 0, attempts: 1 });
  });

  it('a reaped (failed) job is not brought back by its old owner, nor finished as succeeded', async () => {
    const id = await newJob();
    await markJobRunning(database.db, id, me);
    expect(await failJobs(database.db, [{ id, ...me }], 'owner gone')).toEqual([id]);
    expect(await saveJobProgress(database.db, id, me, progress)).toBe(false);
    expect(await finishJob(database.db, id, me, done)).toBe(false);
    expect(await markJobRunning(database.db, id, me)).toBe(false);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'failed', file_error: 'owner gone' });
  });

  it('failJobs leaves a job that another process took over meanwhile', async () => {
    const id = await newJob();
    await markJobRunning(database.db, id, me);
    expect(await takeOverJob(database.db, id, me, other)).toBe(true);
    expect(await failJobs(database.db, [{ id, ...me }], 'stale view')).toEqual([]);
    expect(await statusOf(id)).toBe('running');
  });

  it('a running job is taken over once, from the owner that was seen; a released one from no owner', async () => {
    const id = await newJob();
    await markJobRunning(database.db, id, me);
    expect(await takeOverJob(database.db, id, me, other)).toBe(true);
    expect(await takeOverJob(database.db, id, me, { pid: 3333, host: 'host-c' })).toBe(false);
    expect(await releaseJob(database.db, id, me)).toBe(false);
    expect(await releaseJob(database.db, id, other)).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'running', pid: null, host: 'host-b', attempts: 2 });
    expect(await takeOverJob(database.db, id, { pid: null, host: 'host-b' }, me)).toBe(true);
    expect(await finishJob(database.db, id, me, done)).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('the trigger refuses any other writer that sends a job back', async () => {
    const finished = await newJob();
    await markJobRunning(database.db, finished, me);
    await finishJob(database.db, finished, me, done);
    await expect(sql`UPDATE import_jobs SET status = 'running' WHERE id = ${finished}`.execute(database.db)).rejects.toThrow(/cannot go from succeeded back to running/);
    await expect(sql`UPDATE import_jobs SET status = 'queued' WHERE id = ${finished}`.execute(database.db)).rejects.toThrow(/back to queued/);
    const running = await newJob();
    await markJobRunning(database.db, running, me);
    await expect(sql`UPDATE import_jobs SET status = 'queued' WHERE id = ${running}`.execute(database.db)).rejects.toThrow(/from running back to queued/);
    // Forward moves are untouched.
    await sql`UPDATE import_jobs SET status = 'failed' WHERE id = ${running}`.execute(database.db);
    expect(await statusOf(running)).toBe('failed');
  });
});

describe('the embedded queue claim (FOR UPDATE SKIP LOCKED over import_jobs)', () => {
  it('claims queued uploads oldest first, one per call, never a CLI job or a running one', async () => {
    await sql`UPDATE import_jobs SET status = 'failed' WHERE status IN ('queued', 'running')`.execute(database.db);
    await newJob(null); // a CLI job: never the queue's
    const a = await newJob('1-aaaaaaaaaaaa.csv');
    const b = await newJob('1-bbbbbbbbbbbb.csv');
    expect(await claimNextQueuedJob(database.db, me)).toBe(a);
    expect(await claimNextQueuedJob(database.db, me)).toBe(b);
    expect(await claimNextQueuedJob(database.db, me)).toBeUndefined();
    expect(await findJob(database.db, a)).toMatchObject({ status: 'running', pid: me.pid, host: me.host });
  });

  it.skipIf(testBackend() !== 'postgres')('skips a job another transaction holds (PostgreSQL: PGlite has one connection)', async () => {
    const a = await newJob('1-cccccccccccc.csv');
    const b = await newJob('1-dddddddddddd.csv');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = database.db.transaction().execute(async (trx) => {
      await sql`SELECT id FROM import_jobs WHERE id = ${a} FOR UPDATE`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    try {
      expect(await claimNextQueuedJob(database.db, other)).toBe(b);
    } finally {
      release();
      await holder;
    }
    expect(await claimNextQueuedJob(database.db, other)).toBe(a);
  });
});
