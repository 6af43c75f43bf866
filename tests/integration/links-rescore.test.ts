import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/accounts.service.ts';
import { countPending } from '../../src/links/link-pending.repository.ts';
import { linkPending, runLinking } from '../../src/links/link-run.service.ts';
import { reindexReadings } from '../../src/search/reindex.service.ts';
import { authHeader, createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * Records changed after a run are linked again without `link --restart`: an
 * approved correction marks the record (migration 0016's trigger), and the
 * next job re-scores its pairs — a correction can make two records link, or
 * withdraw a proposal; a decided link keeps its decision and is only flagged.
 */

let t: TestApp;
let archivist: Awaited<ReturnType<typeof seedUser>>;
const id: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  archivist = await seedUser(t.database);
  const rows = await seedRecords(t.database, [
    { fullName: 'Ван-Си-Сян', birthYear: 1888, birthplace: 'Китай, г. Шаньдун', source: 'Расстрелы в Москве' },
    // Born 1898 in the book (a misprint): not even a candidate pair until corrected.
    { fullName: 'Ван Си Сян', birthYear: 1898, birthplace: 'пров. Шаньдун', source: 'Книга памяти' },
    { fullName: 'Чжан-Мин-Шань', birthYear: 1900, birthplace: 'Китай, Хэбэй', source: 'Расстрелы в Москве' },
    { fullName: 'Чжан Мин Шань', birthYear: 1900, birthplace: 'пров. Хэбэй', source: 'Книга памяти' },
    { fullName: 'Лю-Цзин-Фу', birthYear: 1895, birthplace: 'Китай, Шаньдун', source: 'Расстрелы в Москве' },
    { fullName: 'Лю Цзин Фу', birthYear: 1895, birthplace: 'пров. Шаньдун', source: 'Книга памяти' },
    // Two men named Юзеф: the decoder reads «Юзеф» as iu zie, which must not block them together.
    { fullName: 'Демидов Юзеф Эдуардович', birthYear: 1890, source: 'Расстрелы в Москве' },
    { fullName: 'Чернов Юзеф Леонидович', birthYear: 1890, source: 'Книга памяти' },
  ]);
  ['wangA', 'wangB', 'zhangA', 'zhangB', 'liuA', 'liuB', 'josefA', 'josefB'].forEach((k, i) => (id[k] = Number(rows[i]!.id)));
  await runLinking(t.database.db);
});
afterAll(() => t.close());

const api = () => request(t.app);
const staff = () => ({ Authorization: authHeader(archivist) });
type Link = { id: number; recordIds: [number, number]; score: number; status: string; rescored: { score: number; reasons: unknown[] } | null };

async function linkOf(a: number, b: number, status = 'proposed'): Promise<Link | undefined> {
  const res = await api().get('/api/links').query({ status, minScore: 0, limit: 100 }).set(staff()).expect(200);
  return (res.body.links as Link[]).find((l) => l.recordIds[0] === Math.min(a, b) && l.recordIds[1] === Math.max(a, b));
}

async function correctBirthYear(recordId: number, year: number): Promise<void> {
  const made = await api().post(`/api/records/${recordId}/corrections`).send({ kind: 'field', field: 'birthYear', value: String(year), evidence: 'family papers' }).expect(201);
  await api().post(`/api/corrections/${made.body.id}/approve`).set(staff()).send({}).expect(200);
}

describe('re-linking changed records', () => {
  it('a run leaves nothing marked, and proposes the pairs as the records stand', async () => {
    expect(await countPending(t.database.db)).toBe(0);
    expect(await linkOf(id.wangA!, id.wangB!)).toBeUndefined();
    expect((await linkOf(id.zhangA!, id.zhangB!))?.score).toBeGreaterThanOrEqual(0.8);
    expect(await linkOf(id.josefA!, id.josefB!)).toBeUndefined();
  });

  it('an approved correction that makes two records agree proposes their link at the next job', async () => {
    await correctBirthYear(id.wangB!, 1888);
    expect(await countPending(t.database.db)).toBe(1);
    const done = await linkPending(t.database.db);
    expect(done.records).toBe(1);
    const link = await linkOf(id.wangA!, id.wangB!);
    expect(link?.score).toBeGreaterThanOrEqual(0.8);
    expect(await countPending(t.database.db)).toBe(0);
  });

  it('a correction that breaks a proposed link withdraws the proposal', async () => {
    await correctBirthYear(id.zhangB!, 1910);
    await linkPending(t.database.db);
    expect(await linkOf(id.zhangA!, id.zhangB!)).toBeUndefined();
  });

  it('a confirmed link is not overturned: the decision and its score stay, the new score is flagged in both histories', async () => {
    const proposed = await linkOf(id.liuA!, id.liuB!);
    expect(proposed?.score).toBeGreaterThanOrEqual(0.8);
    await api().post(`/api/links/${proposed!.id}/confirm`).set(staff()).send({ reason: 'same man' }).expect(200);
    await correctBirthYear(id.liuB!, 1920);
    await linkPending(t.database.db);
    const after = await linkOf(id.liuA!, id.liuB!, 'confirmed');
    expect(after).toMatchObject({ id: proposed!.id, status: 'confirmed', score: proposed!.score });
    expect(after!.rescored!.score).toBeLessThan(0.8);
    for (const recordId of [id.liuA!, id.liuB!]) {
      const history = await api().get(`/api/records/${recordId}/history`).expect(200);
      expect(history.body.events.map((e: { kind: string }) => e.kind)).toContain('link.rescored');
    }
    const person = await api().get(`/api/records/${id.liuA}`).expect(200);
    expect(person.body.record.person.recordIds).toEqual([id.liuA, id.liuB]);
    // Changed again, still against the decision: flagged once, not at every change.
    await correctBirthYear(id.liuB!, 1921);
    await linkPending(t.database.db);
    const events = await t.database.db.selectFrom('record_events').select('kind').where('record_id', '=', String(id.liuB)).where('kind', '=', 'link.rescored').execute();
    expect(events).toHaveLength(1);
    // The moderation page says so beside the decision, in the archivist's language.
    const session = await createSession(t.database.db, archivist.id);
    const page = await api().get('/moderation/links?status=confirmed').set('Cookie', `nb_session=${session.id}`).set('Accept-Language', 'en').expect(200);
    const rescored = await linkOf(id.liuA!, id.liuB!, 'confirmed');
    expect(page.text).toContain(`the pair now scores ${rescored!.rescored!.score}`);
    expect(page.text.match(/data-rescored/g)).toHaveLength(1);
  });

  it('a reindex (readings rewritten) marks the records it rebuilt; an unchanged write marks nothing', async () => {
    await t.database.db.updateTable('records').set({ occupation: 'повар' }).where('id', '=', String(id.wangA) as never).execute();
    expect(await countPending(t.database.db)).toBe(0);
    await t.database.db.updateTable('record_readings').set({ decoder_version: '' }).where('record_id', '=', String(id.wangA)).execute();
    await reindexReadings(t.database);
    expect(await countPending(t.database.db)).toBe(1);
    await linkPending(t.database.db);
    expect((await linkOf(id.wangA!, id.wangB!))?.score).toBeGreaterThanOrEqual(0.8);
  });
});
