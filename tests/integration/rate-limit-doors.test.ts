import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { formTokenFor } from '../helpers/form-token.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Regression: the JSON API and the web form each had a limiter of their own,
// so a client could try twice as many passwords as the limit allows.
describe('one login limit across the API and the web form', () => {
  it('counts POST /api/session and POST /login together', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '2', LOGIN_RATE_WINDOW_MINUTES: '15' });
    try {
      const wrong = { email: 'nobody@example.org', password: 'not the password' };
      const { cookie, _csrf } = await formTokenFor(t.app);
      await request(t.app).post('/api/session').send(wrong).expect(401);
      await request(t.app).post('/login').set('Cookie', cookie).type('form').send({ ...wrong, _csrf }).expect(401);
      const third = await request(t.app).post('/api/session').send(wrong).expect(429);
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      await request(t.app).post('/login').set('Cookie', cookie).type('form').send({ ...wrong, _csrf }).expect(429);
    } finally {
      await t.close();
    }
  });
});

// The per-account limit has the same two doors, and must count them together too.
describe('one per-account login limit across the API and the web form', () => {
  it('counts failed logins for one email through POST /api/session and POST /login together, from any address', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '100', LOGIN_ACCOUNT_RATE_LIMIT: '2', LOGIN_RATE_WINDOW_MINUTES: '15' });
    try {
      const wrong = { email: 'Somebody@example.org', password: 'not the password' };
      const { cookie, _csrf } = await formTokenFor(t.app);
      await request(t.app).post('/api/session').set('x-forwarded-for', '203.0.113.1').send(wrong).expect(401);
      await request(t.app).post('/login').set('x-forwarded-for', '203.0.113.2').set('Cookie', cookie).type('form').send({ ...wrong, _csrf }).expect(401);
      await request(t.app).post('/api/session').set('x-forwarded-for', '203.0.113.3').send({ ...wrong, email: ' somebody@EXAMPLE.org' }).expect(429);
      await request(t.app).post('/login').set('x-forwarded-for', '203.0.113.4').set('Cookie', cookie).type('form').send({ ...wrong, _csrf }).expect(429);
      // The limit is the email's, not the address's.
      await request(t.app).post('/api/session').set('x-forwarded-for', '203.0.113.3').send({ ...wrong, email: 'other@example.org' }).expect(401);
    } finally {
      await t.close();
    }
  });
});

// Several server processes (cluster workers, machines) on one database: each
// app stands for one process with its own limiters; the counts are shared.
describe('one login limit across server processes', () => {
  it('counts attempts made through two apps on the same database together', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '2', LOGIN_RATE_WINDOW_MINUTES: '15' });
    try {
      const other = createApp({ ...t.ctx });
      const wrong = { email: 'nobody@example.org', password: 'not the password' };
      await request(t.app).post('/api/session').send(wrong).expect(401);
      await request(other).post('/api/session').send(wrong).expect(401);
      await request(t.app).post('/api/session').send(wrong).expect(429);
      await request(other).post('/api/session').send(wrong).expect(429);
    } finally {
      await t.close();
    }
  });

  it('starts a new window once the old one is over', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '1', LOGIN_RATE_WINDOW_MINUTES: '1' });
    try {
      const wrong = { email: 'nobody@example.org', password: 'not the password' };
      await request(t.app).post('/api/session').send(wrong).expect(401);
      await request(t.app).post('/api/session').send(wrong).expect(429);
      await t.database.db.updateTable('rate_limits').set({ reset_at: new Date(Date.now() - 1000) }).execute();
      await request(t.app).post('/api/session').send(wrong).expect(401);
    } finally {
      await t.close();
    }
  });
});
