import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GENERATED_COLUMNS, generateRecordRows } from '../../bench/generate-records.ts';
import type { Database } from '../../src/db/database.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { runNode } from '../helpers/processes.ts';
import { createTestDatabase, testBackend } from '../helpers/test-database.ts';

/**
 * The SIGKILL matrix (issue 11, point 7): the CLI import of a 100,000-row file
 * is killed with SIGKILL during parsing, inside a batch's transaction (records
 * COPYed, events not yet) and during the duplicate check — each run picking up
 * where the last left off — and then run to the end. The sorted
 * `export --format jsonl` equals a clean import's (ids, versions, job ids and
 * timestamps aside), and no job stays running. The kills are aimed with
 * NB_CRASH_AT (src/shared/crash-point.ts): the process really receives SIGKILL.
 *
 * PostgreSQL only: the embedded PGlite keeps its data in the process that is
 * killed, so there is no crash-safe store to test there.
 */
const ROWS = 100_000;
const postgres = testBackend() === 'postgres';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-crash-'));
const file = path.join(dir, 'records.csv');
let crashed: Database;
let clean: Database;
let crashedEnv: NodeJS.ProcessEnv;
let cleanEnv: NodeJS.ProcessEnv;

async function envOf(database: Database): Promise<NodeJS.ProcessEnv> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') throw new Error('PostgreSQL only');
  return { DATABASE_URL: withDatabase(testDb.adminUrl, rows[0]!.name), LOG_LEVEL: 'warn' };
}

beforeAll(async () => {
  if (!postgres) return;
  [crashed, clean] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  [crashedEnv, cleanEnv] = await Promise.all([envOf(crashed), envOf(clean)]);
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [GENERATED_COLUMNS.join(',')];
  for (const row of generateRecordRows(ROWS, 7)) lines.push(GENERATED_COLUMNS.map((c) => quote(row[c])).join(','));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await Promise.all([crashed?.close(), clean?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const importFile = (env: NodeJS.ProcessEnv, crashAt?: string) =>
  runNode(['src/cli/main.ts', 'import', file, '--source', 'matrix', '--json'], crashAt ? { ...env, NB_CRASH_AT: crashAt } : env);

/** The export, sorted, without what each database assigns (ids, versions, times). */
async function exported(env: NodeJS.ProcessEnv): Promise<string[]> {
  const r = await runNode(['src/cli/main.ts', 'export', '--format', 'jsonl'], env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(line);
      return JSON.stringify(rest);
    })
    .sort();
}

const recordCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM records`.execute(crashed.db)).rows[0]!.n);

describe('SIGKILL during a CLI import, then the import again', () => {
  it.skipIf(!postgres)('ends with the export of a clean import, and no job left running', async () => {
    const cleanRun = importFile(cleanEnv);
    let before = 0;
    for (const point of ['parse:30000', 'batch:3', 'duplicates:3']) {
      const killed = await importFile(crashedEnv, point);
      process.stderr.write(`[crash matrix] ${new Date().toISOString()} ${point}: ${killed.signal}, ${await recordCount()} records\n`);
      expect(killed.signal, `${point}: ${killed.stderr}`).toBe('SIGKILL');
      const now = await recordCount();
      // Whole batches only (5,000 rows each), and each run got further.
      expect(now % 5_000, point).toBe(0);
      expect(now, point).toBeGreaterThanOrEqual(before);
      expect(now, point).toBeLessThan(ROWS);
      before = now;
    }
    expect(before).toBeGreaterThan(0);
    const last = await importFile(crashedEnv);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout.trim().split('\n').at(-1)!)).toMatchObject({ inserted: ROWS - before, unchanged: before, invalid: 0 });
    expect((await cleanRun).code).toBe(0);

    const [mine, theirs] = await Promise.all([exported(crashedEnv), exported(cleanEnv)]);
    expect(mine.length).toBe(ROWS);
    expect(mine).toEqual(theirs);
    const jobs = await crashed.db.selectFrom('import_jobs').select(['status']).orderBy('id').execute();
    expect(jobs.map((j) => j.status)).toEqual(['failed', 'failed', 'failed', 'succeeded']);
    const events = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM record_events`.execute(crashed.db)).rows[0]!.n);
    expect(events).toBe(ROWS);
  }, 900_000);
});
