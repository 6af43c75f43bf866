import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedRecords, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ids: number[];

beforeAll(async () => {
  t = await createTestApp();
  const rows = await seedRecords(
    t.database,
    Array.from({ length: 7 }, (_, i) => ({
      fullName: i === 0 ? 'Ван-Си-Сян' : `Запись-${i}`,
      birthYear: 1890 + i,
      fields: { fullName: i === 0 ? 'Ван-Си-Сян' : `Запись-${i}`, executedOn: '17.05.1938', birthDate: '09.1899' },
    })),
  );
  ids = rows.map((r) => Number(r.id));
});
afterAll(() => t.close());

describe('health and stats', () => {
  it('GET /healthz answers while the process is alive', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /api/stats counts records', async () => {
    const res = await request(t.app).get('/api/stats').expect(200);
    expect(res.body.records).toBe(7);
    expect(res.body.bySource).toEqual({ test: 7 });
  });
});

describe('GET /api/records/:id', () => {
  it('returns the record as recorded, with normalised dates beside the text', async () => {
    const res = await request(t.app).get(`/api/records/${ids[0]}`).expect(200);
    expect(res.body.record).toMatchObject({
      id: ids[0],
      fullName: 'Ван-Си-Сян',
      birthYear: 1890,
      executedOn: '17.05.1938',
      birthDate: '09.1899',
      normalisedDates: { executedOn: '1938-05-17', birthDate: '1899-09' },
      version: 1,
      source: 'test',
    });
  });

  it('404s an unknown id as a JSON error', async () => {
    const res = await request(t.app).get('/api/records/999999999').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No record with id 999999999' } });
  });

  it.each(['abc', '0', '-1', '1.5', '12345678901234567890', '1%27%20OR%201=1'])('400s the malformed id %s', async (id) => {
    const res = await request(t.app).get(`/api/records/${id}`).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/record id must be a positive integer/);
  });
});

describe('GET /api/records (keyset pagination)', () => {
  it('walks every record exactly once, in id order', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await request(t.app)
        .get('/api/records')
        .query(cursor ? { limit: 3, cursor } : { limit: 3 })
        .expect(200);
      seen.push(...res.body.records.map((r: { id: number }) => r.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  it('gives no next cursor when the page is exactly the rest', async () => {
    const res = await request(t.app).get('/api/records').query({ limit: 7 }).expect(200);
    expect(res.body.records).toHaveLength(7);
    expect(res.body.nextCursor).toBeNull();
  });

  it.each([
    [{ limit: '0' }, /limit/],
    [{ limit: '501' }, /limit/],
    [{ limit: 'ten' }, /limit/],
    [{ cursor: '!!!' }, /cursor/],
    [{ cursor: 'bm90LWFuLWlk' }, /cursor/], // base64url of "not-an-id"
    [{ sort: 'name' }, /sort/],
  ])('400s bad parameters %j', async (query, message) => {
    const res = await request(t.app).get('/api/records').query(query).expect(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('error mapping', () => {
  it('404s unknown routes as JSON', async () => {
    const res = await request(t.app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('400s a malformed JSON body', async () => {
    const res = await request(t.app).post('/api/records').set('content-type', 'application/json').send('{"a":').expect(400);
    expect(res.body.error).toEqual({ code: 'bad_request', message: 'The request body is not valid JSON' });
  });

  it('413s an oversized body', async () => {
    const big = JSON.stringify({ text: 'я'.repeat(120_000) });
    const res = await request(t.app).post('/api/records').set('content-type', 'application/json').send(big).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('500s without internals when the database is gone', async () => {
    const other = await createTestApp();
    await other.close();
    const res = await request(other.app).get('/api/stats').expect(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
  });
});
