import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { runImport } from '../../src/imports/import.service.ts';
import { linkPending, runLinking } from '../../src/links/link-run.service.ts';
import { linkJobs, stopLinkJobs } from '../../src/links/link-jobs.ts';
import { countPending } from '../../src/links/link-pending.repository.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { runNode } from '../helpers/processes.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * Proposing links as it runs for real: an import's rows marked with it and
 * linked by a job after it commits (recovered at start after a crash),
 * automatic confirmation above LINK_AUTO_CONFIRM_SCORE, and `namebridge link
 * --json` as a process, resumable and per source.
 */

let database: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-links-'));
const HEADER = 'external_id,full_name,birth_year,birthplace,executed_on\n';

function csv(name: string, rows: string[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, HEADER + rows.join('\n') + '\n');
  return file;
}
const importFile = (file: string, source: string, links?: { autoConfirmScore?: number } | false) =>
  runImport(database, { open: () => fs.createReadStream(file), fileName: path.basename(file), actor: 'test', source, workers: 0, ...(links !== undefined ? { links } : {}) });
const links = () => database.db.selectFrom('record_links').selectAll().orderBy('id').execute();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await stopLinkJobs(database);
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('link proposals as imports run', () => {
  it('an import marks its rows and queues a link job; the job proposes links against earlier imports', async () => {
    await importFile(csv('moscow.csv', ['m1,Ван-Си-Сян,1888,"Китай, г. Шаньдун а",10.09.1938', 'm2,Ли-Фу,1890,Китай,']), 'Moscow');
    await linkPending(database.db);
    expect(await links()).toEqual([]);
    const report = await importFile(csv('book.csv', ['b1,Ван Си Сян,1888,пров. Шаньдун,', 'b2,Ли Фу,1899,Китай,']), 'Book');
    expect(report.inserted).toBe(2);
    // Marked in the import's own transactions: nothing is linked until a job runs.
    expect(await countPending(database.db)).toBe(2);
    expect(await links()).toEqual([]);
    expect(await linkPending(database.db)).toEqual({ pairsScored: 1, records: 2 });
    expect(await countPending(database.db)).toBe(0);
    const stored = await links();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.status).toBe('proposed');
    expect(stored[0]!.score).toBeGreaterThan(0.9);
    // Importing the same file again changes no row: nothing is marked, no duplicate proposal.
    await importFile(csv('book.csv', ['b1,Ван Си Сян,1888,пров. Шаньдун,', 'b2,Ли Фу,1899,Китай,']), 'Book');
    expect(await countPending(database.db)).toBe(0);
    expect(await links()).toHaveLength(1);
  });

  it('a crash after the import committed loses no linking: the marks are there for the next start', async () => {
    // The import commits and its process dies before any job ran (simulated: no job is run here).
    await importFile(csv('crash.csv', ['x1,Ли-Фу,1899,Китай,']), 'Crash list', false);
    expect(await countPending(database.db)).toBe(1);
    // What a server start does: marks left over get a job, which links them.
    const jobs = linkJobs(database, createLogger('silent'));
    await jobs.start();
    await expect.poll(() => countPending(database.db), { timeout: 20_000, interval: 200 }).toBe(0);
    await stopLinkJobs(database);
    expect((await links()).some((l) => l.score >= 0.8)).toBe(true);
  });

  it('LINK_AUTO_CONFIRM_SCORE confirms strong proposals, marked automatic, with an event on both records', async () => {
    await importFile(csv('family.csv', ['f1,王希祥,1888,山东,']), 'Family list', { autoConfirmScore: 0.95 });
    await linkPending(database.db, { autoConfirmScore: 0.95 });
    const auto = (await links()).filter((l) => l.automatic);
    expect(auto.length).toBe(2);
    expect(auto.every((l) => l.status === 'confirmed' && l.decided_by === 'system:link')).toBe(true);
    const persons = await database.db.selectFrom('record_persons').select(['person_id']).distinct().execute();
    expect(persons).toHaveLength(1);
    const events = await database.db.selectFrom('record_events').select(['kind']).where('kind', '=', 'link.auto_confirmed').execute();
    expect(events).toHaveLength(4);
  });
});

describe('namebridge link', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const testDb = inject('testDb');
    if (testDb.backend !== 'postgres') return;
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
    env = { DATABASE_URL: withDatabase(testDb.adminUrl, rows[0]!.name), LOG_LEVEL: 'warn' };
  });

  // The child process needs its own connection to this file's database: PostgreSQL only.
  it.skipIf(inject('testDb').backend !== 'postgres')('prints {pairsScored, proposed, seconds}, resumes, and takes one source', async () => {
    await runImport(database, { open: () => fs.createReadStream(csv('camp.csv', ['c1,Ван Си-Сян,1889,Шаньдун,02.03.1938'])), fileName: 'camp.csv', actor: 'test', source: 'Camp cards', workers: 0, links: false });
    const first = await runNode(['src/cli/main.ts', 'link', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout.trim());
    expect(Object.keys(result).sort()).toEqual(['pairsScored', 'proposed', 'seconds']);
    expect(result.pairsScored).toBeGreaterThanOrEqual(4);
    expect(result.proposed).toBe((await links()).filter((l) => l.status === 'proposed').length);
    const again = JSON.parse((await runNode(['src/cli/main.ts', 'link', '--json'], env)).stdout.trim());
    expect(again.pairsScored).toBe(0);
    const source = JSON.parse((await runNode(['src/cli/main.ts', 'link', '--json', '--source', 'Camp cards'], env)).stdout.trim());
    expect(source.pairsScored).toBe(3);
    expect((await runNode(['src/cli/main.ts', 'link', '--batch-size', 'x'], env)).code).toBe(2);
  });

  it('a run in small batches finds the same pairs as one batch', async () => {
    const before = (await links()).map((l) => `${l.record_a}:${l.record_b}:${l.score}`);
    const small = await runLinking(database.db, { batchSize: 1, restart: true });
    expect(small.pairsScored).toBeGreaterThan(0);
    expect((await links()).map((l) => `${l.record_a}:${l.record_b}:${l.score}`)).toEqual(before);
  });

  it('a whole run from the start withdraws open proposals it no longer makes, and keeps decided links', async () => {
    // Two records no blocking key brings together: as an older model might have proposed them, and one decided.
    const far = await importFile(csv('far.csv', ['z1,Демидов Юзеф Эдуардович,1890,,', 'z2,Ли-Фу,1935,Китай,', 'z3,Чернов Аким Павлович,1870,,']), 'Far list', false);
    expect(far.inserted).toBe(3);
    const ids = (await database.db.selectFrom('records').select('id').where('source', '=', 'Far list').orderBy('id').execute()).map((r) => r.id);
    const stale = { record_a: ids[0]!, record_b: ids[1]!, score: 0.85, reasons: JSON.stringify([]), model: 'old-model', updated_at: new Date(Date.now() - 60_000) };
    await database.db.insertInto('record_links').values([stale, { ...stale, record_b: ids[2]!, status: 'confirmed' }]).execute();
    const kept = (await links()).filter((l) => !ids.includes(l.record_a));
    await runLinking(database.db, { restart: true });
    const after = await links();
    expect(after.filter((l) => l.record_a === ids[0]).map((l) => [l.record_b, l.status])).toEqual([[ids[2], 'confirmed']]);
    // Every proposal the run makes again stays, with its score.
    expect(after.filter((l) => !ids.includes(l.record_a)).map((l) => `${l.record_a}:${l.record_b}:${l.score}`)).toEqual(kept.map((l) => `${l.record_a}:${l.record_b}:${l.score}`));
  });

  it.skipIf(inject('testDb').backend !== 'postgres')('a CLI import says linking was queued and does not wait for it: the marks and the job are in the database', async () => {
    const file = csv('cli.csv', ['k1,Ван-Си-Сян,1888,Шаньдун,']);
    const run = await runNode(['src/cli/main.ts', 'import', file, '--source', 'CLI list'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('person links: queued for the rows written');
    expect(await countPending(database.db)).toBe(1);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'namebridge-link' AND state = 'created'`.execute(database.db);
    expect(rows[0]!.n).toBe(1);
    const quiet = await runNode(['src/cli/main.ts', 'import', csv('cli2.csv', ['k2,Ли-Фу,1899,Китай,']), '--source', 'CLI list', '--no-link'], env);
    expect(quiet.stdout).toContain('not queued (--no-link)');
  });
});
