import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

// Regression: the JSON API and the web form each had a limiter of their own,
// so a client could try twice as many passwords as the limit allows.
describe('one login limit across the API and the web form', () => {
  it('counts POST /api/session and POST /login together', async () => {
    const t = await createTestApp({ LOGIN_RATE_LIMIT: '2', LOGIN_RATE_WINDOW_MINUTES: '15' });
    try {
      const wrong = { email: 'nobody@example.org', password: 'not the password' };
      await request(t.app).post('/api/session').send(wrong).expect(401);
      await request(t.app).post('/login').type('form').send(wrong).expect(401);
      const third = await request(t.app).post('/api/session').send(wrong).expect(429);
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      await request(t.app).post('/login').type('form').send(wrong).expect(429);
    } finally {
      await t.close();
    }
  });
});
