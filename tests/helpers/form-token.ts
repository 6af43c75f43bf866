import type { Express } from 'express';
import request from 'supertest';

/**
 * What a browser has after rendering an anonymous form (login, the correction
 * form): the form-token cookie and the same token in the hidden `_csrf` field.
 * Send both with the post: `.set('Cookie', cookie).send({ ...fields, _csrf })`.
 */
export async function formTokenFor(app: Express, path = '/login'): Promise<{ cookie: string; _csrf: string }> {
  const res = await request(app).get(path).expect(200);
  const setCookies = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const cookie = setCookies.find((c) => c.startsWith('nb_form='))?.split(';')[0];
  const field = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
  if (!cookie || !field) throw new Error(`${path} rendered no form token`);
  return { cookie, _csrf: field };
}
