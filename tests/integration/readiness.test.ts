import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READINESS_CHECKS, runChecks, type ReadinessCheck } from '../../src/health/readiness.ts';
import { reindexReadings } from '../../src/search/reindex.service.ts';
import { createTestApp, seedRecords, type TestApp } from '../helpers/test-app.ts';

/** /healthz: the process is alive. /readyz: every check passes, or 503 naming the failing ones. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('/healthz and /readyz', () => {
  it('ready: database reachable, migrations current, readings current', async () => {
    await request(t.app).get('/healthz').expect(200, { status: 'ok' });
    const res = await request(t.app).get('/readyz').expect(200);
    expect(res.body).toEqual({ status: 'ready', checks: [{ name: 'database', ok: true }, { name: 'migrations', ok: true }, { name: 'readings', ok: true }] });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('not ready while a migration is pending, and says which', async () => {
    const last = (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(t.database.db)).rows[0]!.name;
    await sql`DELETE FROM kysely_migration WHERE name = ${last}`.execute(t.database.db);
    try {
      const res = await request(t.app).get('/readyz').expect(503);
      expect(res.body.status).toBe('not_ready');
      expect(res.body.checks).toContainEqual({ name: 'migrations', ok: false, message: expect.stringContaining(last) });
      await request(t.app).get('/healthz').expect(200);
    } finally {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${last}, ${new Date().toISOString()})`.execute(t.database.db);
    }
    await request(t.app).get('/readyz').expect(200);
  });

  it('not ready while records have readings of another decoder version, and says how many', async () => {
    await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян' }, { fullName: 'Ли-Чан' }, { fullName: 'Чжан-Цзо-Лин' }]);
    await request(t.app).get('/readyz').expect(200);
    const aged = sql`UPDATE record_readings SET decoder_version = 'older-decoder'
      WHERE record_id IN (SELECT id FROM records WHERE full_name IN ('Ван-Си-Сян', 'Ли-Чан'))`;
    await aged.execute(t.database.db);
    const res = await request(t.app).get('/readyz').expect(503);
    expect(res.body.status).toBe('not_ready');
    expect(res.body.checks).toContainEqual({ name: 'readings', ok: false, message: expect.stringMatching(/^2 records have readings of another decoder version/) });
    expect(res.body.checks.filter((c: { ok: boolean }) => !c.ok)).toHaveLength(1);
    await reindexReadings(t.database);
    await request(t.app).get('/readyz').expect(200);
  });

  it('a check that throws or hangs fails with its reason; the others still answer', async () => {
    const broken: ReadinessCheck = { name: 'broken', run: () => Promise.reject(new Error('connection refused')) };
    const hanging: ReadinessCheck = { name: 'hanging', run: () => new Promise(() => {}) };
    const results = await runChecks(t.ctx, [...READINESS_CHECKS, broken, hanging]);
    expect(results).toEqual([
      { name: 'database', ok: true },
      { name: 'migrations', ok: true },
      { name: 'readings', ok: true },
      { name: 'broken', ok: false, message: 'connection refused' },
      { name: 'hanging', ok: false, message: expect.stringContaining('no answer within') },
    ]);
  });

  it('not ready when the database is gone, while /healthz stays alive', async () => {
    const app = await createTestApp();
    await app.database.close();
    const res = await request(app.app).get('/readyz').expect(503);
    expect(res.body.checks[0]).toMatchObject({ name: 'database', ok: false });
    await request(app.app).get('/healthz').expect(200);
  });
});
