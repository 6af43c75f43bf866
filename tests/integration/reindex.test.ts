import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { runImport } from '../../src/imports/import.service.ts';
import { DECODER_VERSION } from '../../src/search/decoder-version.ts';
import { staleReadingsCount } from '../../src/search/reading-versions.repository.ts';
import { reindexReadings } from '../../src/search/reindex.service.ts';
import { startReadingsUpkeep } from '../../src/search/reindex.start.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { searchRecords } from '../../src/search/search.service.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { runNode } from '../helpers/processes.ts';
import { createTestApp, seedRecords, type TestApp } from '../helpers/test-app.ts';
import { createCliDatabase } from '../helpers/test-database.ts';

/** Versioned readings (migration 0010) and `reindex`: stale count, rebuild, missing rows, a crash resumed. */
let t: TestApp;
let db: Database;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database;
});
afterAll(() => t.close());

const idsOf = async (q: string) => (await searchRecords(db, { q, limit: 10 })).results.map((r) => r.record.fullName);

/** What an older decoder left behind: another version and, here, keys that no query reaches. */
async function ageReadings(fullNames: string[], options: { garble?: boolean } = {}): Promise<void> {
  await sql`
    UPDATE record_readings SET decoder_version = 'older-decoder'
      ${options.garble ? sql`, key = 'zzz ' || rank, phonetic = 'zzz ' || rank, surname_key = 'zzz', surname_phonetic = 'zzz', phonetic_pairs = ARRAY['zzz']` : sql``}
    WHERE record_id IN (SELECT id FROM records WHERE full_name = ANY (${fullNames}::text[]))`.execute(db.db);
}

describe('versioned readings', () => {
  it('every write path stores the current decoder version: records service and the importer', async () => {
    await seedRecords(db, [{ fullName: 'Ван-Си-Сян', source: 'a' }, { fullName: 'Ли-Сан-Джин', source: 'a' }, { fullName: 'Павлов Николай Васильевич', source: 'a' }]);
    const testDb = inject('testDb');
    const url = testDb.backend === 'postgres'
      ? withDatabase(testDb.adminUrl, (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.db)).rows[0]!.name)
      : undefined;
    const csv = Buffer.from('full_name,external_id\nЧжан-Го-Тин,i-1\nЛю-Фу,i-2\n');
    const report = await runImport(db, { open: async function* () { yield csv; }, fileName: 'x.csv', actor: 'cli', source: 'b', connectionString: url, workers: 0 });
    expect(report.inserted).toBe(2);
    const versions = await db.db.selectFrom('record_readings').select('decoder_version').distinct().execute();
    expect(versions.map((v) => v.decoder_version)).toEqual([DECODER_VERSION]);
    expect(await staleReadingsCount(db.db)).toBe(0);
  });

  it('counts stale readings in GET /api/stats and finds them again after reindex, with deleted reading rows rebuilt too', async () => {
    await ageReadings(['Ван-Си-Сян', 'Ли-Сан-Джин'], { garble: true });
    await sql`DELETE FROM record_readings WHERE record_id = (SELECT id FROM records WHERE full_name = 'Чжан-Го-Тин')`.execute(db.db);
    const stats = await request(t.app).get('/api/stats').expect(200);
    expect(stats.body.staleReadings).toBe(2);
    expect(await idsOf('王希祥')).not.toContain('Ван-Си-Сян');
    expect(await idsOf('Zhang Guoting')).not.toContain('Чжан-Го-Тин');

    const result = await reindexReadings(db);
    // Two stale and one without rows; the Russian name has no reading and stays without rows.
    expect(result).toMatchObject({ records: 5, rebuilt: 3 });
    expect((await request(t.app).get('/api/stats').expect(200)).body.staleReadings).toBe(0);
    expect((await idsOf('王希祥'))[0]).toBe('Ван-Си-Сян');
    expect((await idsOf('Li Sanjin'))[0]).toBe('Ли-Сан-Джин');
    expect((await idsOf('Zhang Guoting'))[0]).toBe('Чжан-Го-Тин');
    // Nothing left: a second run rebuilds nothing.
    expect((await reindexReadings(db)).rebuilt).toBe(0);
  });

  it('--source limits the count and the rebuild to one source', async () => {
    await ageReadings(['Ван-Си-Сян', 'Лю-Фу']);
    expect(await staleReadingsCount(db.db, { source: 'b' })).toBe(1);
    expect(await reindexReadings(db, { source: 'b' })).toMatchObject({ records: 2, rebuilt: 1 });
    expect(await staleReadingsCount(db.db)).toBe(1);
    await reindexReadings(db);
  });

  it('a crash mid-reindex is resumed by the next run; searches find every record during the rebuild', async () => {
    const names = ['Ван-Си-Сян', 'Ли-Сан-Джин', 'Чжан-Го-Тин', 'Лю-Фу'];
    await ageReadings(names);
    let batches = 0;
    const crash = reindexReadings(db, {
      batchSize: 2,
      onProgress: () => {
        if (++batches === 1) throw new Error('killed after the first batch');
      },
    });
    await expect(crash).rejects.toThrow('killed after the first batch');
    // The committed batch stays done; the rest is still stale.
    expect(await staleReadingsCount(db.db)).toBe(2);
    const seen: string[][] = [];
    const resumed = await reindexReadings(db, {
      batchSize: 1,
      onProgress: () => void idsOf('Wang Xixiang').then((r) => seen.push(r)),
    });
    expect(resumed.rebuilt).toBe(2);
    expect(await staleReadingsCount(db.db)).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBeGreaterThan(0);
    for (const results of seen) expect(results[0]).toBe('Ван-Си-Сян');
  });
});

describe('at start (src/search/reindex.start.ts)', () => {
  const logger = () => {
    const lines: Array<{ level: string; obj: unknown; msg?: string }> = [];
    const at = (level: string) => (obj: unknown, msg?: string) => void lines.push({ level, obj, msg });
    return { lines, log: { warn: at('warn'), info: at('info'), error: at('error') } as unknown as Logger };
  };

  it('warns when readings are stale, and with REINDEX_ON_START=true rebuilds them', async () => {
    await ageReadings(['Ван-Си-Сян']);
    const quiet = logger();
    await startReadingsUpkeep({ config: loadConfig({}), database: db, logger: quiet.log }, new AbortController().signal);
    expect(quiet.lines.find((l) => l.level === 'warn')).toMatchObject({ obj: { staleReadings: 1 }, msg: expect.stringContaining('npm run cli -- reindex') });
    expect(await staleReadingsCount(db.db)).toBe(1);

    const rebuilding = logger();
    await startReadingsUpkeep({ config: loadConfig({ REINDEX_ON_START: 'true' }), database: db, logger: rebuilding.log }, new AbortController().signal);
    expect(rebuilding.lines.find((l) => l.msg === 'reindex: done')).toMatchObject({ obj: { rebuilt: 1 } });
    expect(await staleReadingsCount(db.db)).toBe(0);
  });
});

describe('npm run cli -- reindex / stats', () => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    let database: Database;
    ({ env, database, drop } = await createCliDatabase('nb-reindex-'));
    await seedRecords(database, [{ fullName: 'Ван-Си-Сян' }, { fullName: 'Ван-Шу-Фа' }, { fullName: 'Павлов Николай Васильевич' }]);
    await sql`UPDATE record_readings SET decoder_version = 'older-decoder'`.execute(database.db);
    await database.close();
  }, 120_000);
  afterAll(() => drop());

  it('stats --json says how many are stale; reindex --json rebuilds them and prints records, rebuilt, seconds', async () => {
    const before = await runNode(['src/cli/main.ts', 'stats', '--json'], env);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout.trim().split('\n').at(-1)!).staleReadings).toBe(2);
    const run = await runNode(['src/cli/main.ts', 'reindex', '--json', '--batch', '1'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(Object.keys(out).sort()).toEqual(['rebuilt', 'records', 'seconds']);
    expect(out).toMatchObject({ records: 3, rebuilt: 2 });
    expect(out.seconds).toBeGreaterThan(0);
    const after = await runNode(['src/cli/main.ts', 'stats', '--json'], env);
    expect(JSON.parse(after.stdout.trim().split('\n').at(-1)!).staleReadings).toBe(0);
  }, 180_000); // three CLI processes: slow on a loaded machine

  it('refuses a bad --batch with the problem and the usage', async () => {
    const run = await runNode(['src/cli/main.ts', 'reindex', '--batch', 'many'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--batch must be a whole number');
    expect(run.stderr).toContain('usage: namebridge reindex');
  });
});
