import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * TRUST_PROXY. supertest connects from 127.0.0.1, so that is the peer: with
 * the default (loopback) it is a trusted proxy and its X-Forwarded-For and
 * X-Forwarded-Proto count; with `false` or a list that leaves loopback out it
 * is an untrusted client and the same headers are forged ones, ignored.
 */

let t: TestApp;
let recordId: number;
let user: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  t = await createTestApp();
  const [row] = await seedRecords(t.database, [{ fullName: 'Ван-Си-Сян', birthYear: 1899 }]);
  recordId = Number(row!.id);
  user = await seedUser(t.database);
});
afterAll(() => t.close());

/** One app per setting, all on this file's database (the limits' counts are in it: each test clears them). */
function appWith(env: Record<string, string>) {
  return createApp({ ...t.ctx, config: loadConfig({ LOGIN_RATE_LIMIT: '1', CORRECTION_RATE_LIMIT: '1', ...env }) });
}
const clearCounts = () => t.database.db.deleteFrom('rate_limits').execute();
const wrongLogin = (app: ReturnType<typeof appWith>, xff?: string) => {
  const req = request(app).post('/api/session');
  if (xff) req.set('x-forwarded-for', xff);
  return req.send({ email: `nobody-${Math.random()}@example.org`, password: 'not the password' });
};
const propose = (app: ReturnType<typeof appWith>, xff: string) =>
  request(app).post(`/api/records/${recordId}/corrections`).set('x-forwarded-for', xff).send({ kind: 'chinese-name', hanzi: '王希祥', evidence: 'letters' });

describe('behind a trusted proxy (TRUST_PROXY=loopback, the default)', () => {
  it('separates clients by X-Forwarded-For for the login limit', async () => {
    await clearCounts();
    const app = appWith({});
    await wrongLogin(app, '203.0.113.1').expect(401);
    await wrongLogin(app, '203.0.113.1').expect(429);
    await wrongLogin(app, '203.0.113.2').expect(401);
  });

  it('separates clients for the corrections limit, and a forged leftmost entry does not escape it', async () => {
    await clearCounts();
    const app = appWith({});
    await propose(app, '203.0.113.1').expect(201);
    await propose(app, '203.0.113.1').expect(429);
    // The client prepends its own guess; the proxy appends the address it saw.
    await propose(app, '198.51.100.7, 203.0.113.1').expect(429);
    await propose(app, '203.0.113.2').expect(201);
  });

  it('with a hop count, takes the address the last proxy saw', async () => {
    await clearCounts();
    const app = appWith({ TRUST_PROXY: '1' });
    await wrongLogin(app, '198.51.100.1, 203.0.113.9').expect(401);
    await wrongLogin(app, '198.51.100.2, 203.0.113.9').expect(429);
    await wrongLogin(app, '203.0.113.10').expect(401);
  });

  it('X-Forwarded-Proto: https gives __Host- cookies, Secure, and HSTS', async () => {
    await clearCounts();
    const app = appWith({ LOGIN_RATE_LIMIT: '100' });
    const login = await request(app).post('/api/session').set('x-forwarded-proto', 'https').send({ email: user.email, password: user.password }).expect(201);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-nb_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const session = cookie.split(';')[0]!;
    await request(app).get('/api/corrections').set('x-forwarded-proto', 'https').set('cookie', session).expect(200);
    // The same value under the plain name is not read over https: it could have been planted.
    await request(app).get('/api/corrections').set('x-forwarded-proto', 'https').set('cookie', session.replace('__Host-', '')).expect(401);

    const form = await request(app).get('/login').set('x-forwarded-proto', 'https').expect(200);
    expect(String(form.headers['set-cookie'])).toMatch(/__Host-nb_form=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure/);
    expect(form.headers['strict-transport-security']).toBeDefined();
  });
});

describe.each([
  ['false', 'TRUST_PROXY=false'],
  ['10.0.0.0/8', 'a proxy list without the peer'],
])('from an untrusted peer (TRUST_PROXY=%s: %s)', (setting) => {
  it('ignores X-Forwarded-For: forged addresses share the peer’s one limit', async () => {
    await clearCounts();
    const app = appWith({ TRUST_PROXY: setting });
    await wrongLogin(app, '203.0.113.1').expect(401);
    await wrongLogin(app, '203.0.113.2').expect(429);
    await wrongLogin(app).expect(429);
    await propose(app, '203.0.113.3').expect(201);
    await propose(app, '203.0.113.4').expect(429);
  });

  it('ignores X-Forwarded-Proto: no Secure, no __Host- name, no HSTS', async () => {
    await clearCounts();
    const app = appWith({ TRUST_PROXY: setting, LOGIN_RATE_LIMIT: '100' });
    const login = await request(app).post('/api/session').set('x-forwarded-proto', 'https').send({ email: user.email, password: user.password }).expect(201);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^nb_session=/);
    expect(cookie).not.toContain('Secure');
    expect(login.headers['strict-transport-security']).toBeUndefined();
    const form = await request(app).get('/login').set('x-forwarded-proto', 'https').expect(200);
    expect(String(form.headers['set-cookie'])).toMatch(/^nb_form=/);
  });
});
