import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { createSession } from '../../src/auth/accounts.service.ts';
import { runLinking } from '../../src/links/link-run.service.ts';
import { API_VERSION, apiPaths } from '../../src/http/openapi.document.ts';
import { errorBodySchema } from '../../src/http/openapi.shared.ts';
import { listRoutes, toOpenApiPath } from '../helpers/routes.ts';
import { createTestApp, enableImportConnection, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * The document is the API: every route the app answers under /api (and the
 * probes) is in it, nothing documented is missing from the app, and what the
 * documented GETs really return matches their schemas (strict: an undocumented
 * key fails too).
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof seedUser>>;
let cookie: string;
const ids: Record<string, number> = {};

const isApi = (path: string) => path.startsWith('/api/') || path === '/healthz' || path === '/readyz';

beforeAll(async () => {
  t = await createTestApp();
  await enableImportConnection(t);
  const [record, , sameMan] = await seedRecords(t.database, [
    { fullName: 'Ван-Си-Сян', birthYear: 1898, birthplace: 'Китай, пров. Шаньдун' },
    { fullName: 'Ли-Чан' },
    { fullName: 'Ван Си Сян', birthYear: 1898, birthplace: 'пров. Шаньдун', source: 'Книга памяти' },
  ]);
  ids.record = Number(record!.id);
  admin = await seedUser(t.database, { role: 'admin' });
  cookie = `nb_session=${(await createSession(t.database.db, admin.id)).id}`;
  const auth = { Authorization: `Bearer ${admin.token}` };
  const proposed = await request(t.app)
    .post(`/api/records/${ids.record}/corrections`)
    .send({ kind: 'chinese-name', hanzi: '王希祥', evidence: 'His letters, signed 王希祥', submitter: { email: 'family@example.org' } })
    .expect(201);
  ids.correction = proposed.body.id;
  await request(t.app).post(`/api/corrections/${ids.correction}/approve`).set(auth).send({ reason: 'letters' }).expect(200);
  // Two spellings of one man: a link proposed, then confirmed into a person.
  await runLinking(t.database.db);
  const links = await request(t.app).get('/api/links').set(auth).expect(200);
  const link = (links.body.links as Array<{ id: number; recordIds: number[] }>).find((l) => l.recordIds.includes(ids.record!) && l.recordIds.includes(Number(sameMan!.id)));
  ids.link = link!.id;
  const confirmed = await request(t.app).post(`/api/links/${ids.link}/confirm`).set(auth).send({ reason: 'same man' }).expect(200);
  ids.person = confirmed.body.personId;
  const queued = await request(t.app).post('/api/imports').set(auth).set('Content-Type', 'text/csv').send('ФИО,Год рождения\nЧжан-Цзо-Лин,1875\n,1900\n').expect(202);
  ids.import = queued.body.job.id;
  for (let i = 0; i < 400; i++) {
    const job = await request(t.app).get(`/api/imports/${ids.import}`).set(auth);
    if (job.body.job.status === 'succeeded' || job.body.job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is served at /api/openapi.json as OpenAPI 3.1 with the API version', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.version).toBe(API_VERSION);
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    expect(JSON.stringify(res.body)).toContain('王希祥');
  });

  it('documents every API route the app answers, and nothing it does not', () => {
    const documented = new Set(Object.entries(apiPaths()).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = new Set(listRoutes(t.app).filter((r) => isApi(r.path)).map((r) => `${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`));
    expect(served.size).toBeGreaterThan(15);
    expect([...served].filter((r) => !documented.has(r)), 'routes missing from the OpenAPI document').toEqual([]);
    expect([...documented].filter((r) => !served.has(r)), 'documented routes the app does not have').toEqual([]);
  });

  it('gives every operation its error responses with the one error body', () => {
    for (const [path, item] of Object.entries(apiPaths())) {
      for (const [method, op] of Object.entries(item) as Array<[string, ZodOpenApiOperationObject]>) {
        if (path === '/healthz' || path === '/readyz' || path.startsWith('/api/docs') || path === '/api/openapi.json') continue;
        const responses = op.responses as Record<string, ZodOpenApiResponseObject>;
        expect(responses['500'], `${method} ${path}`).toBeDefined();
        if (op.security) expect(Object.keys(responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401']));
      }
    }
  });

  it('serves the interactive documentation from this server, no CDN', async () => {
    const page = await request(t.app).get('/api/docs').expect(200).expect('Content-Type', /html/);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const src of sources) {
      expect(src.startsWith('/api/docs/assets/'), src).toBe(true);
      await request(t.app).get(src).expect(200);
    }
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    await request(t.app).get('/api/docs/assets/package.json').expect(404);
  });
});

/** Path parameters and required query strings for the documented GETs; a new one must be added here. */
const SAMPLE_PATHS: Record<string, () => string> = {
  '/api/records/{id}': () => `/api/records/${ids.record}?lang=en`,
  '/api/records/{id}/history': () => `/api/records/${ids.record}/history`,
  '/api/corrections/{id}': () => `/api/corrections/${ids.correction}`,
  '/api/imports/{id}': () => `/api/imports/${ids.import}`,
  '/api/imports/{id}/errors.csv': () => `/api/imports/${ids.import}/errors.csv`,
  '/api/search': () => `/api/search?q=${encodeURIComponent('王希祥')}&birthplace=Atlantis`,
  '/api/corrections': () => '/api/corrections?status=approved',
  '/api/links/{id}': () => `/api/links/${ids.link}`,
  '/api/links': () => '/api/links?status=confirmed',
  '/api/persons/{id}': () => `/api/persons/${ids.person}`,
  '/api/users/{id}/tokens': () => `/api/users/${admin.id}/tokens`,
};

describe('contract: real responses of every documented GET match their schemas', () => {
  const gets = Object.entries(apiPaths()).flatMap(([path, item]) => (item.get ? [[path, item.get] as const] : []));

  it.each(gets.map(([path, op]) => [path, op]))('GET %s', async (path, op) => {
    const url = SAMPLE_PATHS[path]?.() ?? (path.includes('{') ? undefined : path);
    expect(url, `add a sample URL for ${path} to SAMPLE_PATHS`).toBeDefined();
    let req = request(t.app).get(url!);
    if (op.security) req = req.set('Authorization', `Bearer ${admin.token}`).set('Cookie', cookie);
    const res = await req;
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const ok = (op.responses as Record<string, ZodOpenApiResponseObject>)['200']!;
    const types = Object.keys(ok.content ?? {});
    expect(types.some((type) => res.headers['content-type']?.startsWith(type)), `${res.headers['content-type']} not in ${types.join(', ')}`).toBe(true);
    const schema = ok.content?.['application/json']?.schema as z.ZodType | undefined;
    if (schema && typeof schema.parse === 'function') {
      const parsed = schema.safeParse(res.body);
      expect(parsed.success ? [] : parsed.error.issues, JSON.stringify(res.body).slice(0, 500)).toEqual([]);
    }
  });

  it('the search sample exercises results and a warning object', async () => {
    const res = await request(t.app).get(SAMPLE_PATHS['/api/search']!()).expect(200);
    expect(res.body.results[0].record.fullName).toBe('Ван-Си-Сян');
    expect(res.body.warnings[0]).toMatchObject({ code: 'unknown_birthplace' });
  });

  it('error bodies match the documented error schema', async () => {
    const missing = await request(t.app).get('/api/records/999999').expect(404);
    expect(errorBodySchema.safeParse(missing.body).success).toBe(true);
    const bad = await request(t.app).get('/api/search?q=').expect(400);
    expect(errorBodySchema.safeParse(bad.body).success).toBe(true);
    const anonymous = await request(t.app).get('/api/corrections').expect(401);
    expect(errorBodySchema.safeParse(anonymous.body).success).toBe(true);
  });
});
