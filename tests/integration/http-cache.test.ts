import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/** Cache-Control, ETag and 304 where caching is safe; private and Vary where staff see more. */
let t: TestApp;
let recordId: number;
let archivist: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  t = await createTestApp();
  const [row] = await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян', birthYear: 1898 }]);
  recordId = Number(row!.id);
  archivist = await seedUser(t.database);
});
afterAll(() => t.close());

describe('records and stats', () => {
  it('a record carries an ETag, and If-None-Match gets 304 with no body', async () => {
    const first = await request(t.app).get(`/api/records/${recordId}`).expect(200);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.vary).toMatch(/Authorization/);
    expect(first.headers.vary).toMatch(/Cookie/);
    const again = await request(t.app).get(`/api/records/${recordId}`).set('If-None-Match', first.headers.etag!).expect(304);
    expect(again.text).toBe('');
  });

  it('an approved correction changes the record, so the old ETag no longer matches', async () => {
    const before = await request(t.app).get(`/api/records/${recordId}`).expect(200);
    const proposed = await request(t.app).post(`/api/records/${recordId}/corrections`).send({ kind: 'chinese-name', hanzi: '王希祥', evidence: 'letters' }).expect(201);
    await request(t.app).post(`/api/corrections/${proposed.body.id}/approve`).set('Authorization', `Bearer ${archivist.token}`).send({}).expect(200);
    const after = await request(t.app).get(`/api/records/${recordId}`).set('If-None-Match', before.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.record.attestedNames[0].hanzi).toBe('王希祥');
  });

  it('a record asked for with credentials is private (staff may see more), and never stored when it carries the private columns', async () => {
    const res = await request(t.app).get(`/api/records/${recordId}`).set('Authorization', `Bearer ${archivist.token}`).expect(200);
    expect(res.body.record.privateExtra).toEqual({});
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.vary).toMatch(/Authorization.*Cookie/);
    const cookie = await request(t.app).get(`/api/records/${recordId}`).set('Cookie', 'nb_session=x').expect(200);
    expect(cookie.headers['cache-control']).toBe('private, no-cache');
  });

  it('stats are public for a minute, with ETag and 304', async () => {
    const first = await request(t.app).get('/api/stats').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    await request(t.app).get('/api/stats').set('If-None-Match', first.headers.etag!).expect(304);
    await seedRecords(t.database, [{ fullName: 'Ли-Чан' }]);
    await request(t.app).get('/api/stats').set('If-None-Match', first.headers.etag!).expect(200);
  });
});

describe('staff responses', () => {
  it('are private, never stored, and vary by credentials', async () => {
    const res = await request(t.app).get('/api/corrections').set('Authorization', `Bearer ${archivist.token}`).expect(200);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect(res.headers.vary).toMatch(/Authorization/);
    expect(res.headers.vary).toMatch(/Cookie/);
    const job = await request(t.app).get('/api/imports/1').set('Authorization', `Bearer ${archivist.token}`);
    expect(job.headers['cache-control']).toBe('private, no-store');
  });
});
