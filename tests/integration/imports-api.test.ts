import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiToken, createSession, createUser } from '../../src/auth/accounts.service.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { ROOT } from '../helpers/processes.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let token: string;
let sessionCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const testDb = inject('testDb');
  if (testDb.backend === 'postgres') {
    // The COPY path needs the database URL, as DATABASE_URL gives it in production.
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
    t.ctx.config = { ...t.ctx.config, DATABASE_URL: withDatabase(testDb.adminUrl, rows[0]!.name) };
  }
  const user = await createUser(t.database.db, { email: 'archivist@example.org', password: 'correct horse battery staple', role: 'archivist' });
  token = await createApiToken(t.database.db, 'archivist@example.org');
  const session = await createSession(t.database.db, user.id);
  sessionCookie = `nb_session=${session.id}`;
});
afterAll(() => t.close());

const fixture = (name: string) => fs.readFileSync(path.join(ROOT, name));
const auth = () => ({ Authorization: `Bearer ${token}` });

function post(body: Buffer | string, query: Record<string, string> = {}, type = 'text/csv') {
  return request(t.app).post('/api/imports').query(query).set(auth()).set('Content-Type', type).send(body);
}

async function finished(id: number) {
  for (let i = 0; i < 400; i++) {
    const res = await request(t.app).get(`/api/imports/${id}`).set(auth()).expect(200);
    if (res.body.job.status === 'succeeded' || res.body.job.status === 'failed') return res.body.job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('POST /api/imports', () => {
  it('401s without credentials and with a bad token', async () => {
    const res = await request(t.app).post('/api/imports').set('Content-Type', 'text/csv').send('ФИО\nВан\n').expect(401);
    expect(res.body.error.code).toBe('unauthorized');
    await request(t.app).post('/api/imports').set('Authorization', 'Bearer nope').set('Content-Type', 'text/csv').send('ФИО\nВан\n').expect(401);
    await request(t.app).get('/api/imports/1').expect(401);
  });

  it('403s a cookie session without its CSRF token', async () => {
    const res = await request(t.app).post('/api/imports').set('Cookie', sessionCookie).set('Content-Type', 'text/csv').send('ФИО\nВан\n').expect(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('415s a body that is not CSV and 400s bad parameters', async () => {
    await post('{"a":1}', {}, 'application/json').expect(415);
    const res = await post('ФИО\nВан\n', { dryRun: 'maybe' }).expect(400);
    expect(res.body.error.message).toMatch(/dryRun/);
    await post('ФИО\nВан\n', { colour: 'red' }).expect(400);
  });

  it('202s a job, imports in the background, and GET gives the report', async () => {
    const res = await post(fixture('fixtures/mos-memo-sample.csv'), { source: 'api', filename: 'mos-memo-sample.csv' }).expect(202);
    expect(res.body.job).toMatchObject({ id: expect.any(Number), status: expect.stringMatching(/queued|running/), fileName: 'mos-memo-sample.csv', source: 'api', actor: expect.stringMatching(/^user:\d+$/) });
    expect(res.headers.location).toBe(`/api/imports/${res.body.job.id}`);
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ status: 'succeeded', exitCode: 0, progress: { rowsRead: 1000 }, report: { inserted: 1000, updated: 0, unchanged: 0, invalid: 0, errorsTotal: 0 } });
    const { n } = await t.database.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'api').executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1000);
    const events = await t.database.db.selectFrom('record_events').select('actor').distinct().execute();
    expect(events.map((e) => e.actor)).toEqual([job.actor]);
  });

  it('reports row errors in the job and as errors.csv', async () => {
    const res = await post(fixture('tests/fixtures/imports/bad-years.csv'), { source: 'api-years' }).expect(202);
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ status: 'succeeded', exitCode: 1, report: { inserted: 2, invalid: 4, errorsTotal: 4 } });
    const csv = await request(t.app).get(`/api/imports/${job.id}/errors.csv`).set(auth()).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      'line,column,message',
      '3,birth_year,"""189O"" is not a four-digit year"',
      '4,birth_year,year 1750 is outside 1800–1960',
      '5,birth_date,day 31 does not exist in 02.1890',
      '6,executed_on,"month 13 does not exist in ""1938-13-01"""',
      '',
    ]);
  });

  it('fails the job on a file-level error and writes nothing; dryRun and strict write nothing either', async () => {
    const empty = await finished((await post('', { source: 'api-empty' }).expect(202)).body.job.id);
    expect(empty).toMatchObject({ status: 'failed', exitCode: 2, fileError: expect.stringMatching(/The file is empty/) });
    const cp1251 = await finished((await post(fixture('tests/fixtures/imports/cp1251.csv'), { source: 'api-dry', dryRun: 'true' }, 'application/octet-stream').expect(202)).body.job.id);
    expect(cp1251).toMatchObject({ status: 'succeeded', dryRun: true, report: { inserted: 3 } });
    const strict = await finished((await post(fixture('tests/fixtures/imports/bad-years.csv'), { source: 'api-strict', strict: '1' }).expect(202)).body.job.id);
    expect(strict).toMatchObject({ status: 'failed', exitCode: 1, strict: true, report: { inserted: 0, invalid: 4 } });
    const written = await t.database.db.selectFrom('records').select('source').where('source', 'in', ['api-empty', 'api-dry', 'api-strict']).execute();
    expect(written).toEqual([]);
  });
});

describe('GET /api/imports/:id', () => {
  it('404s an unknown id and 400s a malformed one', async () => {
    const res = await request(t.app).get('/api/imports/999999').set(auth()).expect(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'No import job with id 999999' });
    await request(t.app).get('/api/imports/abc').set(auth()).expect(400);
    await request(t.app).get('/api/imports/999999/errors.csv').set(auth()).expect(404);
  });
});
