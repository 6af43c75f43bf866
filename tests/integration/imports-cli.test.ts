import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GENERATED_COLUMNS, generateRecordRows } from '../../bench/generate-records.ts';
import type { Database } from '../../src/db/database.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { collect, runNode, startNode } from '../helpers/processes.ts';
import { createTestDatabase, POSTGRES_ONLY, testBackend } from '../helpers/test-database.ts';

/**
 * `npm run cli -- import` as a real process: exit codes, the --json summary
 * line, and a process killed mid-import. On PostgreSQL the child uses this
 * file's database; on PGlite it gets an embedded data directory of its own.
 */
let database: Database;
let env: NodeJS.ProcessEnv;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-import-cli-'));

beforeAll(async () => {
  database = await createTestDatabase();
  const testDb = inject('testDb');
  if (testDb.backend === 'postgres') {
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
    env = { DATABASE_URL: withDatabase(testDb.adminUrl, rows[0]!.name), LOG_LEVEL: 'warn' };
  } else {
    env = { DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  }
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runNode(['src/cli/main.ts', 'import', ...args], env);
const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);
const bad = (name: string) => `tests/fixtures/imports/${name}`;

describe('namebridge import (exit codes)', () => {
  it('exits 0 when every row is valid, with the --json summary as the last line of stdout', async () => {
    const r = await cli(bad('tab.tsv'), '--source', 'cli-tab', '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = lastLine(r.stdout);
    expect(Object.keys(summary)).toEqual(['jobId', 'inserted', 'updated', 'unchanged', 'invalid', 'duplicates', 'warnings', 'errors', 'errorsTotal', 'seconds', 'rowsPerSecond', 'path']);
    expect(summary).toEqual({
      jobId: expect.any(Number), inserted: 2, updated: 0, unchanged: 0, invalid: 0, duplicates: 0, warnings: [], errors: [], errorsTotal: 0,
      seconds: expect.any(Number), rowsPerSecond: expect.any(Number), path: 'rows',
    });
    // The rate is the rows over the command's own time.
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary.rowsPerSecond).toBe(Math.round(2 / summary.seconds));
  });

  it('exits 1 when some rows are invalid (the valid ones written), and 1 with --strict (nothing written)', async () => {
    const r = await cli(bad('bad-years.csv'), '--source', 'cli-years', '--json');
    expect(r.code, r.stderr).toBe(1);
    expect(lastLine(r.stdout)).toMatchObject({ inserted: 2, invalid: 4, errorsTotal: 4, errors: expect.arrayContaining([{ line: 3, column: 'birth_year', message: '"189O" is not a four-digit year' }]) });
    const strict = await cli(bad('bad-years.csv'), '--source', 'cli-years-strict', '--strict', '--json');
    expect(strict.code).toBe(1);
    expect(lastLine(strict.stdout)).toMatchObject({ inserted: 0, invalid: 4 });
  });

  it('a quote never closed before 9 million characters: one row error, and the bounded heap holds', async () => {
    const file = path.join(dataDir, 'unclosed.csv');
    fs.writeFileSync(file, `external_id,full_name,biography\n1,Ли-Сан,ok\n2,Ван-Си-Сян,"${'а'.repeat(9_000_000)}\n3,Ли-Сан,swallowed\n`);
    const r = await cli(file, '--source', 'cli-unclosed', '--json');
    expect(r.code, r.stderr).toBe(1);
    expect(lastLine(r.stdout)).toMatchObject({
      inserted: 1,
      invalid: 1,
      errors: [{ line: 3, column: null, message: expect.stringMatching(/^the record starting on line 3 is larger than 8,388,608 characters/) }],
    });
  });

  it('exits 2 on a file-level error, saying why on stderr', async () => {
    const r = await cli(bad('binary.xlsx'), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not text: it contains a NUL byte/);
    expect(lastLine(r.stdout)).toMatchObject({ inserted: 0, errors: [{ line: 0, column: null, message: expect.stringMatching(/NUL byte/) }], errorsTotal: 1 });
    const missing = await cli('no/such/file.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read no\/such\/file.csv: no such file/);
    const badMap = await cli(bad('tab.tsv'), '--map', 'full_name=nonsense');
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toMatch(/--map "full_name=nonsense"/);
  });

  it('prints a readable report without --json', async () => {
    const r = await cli(bad('repeated-ids.csv'), '--source', 'cli-repeat');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/rows 3: inserted 2, updated 0, unchanged 0, invalid 1/);
    expect(r.stdout).toMatch(/line 4, column "external_id": external id "r-1" repeats the row on line 2/);
  });
});

describe.skipIf(testBackend() !== 'postgres')(`${POSTGRES_ONLY} (COPY by a separate process): a process killed mid-import`, () => {
  it('leaves committed batches consistent and the job running; the next import marks it failed and completes the file', async () => {
    const file = path.join(dataDir, 'kill.csv');
    const rows = [...generateRecordRows(3000, 11)];
    fs.writeFileSync(file, [GENERATED_COLUMNS.join(','), ...rows.map((r) => GENERATED_COLUMNS.map((c) => `"${r[c].replace(/"/g, '""')}"`).join(','))].join('\n'));
    const child = startNode(['src/cli/main.ts', 'import', file, '--source', 'killed', '--batch-size', '50', '--json'], env);
    const done = collect(child);
    let committed = 0;
    for (let i = 0; i < 600 && committed === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const job = await database.db.selectFrom('import_jobs').select(['inserted']).where('source', '=', 'killed').executeTakeFirst();
      committed = job?.inserted ?? 0;
    }
    child.kill('SIGKILL');
    await done;
    const job = await database.db.selectFrom('import_jobs').selectAll().where('source', '=', 'killed').executeTakeFirstOrThrow();
    expect(job.status).toBe('running');
    const counts = await sql<{ records: number; events: number }>`
      SELECT (SELECT count(*)::int FROM records WHERE source = 'killed') AS records,
             (SELECT count(*)::int FROM record_events e JOIN records r ON r.id = e.record_id WHERE r.source = 'killed') AS events`.execute(database.db);
    const { records, events } = counts.rows[0]!;
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThan(3000);
    expect(records % 50).toBe(0); // whole batches only
    expect(events).toBe(records);

    const rerun = await cli(file, '--source', 'killed', '--json');
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(lastLine(rerun.stdout)).toMatchObject({ inserted: 3000 - records, unchanged: records, invalid: 0 });
    const after = await database.db.selectFrom('import_jobs').select(['status', 'file_error']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'failed', file_error: expect.stringMatching(/importing process stopped/) });
  });
});
