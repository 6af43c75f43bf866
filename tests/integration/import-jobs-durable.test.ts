import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../src/auth/accounts.service.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { startLogged, type LoggedProcess } from '../helpers/processes.ts';
import { createPostgresCopy, testBackend } from '../helpers/test-database.ts';

/**
 * A web import survives SIGKILL of the server (issue 11): two uploads, the
 * first killed mid-import (some batches committed), the second still queued.
 * The next server start finishes both, with what an uninterrupted run writes:
 * every row once, version 1, one insert event each; importing the file again
 * changes nothing. On PostgreSQL the jobs go through pg-boss, on PGlite through
 * import_jobs itself.
 */
/** Several batches of 5,000, so the kill finds some committed and some not (fewer on PGlite, which imports in the server's own thread). */
const ROWS = testBackend() === 'postgres' ? 40_000 : 12_000;
const SURNAMES = ['Ван', 'Ли', 'Чжан', 'Лю', 'Чен', 'Ян', 'Хуан', 'Чжао'];
const SYLLABLES = ['Си', 'Сян', 'Фу', 'Мин', 'Шань', 'Лин', 'Дэ', 'Чун', 'Хуа', 'Юй'];

function csv(rows: number, tag: string): string {
  const lines = ['external_id,full_name,birth_year,birthplace'];
  for (let i = 0; i < rows; i++) {
    const name = `${SURNAMES[i % 8]}-${SYLLABLES[Math.floor(i / 8) % 10]}-${SYLLABLES[Math.floor(i / 80) % 10]}`;
    lines.push(`${tag}-${i},${name},${1880 + (i % 40)},Шаньдун`);
  }
  return lines.join('\n') + '\n';
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Server extends LoggedProcess {
  base: string;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const started = startLogged(['src/main.ts'], { PORT: '0', HOST: '127.0.0.1', SEED: 'false', WORKERS: '1', ...env });
  cleanups.push(() => void started.child.kill('SIGKILL'));
  const until = Date.now() + 90_000;
  for (;;) {
    const port = /"port":(\d+)[^\n]*"msg":"listening"/.exec(started.logs());
    if (port) return { ...started, base: `http://127.0.0.1:${port[1]}` };
    if (Date.now() > until || started.child.exitCode !== null) throw new Error(`the server did not start:\n${started.logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Job = { id: number; status: string; attempts: number; progress: { rowsRead: number }; report: { inserted: number; updated: number; unchanged: number; invalid: number } };

async function getJob(server: Server, token: string, id: number): Promise<Job> {
  // A kept-alive connection can be closed by the server as it is reused (its idle timer fires late while PGlite imports): ask again.
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${server.base}/api/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { job: Job }).job;
    } catch (err) {
      if (attempt >= 5 || !(err instanceof TypeError)) throw err;
    }
  }
}

async function waitFor(server: Server, token: string, id: number, done: (job: Job) => boolean, seconds = 180): Promise<Job> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const job = await getJob(server, token, id);
    if (done(job)) return job;
    if (Date.now() > until) throw new Error(`job ${id} stayed ${job.status}:\n${server.logs().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function upload(server: Server, token: string, body: string, source: string): Promise<number> {
  const res = await fetch(`${server.base}/api/imports?source=${source}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
  expect(res.status).toBe(202);
  return ((await res.json()) as { job: { id: number } }).job.id;
}

/** The database the servers use, opened while no server runs (PGlite admits one process), for set-up and checks. */
async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR!, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

describe('durable web imports', () => {
  it('a server killed with SIGKILL during a running and a queued web import finishes both after it starts again', { timeout: 600_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-durable-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, DATABASE_URL: '' };
    if (testBackend() === 'postgres') {
      const copy = await createPostgresCopy();
      cleanups.push(copy.drop);
      env.DATABASE_URL = copy.url;
    }
    const token = await withDatabase(env, async (database) => {
      await createUser(database.db, { email: 'archivist@example.org', password: 'a long test password', role: 'archivist' });
      return createApiToken(database.db, 'archivist@example.org');
    });
    const first = csv(ROWS, 'a');
    const second = csv(2_000, 'b');
    const spooled = () => fs.readdirSync(path.join(dataDir, 'spool')).sort();

    const server = await startServer(env);
    const a = await upload(server, token, first, 'durable-a');
    const b = await upload(server, token, second, 'durable-b');
    // Killed once at least one batch of the first is committed, the second still waiting behind it.
    await waitFor(server, token, a, (job) => job.status === 'running' && job.report.inserted > 0);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(spooled()).toHaveLength(2);

    const before = await withDatabase(env, async ({ db }) => {
      const jobs = await db.selectFrom('import_jobs').select(['id', 'status', 'inserted']).orderBy('id').execute();
      return jobs.map((j) => ({ id: Number(j.id), status: j.status, inserted: j.inserted }));
    });
    expect(before.map((j) => j.status)).toEqual(['running', 'queued']);
    expect(before[0]!.inserted).toBeGreaterThan(0);
    expect(before[0]!.inserted).toBeLessThan(ROWS);

    const again = await startServer(env);
    const jobA = await waitFor(again, token, a, (job) => job.status !== 'queued' && job.status !== 'running');
    const jobB = await waitFor(again, token, b, (job) => job.status !== 'queued' && job.status !== 'running');
    expect(jobA).toMatchObject({ status: 'succeeded', attempts: 2, progress: { rowsRead: ROWS }, report: { invalid: 0, updated: 0 } });
    // Rows committed before the kill come back unchanged in the resumed run.
    expect(jobA.report.inserted + jobA.report.unchanged).toBe(ROWS);
    expect(jobA.report.unchanged).toBeGreaterThanOrEqual(before[0]!.inserted);
    expect(jobB).toMatchObject({ status: 'succeeded', attempts: 1, report: { inserted: 2_000, invalid: 0 } });
    // Each file is removed just after its job is marked finished (never before: a crash in between must find it).
    await expect.poll(spooled, { timeout: 10_000 }).toEqual([]);

    // The same file again, uninterrupted: nothing to change — the state is what a clean run writes.
    const c = await upload(again, token, first, 'durable-a');
    expect(await waitFor(again, token, c, (job) => job.status === 'succeeded')).toMatchObject({ report: { inserted: 0, updated: 0, unchanged: ROWS } });
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);

    await withDatabase(env, async ({ db }) => {
      const { rows } = await sql<{ source: string; n: string; max_version: number; events: string }>`
        SELECT r.source, count(*) AS n, max(r.version) AS max_version,
               (SELECT count(*) FROM record_events e JOIN records r2 ON r2.id = e.record_id WHERE r2.source = r.source AND e.kind = 'record.inserted') AS events
        FROM records r GROUP BY r.source ORDER BY r.source`.execute(db);
      expect(rows.map((r) => ({ source: r.source, n: Number(r.n), maxVersion: Number(r.max_version), events: Number(r.events) }))).toEqual([
        { source: 'durable-a', n: ROWS, maxVersion: 1, events: ROWS },
        { source: 'durable-b', n: 2_000, maxVersion: 1, events: 2_000 },
      ]);
      const unfinished = await db.selectFrom('import_jobs').select('id').where('status', 'in', ['queued', 'running']).execute();
      expect(unfinished).toEqual([]);
    });
  });
});
