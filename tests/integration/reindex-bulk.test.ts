import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCorrection, submitCorrection } from '../../src/corrections/corrections.service.ts';
import type { Database } from '../../src/db/database.ts';
import { openImportStore } from '../../src/imports/import.store.ts';
import { READINGS_STAGING_DDL, swapReadings } from '../../src/records/readings-batch.writer.ts';
import { staleReadingsCount } from '../../src/search/reading-versions.repository.ts';
import { reindexReadings } from '../../src/search/reindex.service.ts';
import { searchFieldsFor } from '../../src/core/match/search-fields.ts';
import { seedRecords, seedUser } from '../helpers/test-app.ts';
import { createTestDatabase, POSTGRES_ONLY, testBackend, testDatabaseUrl } from '../helpers/test-database.ts';

/**
 * reindex's set-wise path (readings-batch.writer.ts) rebuilds exactly what the
 * one-record path (record.writer.ts replaceReadings, used at import and on
 * every change) derives: search columns and readings, attested names included,
 * through COPY (PostgreSQL with a URL) and through INSERT (PGlite, or no URL).
 */
let database: Database;
let url: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  url = await testDatabaseUrl(database);
  await seedRecords(database, [
    { fullName: 'Ван-Си-Сян', birthplace: 'Китай, провинция Шаньдун' },
    { fullName: 'Ли-Сан-Джин', birthplace: 'г. Харбин' },
    { fullName: 'Чжан-Го-Тин' },
    { fullName: 'Лю-Фу', birthplace: 'Владивосток' },
    { fullName: 'Павлов Николай Васильевич' },
  ]);
  // An attested name: its reading must come back too.
  const archivist = await seedUser(database, { role: 'archivist' });
  const id = Number((await database.db.selectFrom('records').select('id').where('full_name', '=', 'Ли-Сан-Джин').executeTakeFirstOrThrow()).id);
  const c = await submitCorrection(database.db, id, { kind: 'chinese-name', hanzi: '李三金', evidence: 'a family letter' }, null);
  await decideCorrection(database.db, c.id, 'approve', { id: archivist.id, email: archivist.email, role: archivist.role }, null);
});
afterAll(() => database.close());

/** Every record's search columns and reading rows, as the one-record path wrote them. */
async function derived() {
  const records = await database.db.selectFrom('records').select(['id', 'name_latin', 'birthplace_places']).orderBy('id').execute();
  const readings = await database.db.selectFrom('record_readings').selectAll().orderBy('record_id').orderBy('rank').execute();
  return { records, readings };
}

/** What an older decoder left behind: another version, garbled keys, wrong search columns, and one record's rows gone. */
async function age(): Promise<void> {
  await sql`UPDATE record_readings SET decoder_version = 'older', key = 'zzz ' || rank, phonetic = 'zzz', phonetic_pairs = ARRAY['zzz']`.execute(database.db);
  // (A record without readings is no reindex's business: its search columns stay as they are.)
  await sql`UPDATE records SET name_latin = 'stale', birthplace_places = '{}' WHERE id IN (SELECT record_id FROM record_readings)`.execute(database.db);
  await sql`DELETE FROM record_readings WHERE record_id = (SELECT id FROM records WHERE full_name = 'Чжан-Го-Тин')`.execute(database.db);
}

describe('reindex (set-wise) equals the one-record write path', () => {
  for (const how of ['staged INSERT', 'COPY'] as const) {
    const name = how === 'COPY' ? `${POSTGRES_ONLY} (PGlite cannot COPY from a stream): ${how}` : how;
    it.skipIf(how === 'COPY' && testBackend() !== 'postgres')(`${name}: every record's search columns and readings come back exactly`, async () => {
      const expected = await derived();
      expect(expected.readings.length).toBeGreaterThan(8);
      await age();
      expect(await staleReadingsCount(database.db)).toBe(3);
      const result = await reindexReadings(database, { batchSize: 2, workers: 0, connectionString: how === 'COPY' ? url : undefined });
      // Three stale, one without rows; the Russian name has no reading and stays without rows.
      expect(result).toMatchObject({ records: 5, rebuilt: 4 });
      expect(await derived()).toEqual(expected);
    });
  }
});

describe('swapReadings', () => {
  it('leaves a record whose name changed after its readings were derived to the writer that changed it', async () => {
    const row = await database.db.selectFrom('records').select(['id', 'full_name', 'birthplace']).where('full_name', '=', 'Лю-Фу').executeTakeFirstOrThrow();
    const before = await derived();
    const store = await openImportStore(database, READINGS_STAGING_DDL, url);
    try {
      const stale = { id: String(row.id), fullName: 'Лю-Фу-Чан', birthplace: row.birthplace, attested: null, search: searchFieldsFor('Лю-Фу-Чан', row.birthplace) };
      expect(await store.transaction((s) => swapReadings(s, [stale]))).toBe(0);
      expect(await derived()).toEqual(before);
      const current = { ...stale, fullName: row.full_name };
      expect(await store.transaction((s) => swapReadings(s, [current]))).toBe(1);
    } finally {
      await store.close();
    }
  });
});
