import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { runImport, type ImportOptions, type ImportReport } from '../../src/imports/import.service.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { authHeader, seedUser } from '../helpers/test-app.ts';
import { createTestDatabase, testDatabaseUrl } from '../helpers/test-database.ts';

/**
 * Source values and approved corrections kept apart (issue 11, case 1): a
 * re-import never reverts an approved correction, a changed source value under
 * one opens a conflict, and nothing unreviewed or private is ever public.
 * On PostgreSQL the importer takes its COPY path; on PGlite the staged one.
 */
let database: Database;
let app: ReturnType<typeof createApp>;
let url: string | undefined;
let archivist: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createApp({ config: loadConfig({ CORRECTION_RATE_LIMIT: '1000', LOGIN_RATE_LIMIT: '1000' }), database, logger: createLogger('silent') });
  archivist = await seedUser(database, { role: 'archivist' });
  url = await testDatabaseUrl(database);
});
afterAll(() => database.close());

const HEADER = 'external_id,full_name,birth_year,occupation';

function importCsv(text: string, options: Partial<ImportOptions> = {}): Promise<ImportReport> {
  return runImport(database, {
    open: async function* () {
      yield Buffer.from(text);
    },
    fileName: 'claims.csv',
    actor: 'cli',
    connectionString: url,
    workers: 0,
    ...options,
  });
}

const staff = () => ({ Authorization: authHeader(archivist) });
const recordId = async (source: string, externalId: string) =>
  Number((await database.db.selectFrom('records').select('id').where('source', '=', source).where('external_id', '=', externalId).executeTakeFirstOrThrow()).id);

async function proposeAndApprove(id: number, field: string, value: string, evidence = 'his prison file, sheet 12') {
  const made = await request(app).post(`/api/records/${id}/corrections`).send({ kind: 'field', field, value, evidence }).expect(201);
  await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({}).expect(200);
  return made.body.id as number;
}

describe('case 1: an approved correction survives a re-import of its source row', () => {
  let id: number;

  it('keeps 1887 and shows the source’s 1888 beside it', async () => {
    expect(await importCsv(`${HEADER}\nr1,Ван-Си-Сян,1888,прачка\n`, { source: 'case1' })).toMatchObject({ inserted: 1, exitCode: 0 });
    id = await recordId('case1', 'r1');
    await proposeAndApprove(id, 'birthYear', '1887');
    const reimport = await importCsv(`${HEADER}\nr1,Ван-Си-Сян,1888,грузчик\n`, { source: 'case1' });
    expect(reimport).toMatchObject({ updated: 1, conflicts: 0 });

    const { body } = await request(app).get(`/api/records/${id}`).expect(200);
    expect(body.record).toMatchObject({ birthYear: 1887, occupation: 'грузчик', sourceValues: { birthYear: 1888 }, version: 3 });
    const page = await request(app).get(`/records/${id}?lang=en`).expect(200);
    expect(page.text).toMatch(/source: 1888 · corrected to 1887, evidence <q>his prison file, sheet 12<\/q>/);
    // The history tells the re-import changed the occupation only.
    const history = await request(app).get(`/api/records/${id}/history`).expect(200);
    const updated = history.body.events.filter((e: { kind: string }) => e.kind === 'record.updated');
    expect(updated.at(-1).data).toMatchObject({ old: { occupation: 'прачка' }, new: { occupation: 'грузчик' } });
    expect(updated.at(-1).data.new).not.toHaveProperty('birth_year');
  });

  it('a re-import changing birthYear to 1889 opens one conflict with both values; the correction stays', async () => {
    const report = await importCsv(`${HEADER}\nr1,Ван-Си-Сян,1889,грузчик\n`, { source: 'case1' });
    expect(report).toMatchObject({ updated: 1, conflicts: 1 });
    const { body } = await request(app).get('/api/conflicts?status=open').set(staff()).expect(200);
    const mine = body.conflicts.filter((c: { recordId: number }) => c.recordId === id);
    expect(mine).toEqual([
      expect.objectContaining({ recordId: id, field: 'birthYear', correctedValue: 1887, sourceValue: 1889, previousSourceValue: 1888, status: 'open', importJobId: report.jobId }),
    ]);
    expect(body).toHaveProperty('nextCursor', null);
    const record = (await request(app).get(`/api/records/${id}`).expect(200)).body.record;
    expect(record).toMatchObject({ birthYear: 1887, sourceValues: { birthYear: 1889 } });
    // The same file again changes nothing and opens nothing.
    expect(await importCsv(`${HEADER}\nr1,Ван-Си-Сян,1889,грузчик\n`, { source: 'case1' })).toMatchObject({ unchanged: 1, conflicts: 0 });
    await request(app).get('/api/conflicts').expect(401);
  });

  it('resolving keeps the chosen value: the source, then 409 on a second resolution', async () => {
    const open = (await request(app).get('/api/conflicts').set(staff()).expect(200)).body.conflicts.find((c: { recordId: number }) => c.recordId === id);
    const resolved = await request(app).post(`/api/conflicts/${open.id}/resolve`).set(staff()).send({ keep: 'source', reason: 'the archive re-read the file' }).expect(200);
    expect(resolved.body.conflict).toMatchObject({ id: open.id, status: 'resolved', resolution: 'source' });
    const record = (await request(app).get(`/api/records/${id}`).expect(200)).body.record;
    expect(record).toMatchObject({ birthYear: 1889, sourceValues: {} });
    await request(app).post(`/api/conflicts/${open.id}/resolve`).set(staff()).send({ keep: 'correction' }).expect(409);
    await request(app).post(`/api/conflicts/${open.id}/resolve`).set(staff()).send({ keep: 'neither' }).expect(400);
    // The claim is withdrawn: the next re-import displays the source again, with no conflict.
    expect(await importCsv(`${HEADER}\nr1,Ван-Си-Сян,1890,грузчик\n`, { source: 'case1' })).toMatchObject({ updated: 1, conflicts: 0 });
    expect((await request(app).get(`/api/records/${id}`).expect(200)).body.record.birthYear).toBe(1890);
  });

  it('resolving with keep=correction keeps the corrected value', async () => {
    await importCsv(`${HEADER}\nr2,Ли-Фу,1890,\n`, { source: 'case1' });
    const other = await recordId('case1', 'r2');
    await proposeAndApprove(other, 'birthYear', '1891');
    await importCsv(`${HEADER}\nr2,Ли-Фу,1892,\n`, { source: 'case1' });
    const open = (await request(app).get('/api/conflicts').set(staff()).expect(200)).body.conflicts.find((c: { recordId: number }) => c.recordId === other);
    await request(app).post(`/api/conflicts/${open.id}/resolve`).set(staff()).send({ keep: 'correction' }).expect(200);
    expect((await request(app).get(`/api/records/${other}`).expect(200)).body.record).toMatchObject({ birthYear: 1891, sourceValues: { birthYear: 1892 } });
  });
});

describe('the moderation page', () => {
  it('lists open conflicts beside the corrections, in zh/ru/en, and resolves them with a form', async () => {
    await importCsv(`${HEADER}\nm1,Ли-Тин,1880,\n`, { source: 'moderation' });
    const id = await recordId('moderation', 'm1');
    await proposeAndApprove(id, 'birthYear', '1881');
    await importCsv(`${HEADER}\nm1,Ли-Тин,1882,\n`, { source: 'moderation' });
    const agent = request.agent(app);
    const form = await agent.get('/login').expect(200);
    const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    await agent.post('/login').type('form').send({ email: archivist.email, password: archivist.password, next: '/moderation', _csrf: csrf(form.text) }).expect(303);
    const headings = { en: 'Conflicts with re-imported sources', ru: 'Расхождения с повторно загруженными источниками', zh: '与重新导入来源的冲突' };
    for (const [lang, heading] of Object.entries(headings)) {
      const page = await agent.get(`/moderation?lang=${lang}`).expect(200);
      expect(page.text).toContain(heading);
      expect(page.text).toMatch(new RegExp(`/records/${id}"`));
    }
    const page = await agent.get('/moderation?lang=en').expect(200);
    const conflictId = Number(new RegExp(`action="/moderation/conflicts/(\\d+)/resolve"`).exec(page.text)![1]);
    await agent.post(`/moderation/conflicts/${conflictId}/resolve`).type('form').send({ keep: 'source', _csrf: csrf(page.text) }).expect(303);
    expect((await request(app).get(`/api/records/${id}`).expect(200)).body.record).toMatchObject({ birthYear: 1882, sourceValues: {} });
    await request(app).post(`/moderation/conflicts/${conflictId}/resolve`).type('form').send({ keep: 'source' }).expect(401);
  });
});

describe('approving a correction whose field changed meanwhile', () => {
  it('is refused with 409 and both values, unless confirmed with confirmStale', async () => {
    await importCsv(`${HEADER}\ns1,Чжан-Мин,1900,\n`, { source: 'stale' });
    const id = await recordId('stale', 's1');
    const made = await request(app).post(`/api/records/${id}/corrections`).send({ kind: 'field', field: 'birthYear', value: '1901', evidence: 'family' }).expect(201);
    await importCsv(`${HEADER}\ns1,Чжан-Мин,1902,\n`, { source: 'stale' });
    const refused = await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({}).expect(409);
    expect(refused.body.error.details).toEqual({ field: 'birthYear', valueWhenProposed: 1900, currentValue: 1902, proposedValue: 1901 });
    // The refusal rolled the decision back: still pending.
    expect((await request(app).get(`/api/corrections/${made.body.id}`).set(staff()).expect(200)).body.correction.status).toBe('pending');
    await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({ confirmStale: true }).expect(200);
    expect((await request(app).get(`/api/records/${id}`).expect(200)).body.record).toMatchObject({ birthYear: 1901, sourceValues: { birthYear: 1902 } });
  });

  it('compares the record version the archivist saw (optimistic concurrency)', async () => {
    const id = await recordId('stale', 's1');
    const { version } = (await request(app).get(`/api/records/${id}`).expect(200)).body.record;
    const made = await request(app).post(`/api/records/${id}/corrections`).send({ kind: 'field', field: 'occupation', value: 'повар', evidence: 'family' }).expect(201);
    const lost = await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({ version: version - 1 }).expect(409);
    expect(lost.body.error.details).toEqual({ version });
    await request(app).post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({ version }).expect(200);
  });
});

describe('nothing unreviewed is public', () => {
  const VALUE = 'Secret-Proposed-Value-4411';
  const EVIDENCE = 'Secret-Evidence-Text-9932';

  it('a pending or rejected correction shows only that it was proposed; archivists see everything', async () => {
    await importCsv(`${HEADER}\np1,Ван-Фу,1895,\n`, { source: 'pending' });
    const id = await recordId('pending', 'p1');
    const pending = await request(app).post(`/api/records/${id}/corrections`).send({ kind: 'field', field: 'occupation', value: VALUE, evidence: EVIDENCE }).expect(201);
    const rejected = await request(app).post(`/api/records/${id}/corrections`).send({ kind: 'chinese-name', hanzi: '王福', evidence: EVIDENCE }).expect(201);
    await request(app).post(`/api/corrections/${rejected.body.id}/reject`).set(staff()).send({ reason: 'no source given' }).expect(200);

    const publicTexts = await Promise.all(
      [`/api/records/${id}`, `/api/records/${id}/history`, `/records/${id}?lang=en`, `/records/${id}?lang=ru`, `/records/${id}?lang=zh`, '/api/search?q=Ван-Фу'].map(
        async (path) => (await request(app).get(path).expect(200)).text,
      ),
    );
    for (const text of publicTexts) {
      expect(text).not.toContain(VALUE);
      expect(text).not.toContain(EVIDENCE);
      expect(text).not.toContain('王福');
    }
    const history = (await request(app).get(`/api/records/${id}/history`).expect(200)).body;
    expect(history.events.find((e: { kind: string }) => e.kind === 'correction.submitted').data).toEqual({ correctionId: pending.body.id, kind: 'field' });
    expect(history.corrections).toEqual(expect.arrayContaining([expect.objectContaining({ id: pending.body.id, kind: 'field', status: 'pending' })]));

    const staffHistory = await request(app).get(`/api/records/${id}/history`).set(staff()).expect(200);
    expect(staffHistory.text).toContain(VALUE);

    // Approved, the value is public.
    await request(app).post(`/api/corrections/${pending.body.id}/approve`).set(staff()).send({}).expect(200);
    expect((await request(app).get(`/api/records/${id}/history`).expect(200)).text).toContain(VALUE);
  });
});

describe('private columns', () => {
  const PHONE = '+7 495 123-45-67';
  const FILE = `external_id,full_name,source,relative's phone,Примечание\nc1,Ли-Сан,Книга памяти т. 3,${PHONE},прачка\n`;

  it('are kept but shown only to archivists; the displaced source column stays public as the citation', async () => {
    const report = await importCsv(FILE, { source: 'private' });
    expect(report.warnings).toContain(
      `columns kept private (archivists only, never on public pages or in the public API): "relative's phone", "Примечание"; to publish them for this source, import with --public-columns "relative's phone,Примечание"`,
    );
    const id = await recordId('private', 'c1');
    const texts = await Promise.all(
      [`/api/records/${id}`, `/api/records/${id}/history`, `/records/${id}?lang=en`, '/api/search?q=Ли-Сан', `/api/records?limit=500`].map(async (path) => (await request(app).get(path).expect(200)).text),
    );
    for (const text of texts) {
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('прачка');
    }
    const record = (await request(app).get(`/api/records/${id}`).expect(200)).body.record;
    expect(record.extra).toEqual({ source: 'Книга памяти т. 3' });
    expect(record).not.toHaveProperty('privateExtra');
    const seen = (await request(app).get(`/api/records/${id}`).set(staff()).expect(200)).body.record;
    expect(seen).toMatchObject({ extra: { source: 'Книга памяти т. 3' }, privateExtra: { "relative's phone": PHONE, Примечание: 'прачка' } });
  });

  it('--public-columns makes the named ones public for that source', async () => {
    const report = await importCsv(FILE.replace('c1', 'c2'), { source: 'private', publicColumns: ['примечание'] });
    expect(report.warnings.join('\n')).toContain(`"relative's phone"; to publish`);
    const id = await recordId('private', 'c2');
    const record = (await request(app).get(`/api/records/${id}`).set(staff()).expect(200)).body.record;
    expect(record).toMatchObject({ extra: { source: 'Книга памяти т. 3', Примечание: 'прачка' }, privateExtra: { "relative's phone": PHONE } });
  });
});
