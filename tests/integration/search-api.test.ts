import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceReadings as refreshRecordSearch } from '../../src/records/record.writer.ts';
import { loadFixtureRows, readFixture } from '../helpers/fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  // Every Chinese row of the Moscow list plus the sample's Russian, Latvian, Polish… names as distractors.
  ids = await loadFixtureRows(t.database, readFixture('mos-memo-sample.csv'));
}, 180_000);
afterAll(() => t.close());

const search = (query: Record<string, string | number>) => request(t.app).get('/api/search').query(query);
const idOf = (name: string) => {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`fixture has no ${name}`);
  return id;
};

describe('GET /api/search finds «Ван-Си-Сян» first from every script', () => {
  it.each([
    ['characters', '王希祥'],
    ['pinyin', 'Wang Xixiang'],
    ['pinyin with tones', 'Wáng Xīxiáng'],
    ['pinyin with tone numbers', 'wang2 xi1 xiang2'],
    ['pinyin, given name first', 'Xixiang Wang'],
    ['Wade–Giles', 'Wang Hsi-hsiang'],
    ['Cyrillic, spaced', 'Ван Си Сян'],
    ['Cyrillic, modern', 'Ван Сисян'],
    ['Latin of the Russian', 'Van Si-Syan'],
  ])('%s: %s', async (_kind, q) => {
    const res = await search({ q }).expect(200);
    const first = res.body.results[0];
    expect(first.record.fullName).toBe('Ван-Си-Сян');
    expect(first.record.id).toBe(idOf('Ван-Си-Сян'));
    expect(first.score).toBeGreaterThan(0.8);
    expect(first.strength).toBe('strong');
    expect(first.match.reading).toBe('wang xi xiang');
    expect(first.match.syllables).toHaveLength(3);
    expect(first.match.syllables.map((s: { recordText: string }) => s.recordText)).toEqual(['Ван', 'Си', 'Сян']);
  });

  it('traditional characters are read as simplified', async () => {
    const res = await search({ q: '張四元' }).expect(200);
    expect(res.body.results[0].record.fullName).toBe('Чжан-Сы-Юан');
  });

  it('explains each syllable: record text, pinyin, query text, rule, cost', async () => {
    const res = await search({ q: 'Wang Hsi-hsiang' }).expect(200);
    expect(res.body.query.script).toBe('latin');
    expect(res.body.query.readings[0].pinyin).toBe('wang xi xiang');
    const syllable = res.body.results[0].match.syllables[1];
    expect(syllable).toMatchObject({ recordText: 'Си', pinyin: 'xi', queryPinyin: 'xi' });
    expect(syllable.queryText.toLowerCase()).toContain('hsi');
    expect(typeof syllable.rule).toBe('string');
    expect(typeof syllable.cost).toBe('number');
  });

  it('finds records written with variant spellings (е for э, ын for эн)', async () => {
    const chen = await search({ q: 'Chen Weiyi' }).expect(200);
    expect(chen.body.results[0].record.fullName).toBe('Чен-Вей-И');
    const meng = await search({ q: '孟炳玉' }).expect(200);
    expect(meng.body.results.slice(0, 3).map((r: { record: { fullName: string } }) => r.record.fullName)).toContain(
      'Мын-Бин-Юй Франц Эдуардович',
    );
  });

  it('ranks deterministically: equal scores by id', async () => {
    const res = await search({ q: 'Ван', limit: 100 }).expect(200);
    const results = res.body.results as Array<{ score: number; record: { id: number } }>;
    expect(results.length).toBeGreaterThan(3);
    for (let i = 1; i < results.length; i++) {
      const [a, b] = [results[i - 1]!, results[i]!];
      expect(a.score > b.score || (a.score === b.score && a.record.id < b.record.id)).toBe(true);
    }
  });
});

describe('surname-only queries', () => {
  it.each(['王', 'Wang', 'Ван'])('%s finds every Ван-', async (q) => {
    const res = await search({ q, limit: 100 }).expect(200);
    const names = res.body.results.map((r: { record: { fullName: string } }) => r.record.fullName);
    for (const name of ['Ван-Си-Сян', 'Ван-И', 'Ван-Шу-Фа', 'Ван-Фу-Хай', 'Ван-Де', 'Ван-Цзай-Хао']) expect(names).toContain(name);
  });
});

describe('pagination', () => {
  it('walks all results once with the cursor', async () => {
    const all = (await search({ q: 'Ван', limit: 100 }).expect(200)).body.results.map((r: { record: { id: number } }) => r.record.id);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await search(cursor ? { q: 'Ван', limit: 2, cursor } : { q: 'Ван', limit: 2 }).expect(200);
      paged.push(...res.body.results.map((r: { record: { id: number } }) => r.record.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });
});

describe('filters', () => {
  it.each(['山东', 'Shandong', 'Шаньдун', 'Shantung'])('birthplace %s keeps only records born in Shandong', async (birthplace) => {
    const res = await search({ q: 'Ван', birthplace, limit: 100 }).expect(200);
    expect(res.body.query.birthplace.id).toBe('shandong');
    const names = res.body.results.map((r: { record: { fullName: string } }) => r.record.fullName);
    expect(names).toContain('Ван-Шу-Фа'); // «провинции Шаньдун»
    expect(names).not.toContain('Ван-И'); // born in Shanghai
    expect(names).not.toContain('Ван-Фу-Хай'); // born in Hebei
  });

  it('Hebei finds «Хобейской провинции» and «Хо-Бэй»', async () => {
    const res = await search({ q: 'Чин И Хо', birthplace: '河北' }).expect(200);
    expect(res.body.results[0].record.fullName).toBe('Чин-И-Хо');
    const hoMin = await search({ q: 'Хо Мин', birthplace: 'Hebei' }).expect(200);
    expect(hoMin.body.results[0].record.fullName).toBe('Хо-Мин');
  });

  it('birth year, exact and range', async () => {
    const exact = await search({ q: 'Ван Си Сян', birthYear: 1888 }).expect(200);
    const wrong = await search({ q: 'Ван Си Сян', birthYear: 1850 }).expect(200);
    const range = await search({ q: 'Ван Си Сян', birthYearFrom: 1880, birthYearTo: 1900 }).expect(200);
    const rec = readFixture('mos-memo-chinese.csv').find((r) => r.full_name === 'Ван-Си-Сян')!;
    expect(rec.birth_year).toBe('1888');
    expect(exact.body.results[0].record.fullName).toBe('Ван-Си-Сян');
    expect(range.body.results[0].record.fullName).toBe('Ван-Си-Сян');
    expect(wrong.body.results.map((r: { record: { fullName: string } }) => r.record.fullName)).not.toContain('Ван-Си-Сян');
    for (const r of range.body.results) if (r.record.birthYear !== null) expect(r.record.birthYear).toBeGreaterThanOrEqual(1880);
  });

  it('nationality', async () => {
    const res = await search({ q: 'Иван', nationality: 'китаец', limit: 100 }).expect(200);
    for (const r of res.body.results) expect(['китаец', 'китаянка']).toContain(r.record.nationality);
  });

  it('an unknown birthplace is reported, not silently ignored', async () => {
    const res = await search({ q: 'Ван', birthplace: 'Атлантида' }).expect(200);
    expect(res.body.warnings).toEqual([{ code: 'unknown_birthplace', message: expect.stringMatching(/Атлантида/), birthplace: 'Атлантида' }]);
  });
});

describe('names that are not Chinese', () => {
  it.each([
    ['Павлов Николай Васильевич', 'Павлов Николай'],
    ['Павлов Николай Васильевич', 'Pavlov Nikolai'],
    ['Дёмин Иван Андреевич', 'Демин Иван'],
    ['Дёмин Иван Андреевич', 'Dyomin Ivan'],
    ['Лихтенштейн Иосиф Леонтьевич', 'Lichtenstein Iosif'],
  ])('%s from %s', async (name, q) => {
    const res = await search({ q }).expect(200);
    expect(res.body.results.slice(0, 3).map((r: { record: { fullName: string } }) => r.record.fullName)).toContain(name);
  });
});

describe('attested names', () => {
  it('rank above decoded readings and are marked attested', async () => {
    const id = idOf('Ван-Шу-Фа');
    await t.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('attested_names')
        .values({ record_id: id, hanzi: '王树发', pinyin: 'wang shu fa', evidence: 'family letters', approved_by: 'test' })
        .execute();
      await refreshRecordSearch(trx, [id]);
    });
    const res = await search({ q: '王树发' }).expect(200);
    expect(res.body.results[0].record.id).toBe(id);
    expect(res.body.results[0].match.origin).toBe('attested');
    expect(res.body.results[0].record.readings[0]).toMatchObject({ origin: 'attested', hanzi: '王树发' });
  });
});

describe('bad requests', () => {
  it.each([
    [{}, /q is required|q/],
    [{ q: '' }, /q/],
    [{ q: '   ' }, /q is required/],
    [{ q: 'я'.repeat(201) }, /at most 200/],
    [{ q: 'Ван', limit: 0 }, /limit/],
    [{ q: 'Ван', limit: 1000 }, /limit/],
    [{ q: 'Ван', birthYear: 'soon' }, /birthYear/],
    [{ q: 'Ван', birthYear: 1900, birthYearFrom: 1890 }, /not both/],
    [{ q: 'Ван', birthYearFrom: 1900, birthYearTo: 1890 }, /after/],
    [{ q: 'Ван', cursor: 'garbage!' }, /cursor/],
    [{ q: 'Ван', cursor: 'MTIz' }, /cursor/], // base64url of "123": not ours
    [{ q: 'Ван', colour: 'red' }, /colour/],
  ])('%j → 400', async (query, message) => {
    const res = await search(query as Record<string, string>).expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(message);
  });

  it('a query of garbage returns 200 with no results, not an error', async () => {
    const res = await search({ q: '%%% ;; DROP TABLE records; --' }).expect(200);
    expect(Array.isArray(res.body.results)).toBe(true);
  });
});
