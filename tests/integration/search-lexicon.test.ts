import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_COLUMNS, generateRecordRows } from '../../bench/generate-records.ts';
import { russianNames } from '../../eval/distractors.ts';
import { SEARCH_SESSION_SETTINGS, type Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { runImport, type ImportReport } from '../../src/imports/import.service.ts';
import { explainCandidates } from '../../src/search/candidates.repository.ts';
import { lexiconProbeSql, LIMITS } from '../../src/search/probe-queries.ts';
import { searchQuerySchema } from '../../src/search/search.params.ts';
import { nameProbeFor, probeFor, searchRecords } from '../../src/search/search.service.ts';
import { queryReadings } from '../../src/core/match/ranking.ts';
import { decode } from '../../src/core/transliteration/index.ts';
import { seedRecords } from '../helpers/test-app.ts';
import { createTestDatabase, POSTGRES_ONLY, testBackend, testDatabaseUrl } from '../helpers/test-database.ts';

/*
 * The surname lexicon (migration 0018) and the misspelt-name probe that reads
 * it (src/search/probe-queries.ts lexiconProbeSql), issue 12's «Иваноф Иван».
 * The lexicon is kept by statement triggers, whatever path wrote the records:
 * a bulk load (secondary indexes dropped and rebuilt), the row path, a single
 * record, a re-import that changes a name.
 */

let database: Database;
let url: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  url = await testDatabaseUrl(database);
}, 120_000);
afterAll(() => database.close());

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
const csv = (rows: Array<Record<string, string>>) =>
  `${[GENERATED_COLUMNS.join(','), ...rows.map((row) => GENERATED_COLUMNS.map((c) => quote(row[c] ?? '')).join(','))].join('\n')}\n`;

function importCsv(text: string, source: string, bulk: boolean): Promise<ImportReport> {
  const data = Buffer.from(text);
  return runImport(database, {
    open: async function* () {
      yield data;
    },
    fileName: `${source}.csv`,
    actor: 'test',
    source,
    bytesTotal: data.length,
    connectionString: url,
    batchSize: 500,
    links: false,
    bulk,
  });
}

const lexicon = async () => (await sql<{ word: string }>`SELECT word FROM surname_lexicon ORDER BY word`.execute(database.db)).rows.map((r) => r.word);
const firstWords = async () =>
  (
    await sql<{ word: string }>`SELECT DISTINCT split_part(name_latin, ' ', 1) AS word FROM records WHERE name_latin <> '' ORDER BY word`.execute(database.db)
  ).rows.map((r) => r.word);

const person = (externalId: string, fullName: string) => ({ ...generateRecordRows(1, 7).next().value!, external_id: externalId, full_name: fullName });

describe('the surname lexicon is every first word of the records’ Latin names', () => {
  it('after a bulk load into an empty table (its indexes dropped and rebuilt)', async () => {
    const rows = [...generateRecordRows(1_500, 3)];
    const report = await importCsv(csv(rows), 'lex-bulk', true);
    expect(report).toMatchObject({ inserted: 1_500, path: 'bulk' });
    const words = await firstWords();
    expect(words.length).toBeGreaterThan(100);
    expect(await lexicon()).toEqual(words);
    // The lexicon's own index survived the load (it is not one of the records' secondary indexes).
    const { rows: indexes } = await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'surname_lexicon' ORDER BY 1`.execute(database.db);
    expect(indexes.map((i) => i.name)).toEqual(['surname_lexicon_pkey', 'surname_lexicon_word_trgm_idx']);
  });

  it('after a row-path import with surnames it had not seen', async () => {
    const report = await importCsv(csv([person('lex-1', 'Иваноф-Заде Али'), person('lex-2', 'Шмидт Карл Карлович')]), 'lex-rows', false);
    expect(report).toMatchObject({ inserted: 2, path: 'rows' });
    expect(await lexicon()).toEqual(await firstWords());
    expect(await lexicon()).toEqual(expect.arrayContaining(['ivanof', 'shmidt']));
  });

  it('after a record written on its own (its search columns set by an UPDATE in the same transaction)', async () => {
    await seedRecords(database, [{ fullName: 'Цыбульский Адам' }]);
    expect(await lexicon()).toContain('tsibulski');
    expect(await lexicon()).toEqual(await firstWords());
  });

  it('after a re-import that changes a name: the new surname is added, the old one may stay', async () => {
    const report = await importCsv(csv([person('lex-1', 'Иваноф-Заде Али'), person('lex-2', 'Шмидтке Карл Карлович')]), 'lex-rows', false);
    expect(report.updated).toBe(1);
    const words = await lexicon();
    expect(words).toContain('shmidtke');
    // No record is called Шмидт now; its word stays (a stale word costs a probe that finds nothing).
    expect(await firstWords()).not.toContain('shmidt');
    expect(words).toContain('shmidt');
    expect(words).toEqual([...(await firstWords()), 'shmidt'].sort());
  });
});

/** A statement under the search pool's settings (the trigram threshold), as findCandidates runs it. */
async function withSearchSettings<T>(run: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    for (const [name, value] of Object.entries(SEARCH_SESSION_SETTINGS)) await sql`SELECT set_config(${name}, ${value}, true)`.execute(trx);
    return run(trx);
  });
}

describe('the misspelt-name probe', () => {
  beforeAll(async () => {
    const names = ['Иванов Иван', 'Иванова Анна Ивановна', 'Петров Петр', 'Сы-Ма-Чан-Линь', ...russianNames(400, 5, new Set())];
    await seedRecords(database, names.map((fullName) => ({ fullName, source: 'lex-probe' })));
  }, 120_000);

  it('finds «Иванов Иван» from «Иваноф Иван», through the lexicon', async () => {
    const res = await searchRecords({ searchDb: database.searchDb, searchDbTuned: database.searchDbTuned }, searchQuerySchema.parse({ q: 'Иваноф Иван' }));
    expect(res.results[0]?.record.fullName).toBe('Иванов Иван');
  });

  it.each(['Иваноф Иван', 'Петроф Петр Сергеевич', 'Смирноф Алексей', 'Сыма Чанлиню', 'Kuznetsof Nikolai'])(
    '%s: the same records as a trigram probe of every record’s name (no surname here has more than LIMITS.lexiconRecords records)',
    async (q) => {
      const trigram = nameProbeFor(q, decode(q, { maxReadings: 6 }))!.trigram!;
      const ids = await withSearchSettings(async (db) => {
        const viaLexicon = await sql<{ record_id: string; sim: number }>`${lexiconProbeSql(trigram, {})}`.execute(db);
        const everyName = await sql<{ record_id: string; sim: number }>`SELECT id AS record_id, similarity(name_latin, ${trigram}) AS sim
          FROM records WHERE name_latin % ${trigram} ORDER BY sim DESC, id LIMIT ${LIMITS.name}`.execute(db);
        return { viaLexicon: viaLexicon.rows.map((r) => `${r.record_id} ${r.sim}`), everyName: everyName.rows.map((r) => `${r.record_id} ${r.sim}`) };
      });
      expect(ids.everyName.length).toBeGreaterThan(0);
      expect(ids.viaLexicon).toEqual(ids.everyName);
    },
  );

  it('a common misspelt surname: the surname with the query’s given name is read wherever it is, not only among the first records of the surname', async () => {
    // More Kozlovs than the probe reads of one surname, all before the one asked for in id order.
    const many = Array.from({ length: LIMITS.lexiconRecords + 50 }, (_, i) => ({ fullName: `Козлов Петр ${['Иванович', 'Петрович', 'Сергеевич'][i % 3]}`, source: 'lex-common' }));
    await seedRecords(database, [...many, { fullName: 'Козлов Аркадий Ильич', source: 'lex-common' }]);
    const res = await searchRecords({ searchDb: database.searchDb, searchDbTuned: database.searchDbTuned }, searchQuerySchema.parse({ q: 'Козлоф Аркадий' }));
    // Found at all: the first LIMITS.lexiconRecords Kozlovs by id are all Петр. (Its rank among
    // other kinds of match, such as decoded readings of earlier tests' records, is ranking's business.)
    expect(res.results.map((r) => r.record.fullName)).toContain('Козлов Аркадий Ильич');
    expect(res.results.filter((r) => r.record.fullName.startsWith('Козлов Петр'))).toEqual([]);
  }, 120_000);

  it.skipIf(testBackend() !== 'postgres')(
    `${POSTGRES_ONLY} (PGlite's plans are not the server's): reads the lexicon's trigram index and the surname index, never a sequential scan (the records-wide trigram index is gone, migration 0020)`,
    async () => {
      await sql`VACUUM ANALYZE`.execute(database.db);
      const q = 'Иваноф Иван';
      const decoded = decode(q, { maxReadings: 6 });
      const plans = await explainCandidates(database, probeFor(queryReadings(decoded.readings)), nameProbeFor(q, decoded), {});
      const misspelt = plans.filter((p) => p.includes('surname_lexicon'));
      expect(misspelt).toHaveLength(1);
      expect(misspelt[0]).toMatch(/Bitmap Index Scan on surname_lexicon_word_trgm_idx/);
      // An ordered index scan on a large table, a bitmap scan on this small one: the index either way.
      expect(misspelt[0]).toMatch(/Index Scan (using|on) records_name_surname_id_idx/);
      for (const plan of plans) {
        expect(plan).not.toMatch(/Seq Scan/);
      }
    },
  );
});
