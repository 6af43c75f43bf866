import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureRows, readFixture } from '../helpers/fixtures.ts';
import { createTestApp, seedRecords, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let wang: number;
let bare: number;

beforeAll(async () => {
  t = await createTestApp();
  const ids = await loadFixtureRows(t.database, readFixture('mos-memo-chinese.csv'));
  wang = ids.get('Ван-Си-Сян')!;
  const [row] = await seedRecords(t.database, [
    { fullName: 'Запись без биографии', fields: { fullName: 'Запись без биографии', sentence: '10 лет ИТЛ', charge: '58-6', arrestDate: '15.08.1937' } },
  ]);
  bare = Number(row!.id);
});
afterAll(() => t.close());

describe('GET /api/records/:id?lang=zh|en', () => {
  it('explains Ван-Си-Сян in Chinese, each fact with its span as written', async () => {
    const res = await request(t.app).get(`/api/records/${wang}?lang=zh`).expect(200);
    const { record } = res.body;
    expect(record.biography).toContain('Рассстрелян 10.09.1938');
    const byField = Object.fromEntries(record.explained.map((f: { field: string }) => [f.field, f]));
    expect(byField.birthYear).toEqual({ field: 'birthYear', label: '出生', text: '1888年', original: 'род. 1888', untranslated: [] });
    expect(byField.birthplace.text).toBe('中国，山东');
    expect(byField.birthplace.original).toBe('Китай, г. Шаньдун а');
    expect(byField.executedOn).toMatchObject({ label: '结局', text: '1938年9月10日被枪决', original: 'Рассстрелян 10.09.1938' });
    expect(byField.burialPlace.text).toMatch(/^布托沃/);
    expect(byField.occupation.text).toBe('5号洗衣房：熨烫工');
    for (const fact of record.explained) expect(record.biography).toContain(fact.original);
  });

  it('explains the same record in English', async () => {
    const res = await request(t.app).get(`/api/records/${wang}?lang=en`).expect(200);
    const texts = res.body.record.explained.map((f: { text: string }) => f.text);
    expect(texts).toEqual([
      '1888',
      'China, Shandong (山东)',
      'Chinese',
      'not a party member',
      'ironer at laundry No. 5',
      'Grokholsky lane, house 13, apt. 11',
      'shot on 10 September 1938',
      'Butovo (the NKVD firing range near Moscow)',
    ]);
  });

  it('explains the fields of a record with no biography, and keeps partial dates partial', async () => {
    const res = await request(t.app).get(`/api/records/${bare}?lang=en`).expect(200);
    const byField = Object.fromEntries(res.body.record.explained.map((f: { field: string; text: string }) => [f.field, f.text]));
    expect(byField).toEqual({
      arrestDate: '15 August 1937',
      sentence: '10 years in a corrective labour camp (ITL)',
      charge: 'art. 58-6: espionage',
    });
  });

  it('the page in Russian is the record itself, with next steps and the letter but no explanation panel', async () => {
    const res = await request(t.app).get(`/records/${wang}?lang=ru`).expect(200);
    expect(res.text).not.toContain('id="explained-heading"');
    expect(res.text).toContain('Что можно сделать дальше');
    expect(res.text).toContain('дела реабилитированных (фонд Р-10035');
    expect(res.text).toContain('Ван-Си-Сян, 1888 г. р.');
    expect(res.text).toMatch(/<meta property="og:title" content="Ван-Си-Сян \(1888 – 10\.09\.1938\)">/);
  });

  it('leaves the record unchanged without lang, and 400s a language it cannot explain in', async () => {
    const plain = await request(t.app).get(`/api/records/${wang}`).expect(200);
    expect(plain.body.record.explained).toBeUndefined();
    const res = await request(t.app).get(`/api/records/${wang}?lang=fr`).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/lang must be zh or en/);
  });
});
