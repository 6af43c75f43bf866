import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { explainCandidates } from '../../src/search/candidates.repository.ts';
import { queryReadings } from '../../src/core/match/ranking.ts';
import { searchFieldsFor } from '../../src/core/match/search-fields.ts';
import { distractorNames, russianNames } from '../../eval/distractors.ts';
import { nameProbeFor, probeFor } from '../../src/search/search.service.ts';
import { decode } from '../../src/core/transliteration/index.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const N = 100_000;
const CHINESE = 30_000;

let database: Database;

/**
 * 100,000 records shaped like a Memorial database with many Chinese victims:
 * 30% Chinese-style record names («Лю-Шу-Фа», the eval's deterministic
 * distractors), 70% Russian names, each with the search fields the real write
 * path derives (searchFieldsFor), then ANALYZE, so the planner sees realistic
 * statistics.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  const names = [...distractorNames(CHINESE, 11, new Set()), ...russianNames(N - CHINESE, 12, new Set())];
  const BATCH = 2_000;
  for (let start = 0; start < N; start += BATCH) {
    const slice = names.slice(start, start + BATCH);
    const fields = slice.map((name) => searchFieldsFor(name, start % 7 === 0 ? 'Китай, провинции Шаньдун' : null));
    const inserted = await database.db
      .insertInto('records')
      .values(
        slice.map((name, j) => ({
          source: 'explain',
          external_id: `x-${start + j}`,
          full_name: name,
          birth_year: 1870 + ((start + j) % 80),
          // One record in eight Chinese, as in the search bench's generated data.
          nationality: (start + j) % 8 === 0 ? 'китаец' : 'русский',
          name_latin: fields[j]!.nameLatin,
          birthplace_places: fields[j]!.birthplacePlaces,
        })),
      )
      .returning(['id'])
      .execute();
    const readings = inserted.flatMap((r, j) =>
      fields[j]!.readings.map((k) => ({
        record_id: r.id,
        rank: k.rank,
        origin: k.origin,
        key: k.key,
        phonetic: k.phonetic,
        surname_key: k.surnameKey,
        surname_phonetic: k.surnamePhonetic,
        phonetic_pairs: k.phoneticPairs,
        cost: k.cost,
      })),
    );
    for (let i = 0; i < readings.length; i += 1_000) {
      await database.db.insertInto('record_readings').values(readings.slice(i, i + 1_000)).execute();
    }
  }
  // As autovacuum would after a bulk load: statistics, and GIN pending lists merged.
  await sql`VACUUM ANALYZE`.execute(database.db);
}, 600_000);
afterAll(() => database.close());

async function plansFor(q: string, filters = {}) {
  const decoded = decode(q, { maxReadings: 6 });
  const probe = probeFor(queryReadings(decoded.readings));
  const name = nameProbeFor(q, decoded);
  return explainCandidates(database, probe, name && { ...name, when: 'always' }, filters);
}

describe(`candidate lookup at ${N.toLocaleString('en')} records`, () => {
  it.each(['王希祥', 'Wang Xixiang', 'Wang Hsi-hsiang', 'Ван-Си-Сян', '王', 'Wang', 'Kuzmin Ivan', 'Кузьмин Иван', 'Иваноф Иван'])(
    '%s uses indexes only (no sequential scan)',
    async (q) => {
      const plans = await plansFor(q);
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan).toMatch(/Index|Bitmap/);
      }
    },
  );

  it('a misspelt common name reads the surname lexicon and the surname index, never a heap scan of every record', async () => {
    const plans = await plansFor('Иваноф Иван');
    const misspelt = plans.filter((p) => p.includes('surname_lexicon'));
    expect(misspelt).toHaveLength(1);
    expect(misspelt[0]).toMatch(/Bitmap Index Scan on surname_lexicon_word_trgm_idx/);
    expect(misspelt[0]).toMatch(/Index Scan (using|on) records_name_surname_id_idx/);
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on records/);
  });

  it('stays index-backed under filters', async () => {
    const plans = await plansFor('Wang Xixiang', { birthYearFrom: 1880, birthYearTo: 1900, places: ['shandong'] });
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan/);
  });

  it('a common nationality with a rare year is read as one range of the nationality-year index', async () => {
    const plans = await plansFor('Ван', { nationalities: ['китаец'], birthYearFrom: 1870, birthYearTo: 1870 });
    const filtered = plans.filter((p) => /nationality/.test(p));
    expect(filtered.length).toBeGreaterThan(0);
    const all = filtered.join('\n');
    expect(all).toMatch(/records_nationality_year_idx/);
    // Each read of it is bounded by the year too: never a bitmap of every Chinese record to intersect.
    const conds = [...all.matchAll(/on records_nationality_year_idx[^\n]*\n\s*Index Cond: ([^\n]*)/g)].map((m) => m[1]!);
    expect(conds.length).toBeGreaterThan(0);
    for (const cond of conds) expect(cond).toMatch(/lower\(nationality\).*birth_year >=/);
  });

  it('the data really is that large', async () => {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM records`.execute(database.db);
    expect(Number(rows[0]!.n)).toBe(N);
  });
});
