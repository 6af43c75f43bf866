import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decideCorrection, submitCorrection } from '../../src/corrections/corrections.service.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { explainStats, readCounts } from '../../src/health/stats.repository.ts';
import { readStats } from '../../src/health/stats.service.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { runNode } from '../helpers/processes.ts';
import { createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/** GET /api/stats and `namebridge stats --json`: records, sources, attested names, pending corrections. */
async function fill(database: Database): Promise<void> {
  const records = await seedRecords(database, [
    { fullName: 'Ван-Си-Сян', birthYear: 1888, source: 'mos.memo.ru' },
    { fullName: 'Ли-Сан-Джин', birthYear: 1895, source: 'mos.memo.ru' },
    { fullName: 'Чжан-Го-Тин', birthYear: 1902, source: 'mos.memo.ru' },
    { fullName: 'Лю-Фу', birthYear: 1890, source: 'ГАРФ' },
    { fullName: 'Ян-Мин-Чже', birthYear: 1892, source: 'lists.memo.ru' },
  ]);
  const archivist = await seedUser(database);
  const user = { id: archivist.id, email: archivist.email, role: archivist.role };
  const propose = (i: number, hanzi: string) => submitCorrection(database.db, Number(records[i]!.id), { kind: 'chinese-name', hanzi, evidence: 'letters' }, null);
  await decideCorrection(database.db, (await propose(0, '王希祥')).id, 'approve', user);
  await decideCorrection(database.db, (await propose(1, '李三金')).id, 'approve', user);
  await decideCorrection(database.db, (await propose(2, '张国庭')).id, 'reject', user, 'no evidence');
  await propose(3, '刘福');
  await propose(4, '杨明哲');
  await propose(4, '杨明'); // two pending on one record: both count
}

const EXPECTED = { records: 5, sources: 3, attestedNames: 2, pendingCorrections: 3, bySource: { 'lists.memo.ru': 1, 'mos.memo.ru': 3, ГАРФ: 1 }, staleReadings: 0 };

describe('GET /api/stats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts on an empty database', async () => {
    const res = await request(t.app).get('/api/stats').expect(200);
    expect(res.body).toEqual({ records: 0, sources: 0, attestedNames: 0, pendingCorrections: 0, bySource: {}, staleReadings: 0, backend: t.database.backend });
  });

  it('counts records, distinct sources, attested names and pending corrections', async () => {
    await fill(t.database);
    const res = await request(t.app).get('/api/stats').expect(200);
    expect(res.body).toEqual({ ...EXPECTED, backend: t.database.backend });
    expect(Object.keys(res.body)).toEqual(['records', 'sources', 'attestedNames', 'pendingCorrections', 'bySource', 'staleReadings', 'backend']);
  });

  it('counts each source once among many records', async () => {
    // Many records in few sources: the loose index scan must still count each source once.
    await seedRecords(t.database, Array.from({ length: 40 }, (_, i) => ({ fullName: `Имя ${i}`, source: i % 2 ? 'mos.memo.ru' : 'ГАРФ' })));
    expect(await readCounts(t.database.db)).toMatchObject({ records: 45, sources: 3 });
  });
});

describe('namebridge stats --json', () => {
  let env: NodeJS.ProcessEnv;
  let close: () => Promise<void>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-stats-cli-'));

  beforeAll(async () => {
    const testDb = inject('testDb');
    if (testDb.backend === 'postgres') {
      const t = await createTestApp();
      await fill(t.database);
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
      env = { DATABASE_URL: withDatabase(testDb.adminUrl, rows[0]!.name), LOG_LEVEL: 'warn' };
      close = () => t.close();
    } else {
      // PGlite: the CLI opens an embedded data directory, filled here and closed first (one process at a time).
      const database = await openDatabase({ dataDir });
      await migrateToLatest(database.db);
      await fill(database);
      await database.close();
      env = { DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
      close = async () => undefined;
    }
  }, 120_000);
  afterAll(async () => {
    await close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the same object as GET /api/stats', async () => {
    const result = await runNode(['src/cli/main.ts', 'stats', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout.trim());
    expect(stats).toEqual({ ...EXPECTED, backend: inject('testDb').backend });
  });

  it('prints the counts for people without --json', async () => {
    const result = await runNode(['src/cli/main.ts', 'stats'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('records: 5');
    expect(result.stdout).toContain('sources: 3');
    expect(result.stdout).toContain('attested names: 2');
    expect(result.stdout).toContain('pending corrections: 3');
  });
});

describe('bySource is bounded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedRecords(t.database, ['a', 'b', 'c', 'd', 'e'].flatMap((s, i) => Array.from({ length: i + 1 }, (_, j) => ({ fullName: `Имя ${s}${j}`, source: s }))));
  });
  afterAll(() => t.close());

  it('lists the first sources by name, each counted exactly; records and sources stay exact', async () => {
    expect(await readStats(t.database.db, 3)).toEqual({ records: 15, sources: 5, attestedNames: 0, pendingCorrections: 0, bySource: { a: 1, b: 2, c: 3 }, staleReadings: 0 });
    expect(await readStats(t.database.db, 5)).toMatchObject({ records: 15, sources: 5, bySource: { a: 1, b: 2, c: 3, d: 4, e: 5 } });
  });
});

describe('stats plans at 60,000 records', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Skewed like real lists: one source with most rows, a few mid-sized, many tiny ones.
    await sql`
      INSERT INTO records (source, external_id, full_name)
      SELECT CASE WHEN i % 10 < 7 THEN 'mos.memo.ru' WHEN i % 10 < 9 THEN 'lists.memo.ru' ELSE 'src-' || (i / 10 % 500) END,
             'x-' || i, 'Имя ' || i
      FROM generate_series(1, 60000) AS i
    `.execute(database.db);
    await sql`VACUUM ANALYZE records`.execute(database.db);
  }, 120_000);
  afterAll(() => database.close());

  it('counts sources and lists bySource from the (source, external_id) index, never a sequential scan of records', async () => {
    const plans = await explainStats(database.db);
    expect(plans.smallCounts).not.toMatch(/Seq Scan on records/);
    expect(plans.smallCounts).toMatch(/Index Only Scan using records_source_external_id_key/);
    expect(plans.bySource).not.toMatch(/Seq Scan on records|HashAggregate|Sort Key: r\.source/);
    expect(plans.bySource).toMatch(/Index Only Scan using records_source_external_id_key/);
  });

  it('and the numbers are right', async () => {
    const stats = await readStats(database.db);
    expect(stats.records).toBe(60_000);
    expect(stats.sources).toBe(502);
    expect(Object.keys(stats.bySource)).toHaveLength(100);
    expect(stats.bySource['lists.memo.ru']).toBe(12_000);
    expect(stats.bySource['mos.memo.ru']).toBe(42_000);
    expect(stats.bySource['src-0']).toBe(12);
  });
});
