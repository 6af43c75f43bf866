import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../src/auth/accounts.service.ts';
import { authHeader, createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * Accounts through HTTP: the authorization matrix of every endpoint of issue 6,
 * Bearer tokens (invalid, revoked), web sessions with their CSRF token, and the
 * login rate limit.
 */

let t: TestApp;
let recordId: number;
let archivist: Awaited<ReturnType<typeof seedUser>>;
let admin: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  t = await createTestApp({ CORRECTION_RATE_LIMIT: '1000', LOGIN_RATE_LIMIT: '1000' });
  const [row] = await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян', birthYear: 1899 }]);
  recordId = Number(row!.id);
  archivist = await seedUser(t.database, { role: 'archivist' });
  admin = await seedUser(t.database, { role: 'admin' });
});
afterAll(() => t.close());

async function newCorrection(): Promise<number> {
  const res = await request(t.app)
    .post(`/api/records/${recordId}/corrections`)
    .send({ kind: 'field', field: 'occupation', value: 'грузчик', evidence: 'x' })
    .expect(201);
  return res.body.id;
}

type Who = 'anonymous' | 'archivist' | 'admin';
type Endpoint = { name: string; call: (headers: Record<string, string>) => Promise<request.Response>; expect: Record<Who, number> };

const endpoints: Endpoint[] = [
  {
    name: 'POST /api/records/:id/corrections',
    call: (h) => request(t.app).post(`/api/records/${recordId}/corrections`).set(h).send({ kind: 'chinese-name', hanzi: '王希祥', evidence: 'x' }),
    expect: { anonymous: 201, archivist: 201, admin: 201 },
  },
  {
    name: 'GET /api/records/:id/history',
    call: (h) => request(t.app).get(`/api/records/${recordId}/history`).set(h),
    expect: { anonymous: 200, archivist: 200, admin: 200 },
  },
  {
    name: 'GET /api/records/:id',
    call: (h) => request(t.app).get(`/api/records/${recordId}`).set(h),
    expect: { anonymous: 200, archivist: 200, admin: 200 },
  },
  {
    name: 'GET /api/corrections',
    call: (h) => request(t.app).get('/api/corrections').set(h),
    expect: { anonymous: 401, archivist: 200, admin: 200 },
  },
  {
    name: 'GET /api/corrections/:id',
    call: async (h) => request(t.app).get(`/api/corrections/${await newCorrection()}`).set(h),
    expect: { anonymous: 401, archivist: 200, admin: 200 },
  },
  {
    name: 'POST /api/corrections/:id/approve',
    call: async (h) => request(t.app).post(`/api/corrections/${await newCorrection()}/approve`).set(h).send({}),
    expect: { anonymous: 401, archivist: 200, admin: 200 },
  },
  {
    name: 'POST /api/corrections/:id/reject',
    call: async (h) => request(t.app).post(`/api/corrections/${await newCorrection()}/reject`).set(h).send({ reason: 'no source' }),
    expect: { anonymous: 401, archivist: 200, admin: 200 },
  },
  {
    name: 'GET /api/users',
    call: (h) => request(t.app).get('/api/users').set(h),
    expect: { anonymous: 401, archivist: 403, admin: 200 },
  },
  {
    name: 'POST /api/users',
    call: (h) =>
      request(t.app)
        .post('/api/users')
        .set(h)
        .send({ email: `new-${Math.random().toString(36).slice(2)}@example.org`, password: 'a long password', role: 'archivist' }),
    expect: { anonymous: 401, archivist: 403, admin: 201 },
  },
];

function headersOf(who: Who): Record<string, string> {
  if (who === 'anonymous') return {};
  return { authorization: authHeader(who === 'admin' ? admin : archivist) };
}

describe('authorization matrix', () => {
  for (const endpoint of endpoints) {
    for (const who of ['anonymous', 'archivist', 'admin'] as const) {
      it(`${endpoint.name} as ${who} → ${endpoint.expect[who]}`, async () => {
        const res = await endpoint.call(headersOf(who));
        expect(res.status).toBe(endpoint.expect[who]);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        if (res.status === 401) expect(res.body.error.code).toBe('unauthorized');
        if (res.status === 403) expect(res.body.error.code).toBe('forbidden');
      });
    }
    if (endpoint.expect.anonymous === 401) {
      it.each([
        ['an unknown token', 'Bearer nb_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        ['a malformed token', "Bearer '; DROP TABLE users; --"],
        ['another scheme', 'Basic YWRtaW46YWRtaW4='],
        ['an empty bearer', 'Bearer '],
      ])(`${endpoint.name} with %s → 401`, async (_label, authorization) => {
        const res = await endpoint.call({ authorization });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      });
    }
  }

  it('a revoked token → 401 on every protected endpoint; the other token still works', async () => {
    const user = await seedUser(t.database, { role: 'admin' });
    const second = await createApiToken(t.database.db, user.email);
    expect(await revokeApiToken(t.database.db, user.token.slice(0, 11))).toEqual({ revoked: [user.token.slice(0, 11)] });
    for (const endpoint of endpoints.filter((e) => e.expect.anonymous === 401)) {
      const res = await endpoint.call({ authorization: authHeader(user) });
      expect(res.status, endpoint.name).toBe(401);
    }
    await request(t.app).get('/api/users').set('authorization', `Bearer ${second}`).expect(200);
  });

  it('never returns password hashes or token hashes', async () => {
    const res = await request(t.app).get('/api/users').set('authorization', authHeader(admin)).expect(200);
    expect(res.text).not.toMatch(/scrypt|password|token/i);
    expect(res.body.users.map((u: { role: string }) => u.role)).toEqual(expect.arrayContaining(['archivist', 'admin']));
  });

  it('refuses a duplicate account, case-insensitively, with 409', async () => {
    const res = await request(t.app)
      .post('/api/users')
      .set('authorization', authHeader(admin))
      .send({ email: archivist.email.toUpperCase(), password: 'a long password', role: 'archivist' })
      .expect(409);
    expect(res.body.error.code).toBe('conflict');
    const short = await request(t.app)
      .post('/api/users')
      .set('authorization', authHeader(admin))
      .send({ email: 'short@example.org', password: 'short', role: 'archivist' })
      .expect(400);
    expect(short.body.error.details).toEqual([{ field: 'password', message: 'must be at least 10 characters' }]);
  });
});

describe('web sessions', () => {
  async function login(email = archivist.email, password = archivist.password) {
    return request(t.app).post('/api/session').send({ email, password });
  }

  it('log in with email and password: an httpOnly SameSite cookie and a CSRF token', async () => {
    const res = await login(archivist.email.toUpperCase());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      user: { id: archivist.id, email: archivist.email, role: 'archivist' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^nb_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(cookie).not.toContain('Secure'); // plain http
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('mark the cookie Secure behind an https proxy', async () => {
    const res = await request(t.app).post('/api/session').set('x-forwarded-proto', 'https').send({ email: archivist.email, password: archivist.password });
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('refuse a wrong password and an unknown email alike, with 401', async () => {
    const wrong = await login(archivist.email, 'not the password');
    const unknown = await login('nobody@example.org', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    await request(t.app).post('/api/session').send({ email: archivist.email }).expect(400);
  });

  it('authenticate reads by cookie; writes need the CSRF token as header or _csrf field', async () => {
    const res = await login();
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const csrf: string = res.body.csrfToken;

    await request(t.app).get('/api/corrections').set('cookie', cookie).expect(200);
    const me = await request(t.app).get('/api/session').set('cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ user: { email: archivist.email }, csrfToken: csrf });

    const id1 = await newCorrection();
    const noToken = await request(t.app).post(`/api/corrections/${id1}/approve`).set('cookie', cookie).send({}).expect(403);
    expect(noToken.body.error).toEqual({ code: 'forbidden', message: 'CSRF token missing or invalid' });
    await request(t.app).post(`/api/corrections/${id1}/approve`).set('cookie', cookie).set('x-csrf-token', `${csrf}x`).send({}).expect(403);
    await request(t.app).post(`/api/corrections/${id1}/approve`).set('cookie', cookie).set('x-csrf-token', csrf).send({}).expect(200);
    const id2 = await newCorrection();
    await request(t.app).post(`/api/corrections/${id2}/reject`).set('cookie', cookie).send({ reason: 'no', _csrf: csrf }).expect(200);

    // An archivist's session is still not an admin's.
    await request(t.app).get('/api/users').set('cookie', cookie).expect(403);
  });

  it('log out: the session ends and the cookie is cleared', async () => {
    const res = await login();
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const out = await request(t.app).delete('/api/session').set('cookie', cookie).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^nb_session=; .*Max-Age=0/);
    await request(t.app).get('/api/corrections').set('cookie', cookie).expect(401);
    await request(t.app).get('/api/session').set('cookie', cookie).expect(401);
    await request(t.app).get('/api/corrections').set('cookie', 'nb_session=forged-value').expect(401);
  });

  it('store only a hash of the session id', async () => {
    const res = await login();
    const id = String(res.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    const rows = await t.database.db.selectFrom('sessions').select(['id_hash']).execute();
    expect(rows.some((r) => r.id_hash === id)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });
});

describe('login rate limit', () => {
  it('429s the attempts over the limit, with Retry-After, even with the right password', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_MINUTES: '15' });
    try {
      const user = await seedUser(limited.database);
      for (let i = 0; i < 3; i++) {
        await request(limited.app).post('/api/session').send({ email: user.email, password: 'wrong password!' }).expect(401);
      }
      const res = await request(limited.app).post('/api/session').send({ email: user.email, password: user.password }).expect(429);
      expect(res.body.error.code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
    } finally {
      await limited.close();
    }
  });
});
