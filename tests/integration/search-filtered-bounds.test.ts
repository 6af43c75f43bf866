import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { explainCandidates, findCandidates, type SearchDb, type SearchFilters } from '../../src/search/candidates.repository.ts';
import { checkFilters } from '../../src/search/filters.repository.ts';
import { queryReadings } from '../../src/core/match/ranking.ts';
import { searchQuerySchema } from '../../src/search/search.params.ts';
import { nameProbeFor, probeFor, searchRecords } from '../../src/search/search.service.ts';
import { decode } from '../../src/core/transliteration/index.ts';
import { seedRecords } from '../helpers/test-app.ts';
import { createTestDatabase, POSTGRES_ONLY, testBackend } from '../helpers/test-database.ts';

/*
 * Regressions of the hostile queries of issue 12 that a filter made slow at
 * 1,000,000 records (docs/benchmarks.md): «Ван Си Сян» with nationality=русский
 * (2.5 s: the filter removed the name's records, and the search went on to every
 * plain-name fallback, trigram probe included), and «Ван» born 1870 in Shandong
 * (1.6 s: each probe rebuilt the filter's bitmaps or walked every «Ван» to the
 * few that pass). Checked by what the search sends, which does not depend on
 * the machine's speed.
 */

let database: Database;
const SHANDONG = 'Китай, провинции Шаньдун';

beforeAll(async () => {
  database = await createTestDatabase();
  const chinese = (fullName: string, birthYear: number | undefined, birthplace: string) => ({
    fullName,
    ...(birthYear === undefined ? {} : { birthYear }),
    birthplace,
    fields: { fullName, nationality: 'китаец' },
  });
  await seedRecords(database, [
    ...Array.from({ length: 12 }, () => chinese('Ван-Си-Сян', 1880, SHANDONG)),
    ...Array.from({ length: 12 }, () => ({ fullName: 'Иванов Иван Петрович', birthYear: 1890, fields: { fullName: 'Иванов Иван Петрович', nationality: 'русский' } })),
    chinese('Ван-Фу', 1870, SHANDONG),
    chinese('Ван-Мин', undefined, SHANDONG),
    chinese('Ван-Дэ', 1870, 'Китай, провинции Хо-Бэй'),
    chinese('Ли-Фу', 1870, SHANDONG),
    { fullName: 'Петров Петр', fields: { fullName: 'Петров Петр', nationality: 'русский' } },
  ]);
}, 120_000);
afterAll(() => database.close());

/** The search pool with every statement it is sent recorded (as text fragments: enough to tell the probes apart). */
function recording(): { db: SearchDb; sent: string[] } {
  const sent: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }: { node: RootOperationNode }) => {
      sent.push(JSON.stringify(node));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: { searchDb: database.searchDb.withPlugin(plugin), searchDbTuned: database.searchDbTuned }, sent };
}

const search = (db: SearchDb, query: Record<string, string>) => searchRecords(db, searchQuerySchema.parse(query));
const TRIGRAM = 'surname_lexicon'; // the misspelt-name probe (lexiconProbeSql)
const SURNAME_WORD = "split_part(r.name_latin, ' ', 1) = ANY(";
const PAIRS = 'rr.phonetic_pairs &&';

describe('a filter narrows a search, it never sends it on to broader probes', () => {
  it('«Ван Си Сян» with a nationality none of its records has: no pair, surname or trigram probe', async () => {
    const { db, sent } = recording();
    const res = await search(db, { q: 'Ван Си Сян', nationality: 'русский' });
    expect(res.results).toEqual([]);
    expect(sent.filter((s) => s.includes(TRIGRAM) || s.includes(SURNAME_WORD) || s.includes(PAIRS))).toEqual([]);
  });

  it('a common Russian name with a nationality none of them has: no trigram probe', async () => {
    const { db, sent } = recording();
    const res = await search(db, { q: 'Иванов Иван', nationality: 'китаец' });
    expect(res.results).toEqual([]);
    expect(sent.filter((s) => s.includes(TRIGRAM))).toEqual([]);
  });

  it('unfiltered, the same name still reaches its fallbacks when nothing else matched', async () => {
    const { db, sent } = recording();
    const res = await search(db, { q: 'Петроф Петр' });
    expect(res.results.map((r) => r.record.fullName)).toContain('Петров Петр');
    expect(sent.some((s) => s.includes(TRIGRAM))).toBe(true);
  });
});

describe('a selective filter is read once, then narrows every probe by record id', () => {
  it('«Ван» born 1870 in Shandong: the records that pass, and the probes never rebuild the filter', async () => {
    const { db, sent } = recording();
    const res = await search(db, { q: 'Ван', birthYear: '1870', birthplace: 'Shandong' });
    // The year-less record is kept (ranked lower), as a year filter always does.
    expect(res.results.map((r) => r.record.fullName).sort()).toEqual(['Ван-Мин', 'Ван-Фу']);
    expect(res.results[0]!.record.fullName).toBe('Ван-Фу');
    const readingProbes = sent.filter((s) => s.includes('record_readings rr'));
    expect(readingProbes.length).toBeGreaterThan(0);
    for (const probe of readingProbes) {
      expect(probe).not.toContain('birthplace_places');
      expect(probe).toContain('::bigint[]');
    }
  });

  it.each<[string, SearchFilters]>([
    ['Ван', { birthYearFrom: 1870, birthYearTo: 1870, places: ['shandong'] }],
    ['Wang Xixiang', { birthYearFrom: 1875, birthYearTo: 1885 }],
    ['Ван Си Сян', { nationalities: ['китаец'] }],
    ['Иванов Иван', { nationalities: ['русский'], birthYearFrom: 1890, birthYearTo: 1890 }],
  ])('%s: narrowed by ids, the same candidates as with the filters’ conditions', async (q, filters) => {
    const decoded = decode(q, { maxReadings: 6 });
    const probe = probeFor(queryReadings(decoded.readings));
    const name = nameProbeFor(q, decoded);
    const db = { searchDb: database.searchDb, searchDbTuned: database.searchDbTuned };
    const { passing } = await checkFilters(database.searchDb, filters);
    expect(passing?.size).toBeGreaterThan(0);
    const byConditions = await findCandidates(db, probe, name, filters);
    const byIds = await findCandidates(db, probe, name, { ...filters, passing });
    const sorted = (c: typeof byIds) => ({
      readings: c.readings.map((r) => `${r.record_id} ${r.key} ${r.origin} ${r.cost} ${r.birth_year}`).sort(),
      names: c.names.map((n) => `${n.record_id} ${n.sim} ${n.birth_year}`).sort(),
    });
    expect(byConditions.readings.length + byConditions.names.length).toBeGreaterThan(0);
    expect(sorted(byIds)).toEqual(sorted(byConditions));
  });

  it.skipIf(testBackend() !== 'postgres')(`every probe narrowed by ids is an index probe, and reading probes do not read records (${POSTGRES_ONLY}: PGlite plans alike, but the test reads PostgreSQL's EXPLAIN)`, async () => {
    const filters: SearchFilters = { birthYearFrom: 1870, birthYearTo: 1870, places: ['shandong'] };
    const { passing } = await checkFilters(database.searchDb, filters);
    for (const q of ['Ван', 'Ван Си Сян', 'Иванов Иван']) {
      const decoded = decode(q, { maxReadings: 6 });
      const name = nameProbeFor(q, decoded);
      const plans = await explainCandidates(database, probeFor(queryReadings(decoded.readings)), name && { ...name, when: 'always' }, { ...filters, passing });
      for (const plan of plans) {
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan).toMatch(/Index/);
        if (plan.includes('record_readings')) expect(plan).not.toMatch(/on records\b/);
      }
    }
  });
});
