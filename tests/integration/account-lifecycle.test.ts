import { scryptSync } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formTokenFor } from '../helpers/form-token.ts';
import { authHeader, createTestApp, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * An account's life over the admin API: disable, enable, new password,
 * tokens with an expiry, listed and revoked — each ending access at once —
 * and the login rules: per-account throttling that says nothing about whether
 * the account exists, sessions replaced at login, old hashes upgraded.
 */

let t: TestApp;
let admin: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT: '1000', LOGIN_ACCOUNT_RATE_LIMIT: '1000' });
  admin = await seedUser(t.database, { role: 'admin' });
});
afterAll(() => t.close());

const asAdmin = (req: request.Test) => req.set('authorization', authHeader(admin));

async function loginCookie(email: string, password: string, cookie?: string): Promise<string> {
  const req = request(t.app).post('/api/session');
  if (cookie) req.set('cookie', cookie);
  const res = await req.send({ email, password }).expect(201);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('disable and enable', () => {
  it("a disabled account's token and session get 401 on their next request", async () => {
    const ann = await seedUser(t.database);
    const cookie = await loginCookie(ann.email, ann.password);
    await request(t.app).get('/api/corrections').set('authorization', authHeader(ann)).expect(200);
    await request(t.app).get('/api/corrections').set('cookie', cookie).expect(200);

    const res = await asAdmin(request(t.app).post(`/api/users/${ann.id}/disable`)).expect(200);
    expect(res.body).toEqual({ id: ann.id, email: ann.email, disabled: true, sessionsEnded: 1, tokensRevoked: 1 });
    await request(t.app).get('/api/corrections').set('authorization', authHeader(ann)).expect(401);
    await request(t.app).get('/api/corrections').set('cookie', cookie).expect(401);
    await request(t.app).post('/api/session').send({ email: ann.email, password: ann.password }).expect(401);
    const listed = await asAdmin(request(t.app).get('/api/users')).expect(200);
    expect(listed.body.users.find((u: { id: number }) => u.id === ann.id)).toMatchObject({ disabled: true, disabledAt: expect.any(String) });

    await asAdmin(request(t.app).post(`/api/users/${ann.id}/enable`)).expect(200);
    await loginCookie(ann.email, ann.password);
    // Enabling brings no old token back.
    await request(t.app).get('/api/corrections').set('authorization', authHeader(ann)).expect(401);
  });

  it('refuses to disable the last active admin (409), and an archivist may not disable anyone (403)', async () => {
    const other = await createTestApp();
    try {
      const only = await seedUser(other.database, { role: 'admin' });
      const arch = await seedUser(other.database, { role: 'archivist' });
      const res = await request(other.app).post(`/api/users/${only.id}/disable`).set('authorization', authHeader(only)).expect(409);
      expect(res.body.error.code).toBe('conflict');
      await request(other.app).post(`/api/users/${only.id}/disable`).set('authorization', authHeader(arch)).expect(403);
      await request(other.app).get('/api/users').set('authorization', authHeader(only)).expect(200);
      await request(other.app).post('/api/users/999999/disable').set('authorization', authHeader(only)).expect(404);
    } finally {
      await other.close();
    }
  });
});

describe('password change', () => {
  it('ends every session and token of the account; only the new password logs in', async () => {
    const bob = await seedUser(t.database);
    const cookie = await loginCookie(bob.email, bob.password);
    const short = await asAdmin(request(t.app).put(`/api/users/${bob.id}/password`)).send({ password: 'short' }).expect(400);
    expect(short.body.error.details).toEqual([{ field: 'password', message: 'must be at least 10 characters' }]);
    await request(t.app).get('/api/corrections').set('cookie', cookie).expect(200);

    const res = await asAdmin(request(t.app).put(`/api/users/${bob.id}/password`)).send({ password: 'a brand new passphrase' }).expect(200);
    expect(res.body).toMatchObject({ id: bob.id, sessionsEnded: 1, tokensRevoked: 1 });
    await request(t.app).get('/api/corrections').set('cookie', cookie).expect(401);
    await request(t.app).get('/api/corrections').set('authorization', authHeader(bob)).expect(401);
    await request(t.app).post('/api/session').send({ email: bob.email, password: bob.password }).expect(401);
    await loginCookie(bob.email, 'a brand new passphrase');
  });
});

describe('API tokens', () => {
  it('expire: a token past its expiry gets 401; the admin API creates, lists and revokes them', async () => {
    const cai = await seedUser(t.database);
    const created = await asAdmin(request(t.app).post(`/api/users/${cai.id}/tokens`)).send({ expiresDays: 7 }).expect(201);
    expect(created.body.token).toMatch(/^nb_[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const bearer = `Bearer ${created.body.token}`;
    await request(t.app).get('/api/corrections').set('authorization', bearer).expect(200);

    // As if eight days had passed.
    const day = 86_400_000;
    await t.database.db
      .updateTable('api_tokens')
      .set({ created_at: new Date(Date.now() - 8 * day), expires_at: new Date(Date.now() - day) })
      .where('prefix', '=', created.body.prefix)
      .execute();
    const expired = await request(t.app).get('/api/corrections').set('authorization', bearer).expect(401);
    expect(expired.body.error.code).toBe('unauthorized');

    const listed = await asAdmin(request(t.app).get(`/api/users/${cai.id}/tokens`)).expect(200);
    expect(listed.body.tokens.map((x: { status: string }) => x.status)).toEqual(['expired', 'live']);
    expect(JSON.stringify(listed.body)).not.toContain(cai.token);
    expect(listed.body.tokens[1].expiresAt > listed.body.tokens[1].createdAt).toBe(true);

    const prefix = cai.token.slice(0, 11);
    expect((await asAdmin(request(t.app).delete(`/api/tokens/${prefix}`)).expect(200)).body).toEqual({ revoked: [prefix] });
    await request(t.app).get('/api/corrections').set('authorization', authHeader(cai)).expect(401);
    await asAdmin(request(t.app).post(`/api/users/${cai.id}/tokens`)).send({ expiresDays: 0 }).expect(400);
  });

  it('default to 365 days', async () => {
    const dee = await seedUser(t.database);
    const [row] = await t.database.db.selectFrom('api_tokens').select(['created_at', 'expires_at']).where('prefix', '=', dee.token.slice(0, 11)).execute();
    const days = (new Date(row!.expires_at).getTime() - new Date(row!.created_at).getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(365);
  });
});

describe('login', () => {
  it('ends the session the browser held before', async () => {
    const eve = await seedUser(t.database);
    const first = await loginCookie(eve.email, eve.password);
    const second = await loginCookie(eve.email, eve.password, first);
    expect(second).not.toBe(first);
    await request(t.app).get('/api/session').set('cookie', first).expect(401);
    await request(t.app).get('/api/session').set('cookie', second).expect(200);
  });

  it('refuses a request carrying two session cookies, on the API and the web', async () => {
    const fay = await seedUser(t.database);
    const ours = await loginCookie(fay.email, fay.password);
    const two = `${ours}; nb_session=${'A'.repeat(43)}`;
    const res = await request(t.app).get('/api/corrections').set('cookie', two).expect(401);
    expect(res.body.error.message).toMatch(/two session cookies/);
    await request(t.app).get('/api/session').set('cookie', two).expect(401);
    await request(t.app).get('/moderation').set('cookie', two).expect(401);
    await request(t.app).get('/api/corrections').set('cookie', ours).expect(200);
  });

  it('refuses a login form whose post carries two form-token cookies (one may be planted)', async () => {
    const ida = await seedUser(t.database);
    const { cookie, _csrf } = await formTokenFor(t.app);
    const form = { email: ida.email, password: ida.password, _csrf };
    await request(t.app).post('/login').set('cookie', `${cookie}; nb_form=${_csrf}`).type('form').send(form).expect(403);
    await request(t.app).post('/login').set('cookie', cookie).type('form').send(form).expect(303);
  });

  it('upgrades an old scrypt hash at the next successful login', async () => {
    const gus = await seedUser(t.database);
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync(gus.password, salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await t.database.db.updateTable('users').set({ password_hash: legacy }).where('id', '=', String(gus.id)).execute();
    const hashOf = async () => (await t.database.db.selectFrom('users').select('password_hash').where('id', '=', String(gus.id)).executeTakeFirstOrThrow()).password_hash;

    await request(t.app).post('/api/session').send({ email: gus.email, password: 'not the password' }).expect(401);
    expect(await hashOf()).toBe(legacy);
    await loginCookie(gus.email, gus.password);
    expect(await hashOf()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await loginCookie(gus.email, gus.password);
  });
});

describe('per-account login limit', () => {
  it('throttles an account tried from many addresses, and an unknown email exactly alike', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ACCOUNT_RATE_LIMIT: '2' });
    try {
      const hal = await seedUser(limited.database);
      const attempt = (email: string, password: string, ip: string) =>
        request(limited.app).post('/api/session').set('x-forwarded-for', ip).send({ email, password });
      // Successful logins do not count.
      for (let i = 0; i < 3; i++) await attempt(hal.email, hal.password, `203.0.113.${i}`).expect(201);

      const outcomes = async (email: string, password: string) => {
        const out = [];
        for (let i = 0; i < 3; i++) out.push(await attempt(email, i < 2 ? 'not the password' : password, `198.51.100.${i}`));
        return out;
      };
      const known = await outcomes(hal.email.toUpperCase(), hal.password);
      const unknown = await outcomes('nobody@example.org', 'whatever password');
      expect(known.map((r) => r.status)).toEqual([401, 401, 429]);
      expect(unknown.map((r) => r.status)).toEqual([401, 401, 429]);
      // The same answers, but for the seconds left, which tick between the two runs.
      const sameShape = (r: { body: unknown }) => JSON.stringify(r.body).replace(/\d+ s\b/g, 'N s');
      expect(known.map(sameShape)).toEqual(unknown.map(sameShape));
      expect(known[2]!.headers['retry-after']).toMatch(/^\d+$/);
      // Another account is not affected.
      const other = await seedUser(limited.database);
      await attempt(other.email, other.password, '198.51.100.9').expect(201);
    } finally {
      await limited.close();
    }
  });
});
