import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinking } from '../../src/links/link-run.service.ts';
import { authHeader, createTestApp, seedRecords, seedUser, type TestApp } from '../helpers/test-app.ts';

/**
 * Person linking end to end on the real database: the three lists of the
 * issue (two Cyrillic spellings and 王希祥) proposed and confirmed into one
 * person; a same-name record born another year not proposed; a contradicting
 * execution date shown and counted against; reject and unlink splitting the
 * person again; every decision in both records' history.
 */

let t: TestApp;
let archivist: Awaited<ReturnType<typeof seedUser>>;
const id = { moscow: 0, book: 0, chinese: 0, other: 0, camp: 0 };

beforeAll(async () => {
  t = await createTestApp();
  archivist = await seedUser(t.database);
  const rows = await seedRecords(t.database, [
    { fullName: 'Ван-Си-Сян', birthYear: 1888, birthplace: 'Китай, г. Шаньдун а', source: 'Расстрелы в Москве', fields: { fullName: 'Ван-Си-Сян', executedOn: '10.09.1938' } },
    { fullName: 'Ван Си Сян', birthYear: 1888, birthplace: 'пров. Шаньдун', source: 'Книга памяти' },
    { fullName: '王希祥', birthYear: 1888, birthplace: '山东', source: '家属名单' },
    // Same name, born 1895: another man.
    { fullName: 'Ван-Си-Сян', birthYear: 1895, birthplace: 'Китай, Шаньдун', source: 'Книга памяти' },
    // Same name and year, but executed on another date: the dates contradict.
    { fullName: 'Ван Си-Сян', birthYear: 1888, birthplace: 'Шаньдун', source: 'Лагерные карточки', fields: { fullName: 'Ван Си-Сян', executedOn: '02.03.1938' } },
  ]);
  [id.moscow, id.book, id.chinese, id.other, id.camp] = rows.map((r) => Number(r.id)) as [number, number, number, number, number];
});
afterAll(() => t.close());

const api = () => request(t.app);
const auth = () => ({ Authorization: authHeader(archivist) });
type Link = { id: number; recordIds: [number, number]; score: number; reasons: Array<{ code: string; text: string }>; status: string };

async function proposals(minScore?: number): Promise<Link[]> {
  const res = await api().get('/api/links').query(minScore === undefined ? {} : { minScore }).set(auth());
  expect(res.status).toBe(200);
  return res.body.links;
}
const pairOf = (links: Link[], a: number, b: number) => links.find((l) => l.recordIds[0] === Math.min(a, b) && l.recordIds[1] === Math.max(a, b));

describe('person links', () => {
  it('proposes the three spellings of one man, and not the man born another year', async () => {
    const run = await runLinking(t.database.db);
    expect(run.pairsScored).toBeGreaterThanOrEqual(3);
    const links = await proposals();
    for (const [a, b] of [[id.moscow, id.book], [id.moscow, id.chinese], [id.book, id.chinese]] as const) {
      const link = pairOf(links, a, b);
      expect(link, `${a}-${b}`).toBeDefined();
      expect(link!.score).toBeGreaterThanOrEqual(0.8);
      expect(link!.reasons.map((r) => r.text)).toEqual(expect.arrayContaining(['same reading wang xi xiang', 'born 1888 both', 'Shandong both']));
    }
    expect(pairOf(links, id.moscow, id.book)!.reasons.map((r) => r.text)).toContain('executed 10.09.1938 vs none');
    for (const other of [id.moscow, id.book, id.chinese]) expect(pairOf(await proposals(0), other, id.other)).toBeUndefined();
    // Record ids are integers, the best first.
    expect(links.every((l) => Number.isInteger(l.recordIds[0]) && l.recordIds[0] < l.recordIds[1])).toBe(true);
    expect(links.map((l) => l.score)).toEqual([...links.map((l) => l.score)].sort((x, y) => y - x));
  });

  it('counts a contradicting execution date against, with the reason shown', async () => {
    const all = await proposals(0);
    const contradicted = pairOf(all, id.moscow, id.camp);
    const agreeing = pairOf(all, id.book, id.camp);
    expect(contradicted).toBeDefined();
    expect(contradicted!.reasons.find((r) => r.code === 'date.contradicts')?.text).toBe('executed 10.09.1938 vs 02.03.1938');
    expect(contradicted!.score).toBeLessThan(0.8);
    expect(contradicted!.score).toBeLessThan(agreeing!.score);
  });

  it('is resumable: a second run scores nothing new and keeps the proposals', async () => {
    const before = (await proposals(0)).length;
    const again = await runLinking(t.database.db);
    expect(again.pairsScored).toBe(0);
    expect(again.proposed).toBe(before);
  });

  it('confirms the links into one person shown on each record, the third confirmation a no-op on the person', async () => {
    const links = await proposals();
    const ab = pairOf(links, id.moscow, id.book)!;
    const bc = pairOf(links, id.book, id.chinese)!;
    const ac = pairOf(links, id.moscow, id.chinese)!;
    const first = await api().post(`/api/links/${ab.id}/confirm`).set(auth()).send({ reason: 'same man, two lists' });
    expect(first.status).toBe(200);
    expect(first.body.link.status).toBe('confirmed');
    expect((await api().post(`/api/links/${bc.id}/confirm`).set(auth()).send({})).status).toBe(200);
    const third = await api().post(`/api/links/${ac.id}/confirm`).set(auth()).send({});
    expect(third.status).toBe(200);
    expect(third.body.personId).toBe(Math.min(id.moscow, id.book, id.chinese));
    expect((await api().post(`/api/links/${ab.id}/confirm`).set(auth()).send({})).status).toBe(409);

    const record = await api().get(`/api/records/${id.chinese}`);
    expect(record.body.record.person).toEqual({ id: id.moscow, recordIds: [id.moscow, id.book, id.chinese] });
    expect((await api().get(`/api/records/${id.other}`)).body.record.person).toBeNull();
    const person = await api().get(`/api/persons/${id.moscow}`);
    expect(person.status).toBe(200);
    expect(person.body.person.recordCount).toBe(3);
    expect(person.body.person.sources).toHaveLength(3);
    expect(person.body.person.names.recorded).toEqual(['Ван-Си-Сян', 'Ван Си Сян', '王希祥']);
    expect(person.body.person.records.map((r: { id: number }) => r.id)).toEqual([id.moscow, id.book, id.chinese]);

    const search = await api().get('/api/search').query({ q: '王希祥' });
    const hit = search.body.results.find((r: { record: { id: number } }) => r.record.id === id.book);
    expect(hit.person).toEqual({ id: id.moscow, recordCount: 3, sourceCount: 3 });
    expect(search.body.results.find((r: { record: { id: number } }) => r.record.id === id.other).person).toBeNull();
  });

  it('unlinks: the person splits only where no other confirmed link holds it', async () => {
    const links = await proposals(0).then(() => api().get('/api/links').query({ status: 'confirmed' }).set(auth()));
    const ab = pairOf(links.body.links, id.moscow, id.book)!;
    expect((await api().post(`/api/links/${ab.id}/unlink`).set(auth()).send({})).status).toBe(400);
    const res = await api().post(`/api/links/${ab.id}/unlink`).set(auth()).send({ reason: 'checked again' });
    expect(res.status).toBe(200);
    expect(res.body.link.status).toBe('unlinked');
    // Still joined through the Chinese list.
    expect((await api().get(`/api/records/${id.book}`)).body.record.person.recordIds).toEqual([id.moscow, id.book, id.chinese]);
    for (const [a, b] of [[id.moscow, id.chinese], [id.book, id.chinese]] as const) {
      const link = pairOf(links.body.links, a, b)!;
      expect((await api().post(`/api/links/${link.id}/unlink`).set(auth()).send({ reason: 'not him' })).status).toBe(200);
    }
    for (const r of [id.moscow, id.book, id.chinese]) expect((await api().get(`/api/records/${r}`)).body.record.person).toBeNull();
    expect((await api().get(`/api/persons/${id.moscow}`)).status).toBe(404);
  });

  it('rejects a proposal (reason required, 409 once decided) and keeps every decision in the history', async () => {
    const link = pairOf(await proposals(0), id.book, id.camp)!;
    expect((await api().post(`/api/links/${link.id}/reject`).set(auth()).send({})).status).toBe(400);
    expect((await api().post(`/api/links/${link.id}/reject`).set(auth()).send({ reason: 'different camp' })).status).toBe(200);
    expect((await api().post(`/api/links/${link.id}/confirm`).set(auth()).send({})).status).toBe(409);
    expect((await api().get(`/api/records/${id.camp}`)).body.record.person).toBeNull();
    const history = await api().get(`/api/records/${id.book}/history`);
    const kinds = history.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'link.confirmed')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'link.unlinked')).toHaveLength(2);
    expect(kinds).toContain('link.rejected');
  });

  it('is for archivists only, and checks its input', async () => {
    expect((await api().get('/api/links')).status).toBe(401);
    expect((await api().post('/api/links/1/confirm').send({})).status).toBe(401);
    expect((await api().get('/api/links').query({ minScore: 2 }).set(auth())).status).toBe(400);
    expect((await api().get('/api/links').query({ cursor: '!!' }).set(auth())).status).toBe(400);
    expect((await api().post('/api/links/999999/confirm').set(auth()).send({})).status).toBe(404);
  });
});
