import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { formTokenFor } from '../helpers/form-token.ts';
import { authHeader, createTestApp, seedRecords, seedUser } from '../helpers/test-app.ts';

describe('one search budget per client across the API and the web page', () => {
  it('counts GET /api/search and GET /search together; the 429 has Retry-After and a page in the visitor’s language', async () => {
    const t = await createTestApp({ SEARCH_RATE_LIMIT: '3', SEARCH_RATE_WINDOW_SECONDS: '60' });
    try {
      await request(t.app).get('/api/search').query({ q: 'Ван' }).expect(200);
      await request(t.app).get('/search').query({ q: 'Ван' }).expect(200);
      await request(t.app).get('/api/search').query({ q: 'Ли' }).expect(200);
      const api = await request(t.app).get('/api/search').query({ q: 'Ван' }).expect(429);
      expect(api.body.error.code).toBe('rate_limited');
      expect(Number(api.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(api.headers['retry-after'])).toBeLessThanOrEqual(60);
      const web = await request(t.app).get('/search').query({ q: 'Ван' }).set('Accept-Language', 'ru').expect(429);
      expect(web.headers['content-type']).toMatch(/text\/html/);
      expect(web.headers['retry-after']).toMatch(/^\d+$/);
      expect(web.text).toContain('<html lang="ru"');
      // Other pages are not searches: the home page still answers.
      await request(t.app).get('/').expect(200);
    } finally {
      await t.close();
    }
  });

  it('is shared by the server processes (one count in the database)', async () => {
    const t = await createTestApp({ SEARCH_RATE_LIMIT: '2', SEARCH_RATE_WINDOW_SECONDS: '60' });
    try {
      const other = createApp({ ...t.ctx });
      await request(t.app).get('/api/search').query({ q: 'Ван' }).expect(200);
      await request(other).get('/api/search').query({ q: 'Ван' }).expect(200);
      await request(t.app).get('/api/search').query({ q: 'Ван' }).expect(429);
    } finally {
      await t.close();
    }
  });

  it('SEARCH_RATE_LIMIT=0 turns it off', async () => {
    const t = await createTestApp({ SEARCH_RATE_LIMIT: '0' });
    try {
      for (let i = 0; i < 70; i++) await request(t.app).get('/api/search').query({ q: 'Ван' }).expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('the home page count and /api/stats come from a cached figure', () => {
  it('reads the counts at most once per STATS_CACHE_SECONDS', async () => {
    const t = await createTestApp({ STATS_CACHE_SECONDS: '30' });
    try {
      expect((await request(t.app).get('/api/stats').expect(200)).body.records).toBe(0);
      await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян' }, { fullName: 'Ли-Сан-Джин' }]);
      // Within the 30 s the cached figure stands, on the API and on the home page.
      expect((await request(t.app).get('/api/stats').expect(200)).body.records).toBe(0);
      const fresh = createApp({ ...t.ctx, config: { ...t.ctx.config, STATS_CACHE_SECONDS: 0 } });
      expect((await request(fresh).get('/api/stats').expect(200)).body.records).toBe(2);
    } finally {
      await t.close();
    }
  });
});

/** A logger as the server's (the one set-up), writing into memory. */
function memoryLogger(level: string) {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { logger: createLogger(level, sink), text: () => text };
}

/** What a family, a volunteer and an archivist do in one visit; returns the secrets and names involved. */
async function aVisit(level: string) {
  const t = await createTestApp();
  const log = memoryLogger(level);
  const app = createApp({ ...t.ctx, logger: log.logger });
  try {
    const [record] = await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян' }]);
    const staff = await seedUser(t.database, { email: 'ann.archivist@example.org', password: 'correct horse battery staple' });
    const searched = ['王希祥', 'Wang Xixiang', 'Ван Си Сян'];
    for (const q of searched) {
      await request(app).get('/api/search').query({ q }).expect(200);
      await request(app).get('/search').query({ q }).expect(200);
    }
    await request(app).get(`/search?q=${encodeURIComponent('Чжан-Го-Тин')}&birthplace=Nowhere-Town`).expect(200);
    const submitter = 'granddaughter@example.net';
    await request(app)
      .post(`/api/records/${record!.id}/corrections`)
      .send({ kind: 'chinese-name', hanzi: '王希祥', evidence: 'family letters', submitter: { email: submitter } })
      .expect(201);
    const { cookie, _csrf } = await formTokenFor(app);
    await request(app).post('/login').set('Cookie', cookie).type('form').send({ email: staff.email, password: 'a wrong password', _csrf }).expect(401);
    await request(app).post('/api/session').send({ email: staff.email, password: staff.password }).expect(201);
    await request(app).post('/api/session').send({ email: staff.email, password: 'another wrong one' }).expect(401);
    await request(app).get('/api/corrections').set('Authorization', authHeader(staff)).expect(200);
    await request(app).get('/api/corrections').set('Authorization', 'Bearer nb_not_a_real_token_at_all').expect(401);
    return {
      log: log.text(),
      searched: [...searched, 'Чжан-Го-Тин', 'Nowhere-Town'],
      secrets: [staff.email, staff.password, 'a wrong password', 'another wrong one', staff.token, 'nb_not_a_real_token_at_all', submitter],
    };
  } finally {
    await t.close();
  }
}

const forms = (s: string) => [s, encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2)];

describe('privacy in logs', () => {
  it('at the default level no searched name is logged, and routes and statuses are', async () => {
    const { log, searched, secrets } = await aVisit('info');
    expect(log).toContain('"url":"/api/search"');
    expect(log).toContain('"statusCode":200');
    for (const s of [...searched, ...secrets]) for (const form of forms(s)) expect(log).not.toContain(form);
  });

  it('even at trace no email address, password or token is logged', async () => {
    const { log, secrets } = await aVisit('trace');
    expect(log).toContain('/api/search?q=');
    for (const s of secrets) for (const form of forms(s)) expect(log).not.toContain(form);
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
