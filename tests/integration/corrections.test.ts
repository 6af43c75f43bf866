import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { authHeader, createTestApp, seedRecords, seedUser } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * Corrections through HTTP on the real database: submit → moderate → effect →
 * history, with every public response and every log line checked for the
 * submitter's contact.
 */

const SECRET_EMAIL = 'family.secret-7741@example.org';
const SECRET_NAME = 'Wang Lihua Private';
const XSS = '<img src=x onerror=alert(1)>';
const SQLI = "'; DROP TABLE records; --";

let database: Database;
let app: ReturnType<typeof createApp>;
const logLines: string[] = [];
/** Every body a member of the public could see, checked for contacts at the end. */
const publicBodies: string[] = [];
let archivist: Awaited<ReturnType<typeof seedUser>>;
let archivist2: Awaited<ReturnType<typeof seedUser>>;
let recordA: number; // Ван-Си-Сян
let recordB: number; // Ван Си-Сян: decodes to the same readings as A

beforeAll(async () => {
  database = await createTestDatabase();
  const logger = createLogger('trace', { write: (line: string) => void logLines.push(line) });
  app = createApp({ config: loadConfig({ CORRECTION_RATE_LIMIT: '1000' }), database, logger });
  const rows = await seedRecords(database, [
    { fullName: 'Ван-Си-Сян', birthYear: 1899, birthplace: 'Шаньдун' },
    { fullName: 'Ван Си-Сян', birthYear: 1901, birthplace: 'Чифу', fields: { fullName: 'Ван Си-Сян', occupation: 'грузчик' } },
    { fullName: 'Ли-Фу', birthYear: 1890 },
  ]);
  [recordA, recordB] = rows.map((r) => Number(r.id)) as [number, number];
  archivist = await seedUser(database, { role: 'archivist', displayName: 'Archivist Chen' });
  archivist2 = await seedUser(database, { role: 'archivist' });
});
afterAll(() => database.close());

async function submit(recordId: number, body: object) {
  const res = await request(app).post(`/api/records/${recordId}/corrections`).send(body);
  publicBodies.push(res.text);
  return res;
}

async function publicGet(path: string, query: Record<string, string> = {}) {
  const res = await request(app).get(path).query(query).expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  publicBodies.push(res.text);
  return res;
}

const nameProposal = {
  kind: 'chinese-name',
  hanzi: '王希祥',
  evidence: 'His letters of 1936, signed 王希祥, kept by the family.',
  submitter: { name: SECRET_NAME, email: SECRET_EMAIL },
};

describe('the whole flow: submit → list → approve → attested name → history', () => {
  let correctionId: number;

  it('accepts a public proposal with 201 {id, status: pending} and nothing else', async () => {
    const res = await submit(recordB, nameProposal).then((r) => r);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);
    expect(res.body.status).toBe('pending');
    correctionId = res.body.id;
  });

  it('shows it, with evidence and contact, in the archivists’ queue', async () => {
    const res = await request(app).get('/api/corrections').set('authorization', authHeader(archivist)).expect(200);
    expect(res.body.corrections).toHaveLength(1);
    expect(res.body.corrections[0]).toMatchObject({
      id: correctionId,
      recordId: recordB,
      recordFullName: 'Ван Си-Сян',
      kind: 'chinese-name',
      hanzi: '王希祥',
      pinyin: null,
      evidence: nameProposal.evidence,
      submitter: { name: SECRET_NAME, email: SECRET_EMAIL },
      status: 'pending',
      decidedAt: null,
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('approves it, adding the attested name, pinyin computed from the characters', async () => {
    const res = await request(app)
      .post(`/api/corrections/${correctionId}/approve`)
      .set('authorization', authHeader(archivist))
      .send({ reason: 'Letters seen in the family archive' })
      .expect(200);
    expect(res.body.correction).toMatchObject({ id: correctionId, status: 'approved', decisionReason: 'Letters seen in the family archive' });
    expect(res.body.correction.decidedBy).toEqual({ type: 'archivist', label: 'Archivist Chen' });

    const record = (await publicGet(`/api/records/${recordB}`)).body.record;
    expect(record.fullName).toBe('Ван Си-Сян'); // the recorded Cyrillic never changes
    expect(record.attestedNames).toEqual([
      { hanzi: '王希祥', pinyin: 'wang xi xiang', evidence: nameProposal.evidence, approvedAt: expect.any(String) },
    ]);
    expect((await publicGet(`/api/records/${recordA}`)).body.record.attestedNames).toEqual([]);
  });

  it('stores the attested reading in the same transaction, ranked above the decoded ones', async () => {
    const rows = await database.db.selectFrom('record_readings').selectAll().where('record_id', '=', String(recordB)).orderBy('rank').execute();
    expect(rows[0]).toMatchObject({ origin: 'attested', key: 'wang xi xiang', rank: 0 });
  });

  it('search for the characters ranks the attested record first, marked attested', async () => {
    const res = await publicGet('/api/search', { q: '王希祥' });
    const results: Array<{ record: { id: number }; score: number; match: { origin: string } }> = res.body.results;
    // Record A decodes perfectly to the same reading: the attested one must still come first.
    expect(results[0]?.record.id).toBe(recordB);
    expect(results[0]?.match.origin).toBe('attested');
    expect(results[0]!.score).toBeGreaterThan(results[1]?.score ?? 0);
  });

  it('records submitted and approved in the public history, with no contact and no email as actor', async () => {
    const res = await publicGet(`/api/records/${recordB}/history`);
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual(['record.inserted', 'correction.submitted', 'correction.approved']);
    const [, submitted, approved] = res.body.events;
    expect(submitted).toMatchObject({
      actor: { type: 'public', label: 'public' },
      reason: null,
      data: { correctionId, kind: 'chinese-name', hanzi: '王希祥', pinyin: null },
    });
    expect(approved).toMatchObject({
      actor: { type: 'archivist', label: 'Archivist Chen' },
      reason: 'Letters seen in the family archive',
      data: { correctionId },
    });
    expect(res.body.corrections).toEqual([
      { id: correctionId, kind: 'chinese-name', status: 'approved', submittedAt: expect.any(String), decidedAt: expect.any(String) },
    ]);
    expect(res.text).not.toContain(archivist.email);
  });

  it('lists it under approved, no longer under pending', async () => {
    const pending = await request(app).get('/api/corrections').set('authorization', authHeader(archivist)).expect(200);
    expect(pending.body.corrections.map((c: { id: number }) => c.id)).not.toContain(correctionId);
    const approved = await request(app).get('/api/corrections?status=approved').set('authorization', authHeader(archivist)).expect(200);
    expect(approved.body.corrections.map((c: { id: number }) => c.id)).toContain(correctionId);
  });
});

describe('field corrections', () => {
  it('change the field on approval, bump the version and keep the old value in the history', async () => {
    const before = (await publicGet(`/api/records/${recordB}`)).body.record;
    const { body } = await submit(recordB, { kind: 'field', field: 'birthplace', value: 'Чифу, Шаньдун', evidence: 'Passport of 1925' });
    await request(app).post(`/api/corrections/${body.id}/approve`).set('authorization', authHeader(archivist)).send({}).expect(200);

    const after = (await publicGet(`/api/records/${recordB}`)).body.record;
    expect(after.birthplace).toBe('Чифу, Шаньдун');
    expect(after.version).toBe(before.version + 1);
    const events = (await publicGet(`/api/records/${recordB}/history`)).body.events;
    const changed = events.find((e: { kind: string }) => e.kind === 'record.field_changed');
    expect(changed).toMatchObject({
      actor: { type: 'archivist' },
      data: { old: { birthplace: 'Чифу' }, new: { birthplace: 'Чифу, Шаньдун' } },
    });
  });

  it('write dates with their normalised form, and years as numbers', async () => {
    const date = await submit(recordA, { kind: 'field', field: 'executedOn', value: '17.05.1938', evidence: 'Act of execution' });
    const year = await submit(recordA, { kind: 'field', field: 'birthYear', value: '1898', evidence: 'Passport' });
    for (const id of [date.body.id, year.body.id]) {
      await request(app).post(`/api/corrections/${id}/approve`).set('authorization', authHeader(archivist)).expect(200);
    }
    const record = (await publicGet(`/api/records/${recordA}`)).body.record;
    expect(record).toMatchObject({ executedOn: '17.05.1938', birthYear: 1898, normalisedDates: { executedOn: '1938-05-17' } });
  });
});

describe('decisions', () => {
  it('need a reason to reject, and leave the record untouched', async () => {
    const { body } = await submit(recordA, { kind: 'field', field: 'occupation', value: 'повар', evidence: 'hearsay' });
    const noReason = await request(app).post(`/api/corrections/${body.id}/reject`).set('authorization', authHeader(archivist)).send({}).expect(400);
    expect(noReason.body.error.details).toEqual([{ field: 'reason', message: 'is required to reject' }]);
    await request(app).post(`/api/corrections/${body.id}/reject`).set('authorization', authHeader(archivist)).send({ reason: '   ' }).expect(400);
    const res = await request(app)
      .post(`/api/corrections/${body.id}/reject`)
      .set('authorization', authHeader(archivist))
      .send({ reason: 'No source given' })
      .expect(200);
    expect(res.body.correction).toMatchObject({ status: 'rejected', decisionReason: 'No source given' });
    expect((await publicGet(`/api/records/${recordA}`)).body.record.occupation).toBeNull();
    const history = (await publicGet(`/api/records/${recordA}/history`)).body.events;
    expect(history.at(-1)).toMatchObject({ kind: 'correction.rejected', reason: 'No source given', data: { correctionId: body.id } });
  });

  it('409 a second decision either way, 404 an unknown correction', async () => {
    const { body } = await submit(recordA, { kind: 'chinese-name', pinyin: 'Wang Hsi-hsiang', evidence: 'a photograph' });
    await request(app).post(`/api/corrections/${body.id}/approve`).set('authorization', authHeader(archivist)).expect(200);
    const again = await request(app).post(`/api/corrections/${body.id}/approve`).set('authorization', authHeader(archivist)).expect(409);
    expect(again.body.error).toEqual({ code: 'conflict', message: `Correction ${body.id} is already approved` });
    await request(app).post(`/api/corrections/${body.id}/reject`).set('authorization', authHeader(archivist)).send({ reason: 'x' }).expect(409);
    await request(app).post('/api/corrections/99999999/approve').set('authorization', authHeader(archivist)).expect(404);
    await request(app).post('/api/corrections/abc/approve').set('authorization', authHeader(archivist)).expect(400);
  });

  it('of two concurrent approvals, exactly one wins; the effect happens once', async () => {
    for (let round = 0; round < 3; round++) {
      const { body } = await submit(recordA, { kind: 'chinese-name', hanzi: '王喜祥', evidence: `round ${round}` });
      const results = await Promise.all(
        [archivist, archivist2].map((who) => request(app).post(`/api/corrections/${body.id}/approve`).set('authorization', authHeader(who)).send({})),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const names = await database.db.selectFrom('attested_names').select('id').where('correction_id', '=', String(body.id)).execute();
      expect(names).toHaveLength(1);
      const events = await database.db
        .selectFrom('record_events')
        .select('kind')
        .where('kind', '=', 'correction.approved')
        .where(sql`(data->>'correctionId')::bigint`, '=', body.id)
        .execute();
      expect(events).toHaveLength(1);
    }
  });

  it('of a concurrent approval and rejection, exactly one wins', async () => {
    const { body } = await submit(recordA, { kind: 'field', field: 'residence', value: 'Москва', evidence: 'address book' });
    const [a, r] = await Promise.all([
      request(app).post(`/api/corrections/${body.id}/approve`).set('authorization', authHeader(archivist)).send({}),
      request(app).post(`/api/corrections/${body.id}/reject`).set('authorization', authHeader(archivist2)).send({ reason: 'doubt' }),
    ]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    const row = await database.db.selectFrom('corrections').select('status').where('id', '=', String(body.id)).executeTakeFirstOrThrow();
    expect(row.status).toBe(a.status === 200 ? 'approved' : 'rejected');
  });

  it('pages the queue with an opaque keyset cursor', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submit(recordA, { kind: 'field', field: 'charge', value: `58-${i}`, evidence: 'case file' })).body.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(app)
        .get('/api/corrections')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .set('authorization', authHeader(archivist))
        .expect(200);
      seen.push(...res.body.corrections.map((c: { id: number }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    await request(app).get('/api/corrections?status=open').set('authorization', authHeader(archivist)).expect(400);
    await request(app).get('/api/corrections?cursor=!!').set('authorization', authHeader(archivist)).expect(400);
  });
});

describe('submission validation', () => {
  it.each([
    ['Latin letters as hanzi', { ...nameProposal, hanzi: 'Wang' }, 'hanzi'],
    ['7 characters', { ...nameProposal, hanzi: '王希祥王希祥王' }, 'hanzi'],
    ['pinyin the core cannot read', { kind: 'chinese-name', pinyin: 'hello world', evidence: 'x' }, 'pinyin'],
    ['no evidence', { kind: 'chinese-name', hanzi: '王' }, 'evidence'],
    ['evidence over 10,000 characters', { kind: 'chinese-name', hanzi: '王', evidence: 'я'.repeat(10_001) }, 'evidence'],
    ['an uncorrectable field', { kind: 'field', field: 'fullName', value: 'Ван', evidence: 'x' }, 'field'],
    ['a year out of range', { kind: 'field', field: 'birthYear', value: 1700, evidence: 'x' }, 'value'],
    ['a date after 1960', { kind: 'field', field: 'deathDate', value: '1975', evidence: 'x' }, 'value'],
    ['a malformed email', { kind: 'chinese-name', hanzi: '王', evidence: 'x', submitter: { email: 'nope' } }, 'submitter.email'],
    ['an unknown kind', { kind: 'other', evidence: 'x' }, 'kind'],
    ['a NUL character in the evidence', { kind: 'chinese-name', hanzi: '王', evidence: 'a\u0000b' }, 'evidence'],
  ])('400s %s, naming the field', async (_label, body, field) => {
    const res = await submit(recordA, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('404s an unknown record, 400s a malformed id', async () => {
    expect((await submit(99999999, nameProposal)).status).toBe(404);
    const res = await request(app).post('/api/records/abc/corrections').send(nameProposal).expect(400);
    expect(res.body.error.message).toMatch(/record id/);
  });

  it('413s a body over 100 kB', async () => {
    const res = await submit(recordA, { ...nameProposal, evidence: 'я'.repeat(60_000) }); // 120 kB of UTF-8
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('404s the history of an unknown record', async () => {
    await request(app).get('/api/records/99999999/history').expect(404);
  });
});

describe('script and SQL injection strings', () => {
  it('are stored verbatim as data, returned byte-identical as JSON, and harm nothing', async () => {
    const { body } = await submit(recordA, { kind: 'field', field: 'occupation', value: XSS, evidence: SQLI, submitter: { name: SQLI } });
    expect(body.status).toBe('pending');
    const queue = await request(app).get('/api/corrections').set('authorization', authHeader(archivist)).expect(200);
    const mine = queue.body.corrections.find((c: { id: number }) => c.id === body.id);
    expect(mine).toMatchObject({ value: XSS, evidence: SQLI, submitter: { name: SQLI } });
    await request(app).post(`/api/corrections/${body.id}/approve`).set('authorization', authHeader(archivist)).send({ reason: XSS }).expect(200);

    const res = await publicGet(`/api/records/${recordA}`);
    expect(res.body.record.occupation).toBe(XSS);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const history = await publicGet(`/api/records/${recordA}/history`);
    const changed = history.body.events.filter((e: { kind: string }) => e.kind === 'record.field_changed').at(-1);
    expect(changed).toMatchObject({ reason: XSS, data: { new: { occupation: XSS } } });

    const name = await submit(recordA, { kind: 'chinese-name', hanzi: '王', evidence: SQLI });
    expect(name.status).toBe(201);
    await request(app).post(`/api/corrections/${name.body.id}/approve`).set('authorization', authHeader(archivist)).expect(200);
    expect((await publicGet(`/api/records/${recordA}`)).body.record.attestedNames.at(-1)).toMatchObject({ hanzi: '王', evidence: SQLI });

    const tables = await sql<{ n: string }>`SELECT count(*) AS n FROM records`.execute(database.db);
    expect(Number(tables.rows[0]?.n)).toBe(3);
    await publicGet('/api/records');
  });
});

describe('privacy of submitter contacts', () => {
  it('no public response and no log line carries the email or the name', async () => {
    for (const id of [recordA, recordB]) {
      await publicGet(`/api/records/${id}`);
      await publicGet(`/api/records/${id}/history`);
    }
    await publicGet('/api/records');
    await publicGet('/api/search', { q: 'Ван-Си-Сян' });
    expect(publicBodies.length).toBeGreaterThan(20);
    for (const body of publicBodies) {
      expect(body).not.toContain(SECRET_EMAIL);
      expect(body).not.toContain(SECRET_NAME);
    }
    expect(logLines.length).toBeGreaterThan(20);
    for (const line of logLines) {
      expect(line).not.toContain(SECRET_EMAIL);
      expect(line).not.toContain(SECRET_NAME);
      expect(line).not.toContain(archivist.token);
    }
  });

  it('never writes a contact into the history table', async () => {
    const rows = await database.db.selectFrom('record_events').select(['data', 'actor', 'reason']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(SECRET_EMAIL);
    expect(text).not.toContain(SECRET_NAME);
    const stored = await database.db.selectFrom('corrections').select(['submitter_email', 'client_hash']).where('submitter_email', '=', SECRET_EMAIL).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.client_hash).toMatch(/^[0-9a-f]{64}$/); // the address is stored only as a hash
  });
});

describe('rate limit', () => {
  it('429s a client over the submission limit, with Retry-After, in our error format', async () => {
    const limited = await createTestApp({ CORRECTION_RATE_LIMIT: '2', CORRECTION_RATE_WINDOW_MINUTES: '10' });
    try {
      const [row] = await seedRecords(limited.database, [{ fullName: 'Ли-Фу' }]);
      const body = { kind: 'chinese-name', hanzi: '李福', evidence: 'x' };
      await request(limited.app).post(`/api/records/${row!.id}/corrections`).send(body).expect(201);
      await request(limited.app).post(`/api/records/${row!.id}/corrections`).send(body).expect(201);
      const res = await request(limited.app).post(`/api/records/${row!.id}/corrections`).send(body).expect(429);
      expect(res.body.error.code).toBe('rate_limited');
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      // Reading is not limited.
      await request(limited.app).get(`/api/records/${row!.id}`).expect(200);
    } finally {
      await limited.close();
    }
  });
});
