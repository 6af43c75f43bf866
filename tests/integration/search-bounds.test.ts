import { sql } from 'kysely';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { LIMITS } from '../../src/search/candidates.repository.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { createTestApp, seedRecords, type TestApp } from '../helpers/test-app.ts';
import { createPostgresCopy, testBackend } from '../helpers/test-database.ts';

describe('a filter no record satisfies is answered at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedRecords(t.database, [
      { fullName: 'Ван-Си-Сян', birthYear: 1888, fields: { fullName: 'Ван-Си-Сян', nationality: 'китаец' } },
      { fullName: 'Ли-Сан-Джин', birthYear: 1895, fields: { fullName: 'Ли-Сан-Джин', nationality: 'китаец' } },
    ]);
  });
  afterAll(() => t.close());

  it('an unknown nationality: no results and a no_match warning naming it', async () => {
    const res = await request(t.app).get('/api/search').query({ q: 'Ван', nationality: 'zzz' }).expect(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'no_match', filter: 'nationality', value: 'zzz' })]);
  });

  it('a year range in which no record was born: no results and a no_match warning', async () => {
    const res = await request(t.app).get('/api/search').query({ q: 'Wang Xixiang', birthYearFrom: 1950, birthYearTo: 2000 }).expect(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'no_match', filter: 'birthYear', value: '1950–2000' })]);
  });

  it('a birthplace we know but no record gives: no results and a warning', async () => {
    const res = await request(t.app).get('/api/search').query({ q: 'Wang Xixiang', birthplace: 'Shandong' }).expect(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'no_match', filter: 'birthplace' })]);
  });

  it('filters that some record satisfies search as before', async () => {
    const res = await request(t.app).get('/api/search').query({ q: 'Wang Xixiang', nationality: 'Chinese', birthYear: 1888 }).expect(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.results[0].record.fullName).toBe('Ван-Си-Сян');
  });

  it('the web page says so in the visitor’s language', async () => {
    const res = await request(t.app).get('/search').query({ q: 'Ван', birthYearFrom: 1950, birthYearTo: 2000, lang: 'ru' }).expect(200);
    expect(res.text).toContain('Ни в одной записи не указан год рождения в пределах 1950–2000');
  });
});

// Regression: the key and phonetic probes had a LIMIT without ORDER BY, so which
// 400 of a common name's readings were kept depended on where rows lay on disk.
describe('every probe keeps the same candidates, whatever the physical order', () => {
  it('keeps the cheapest readings, lowest record ids first, when more match than the probe takes', async () => {
    const t = await createTestApp();
    try {
      const n = LIMITS.exact + 60;
      const rows = await seedRecords(t.database, Array.from({ length: n }, () => ({ fullName: 'Ван-Си-Сян' })));
      const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      // Rewrite the lowest ids' readings: their rows now lie after the others on disk.
      await sql`WITH moved AS (DELETE FROM record_readings WHERE record_id = ANY(${ids.slice(0, 200)}::bigint[]) RETURNING *)
        INSERT INTO record_readings SELECT * FROM moved`.execute(t.database.db);
      const found: number[] = [];
      let cursor: string | undefined;
      do {
        const res = await request(t.app).get('/api/search').query({ q: 'Wang Xixiang', limit: 100, ...(cursor ? { cursor } : {}) }).expect(200);
        found.push(...res.body.results.map((r: { record: { id: number } }) => r.record.id));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(found).toEqual(ids.slice(0, LIMITS.exact));
    } finally {
      await t.close();
    }
  });
});

describe('hostile queries get an answer, not an error', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян' }, { fullName: 'Иванов Иван Николаевич' }]);
  });
  afterAll(() => t.close());

  it.each([
    ['200 letters of one kind', 'а'.repeat(200)],
    ['200 Latin letters', 'a'.repeat(200)],
    ['eight patronymics', 'Иванович Николаевич Васильевич Михайлович Александрович Сергеевич Петрович Федорович'],
    ['mixed scripts', 'Ван Wang 王 '.repeat(20).slice(0, 200)],
  ])('%s', async (_what, q) => {
    const res = await request(t.app).get('/api/search').query({ q }).expect(200);
    expect(Array.isArray(res.body.results)).toBe(true);
  });
});

/**
 * statement_timeout: a search statement that runs out of time is cancelled and
 * the search answers with what it had. A lock held by another session makes a
 * statement wait past the timeout, deterministically.
 */
describe.skipIf(testBackend() !== 'postgres')('a search that runs out of time (PostgreSQL: PGlite cannot cancel a statement)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let url: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ url, drop } = await createPostgresCopy());
    database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 3, searchTimeoutMs: 200 });
    await seedRecords(database, [{ fullName: 'Ван-Си-Сян' }, { fullName: 'Ли-Сан-Джин' }]);
    app = createApp({ config: loadConfig({ SEARCH_RATE_LIMIT: '0' }), database, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  /** Runs `during` while another session holds `table` exclusively. */
  async function whileLocked<T>(table: string, during: () => Promise<T>): Promise<T> {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query(`BEGIN; LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      return await during();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  }

  it('the API answers 200 with a partial warning, in about the timeout, not a 500', async () => {
    const started = Date.now();
    const res = await whileLocked('record_readings', () => request(app).get('/api/search').query({ q: 'Wang Xixiang' }));
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'partial' })]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a later statement that runs out of time (loading the page) is partial too', async () => {
    const res = await whileLocked('records', () => request(app).get('/api/search').query({ q: '王希祥' }));
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'partial' })]);
  });

  it('the web page shows the results so far with the warning in the visitor’s language', async () => {
    const res = await whileLocked('record_readings', () => request(app).get('/search').query({ q: 'Wang Xixiang', lang: 'zh' }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('本次搜索耗时过长');
  });

  it('once the lock is gone the same search finds the record', async () => {
    const res = await request(app).get('/api/search').query({ q: 'Wang Xixiang' }).expect(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.results[0].record.fullName).toBe('Ван-Си-Сян');
  });
});
