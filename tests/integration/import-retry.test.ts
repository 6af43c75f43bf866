import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { runImport } from '../../src/imports/import.service.ts';
import { createTestDatabase, testDatabaseUrl } from '../helpers/test-database.ts';

/**
 * A batch PostgreSQL picks as a deadlock's victim is rolled back and run again
 * (src/imports/import.scan.ts): two imports at once both add to the tables the
 * triggers keep (link_pending, surname_lexicon), and can wait on each other in
 * a cycle. The deadlock here is raised by a trigger, once, on the first batch:
 * the error PostgreSQL raises, without needing two racing writers to hit it.
 */
let database: Database;
let url: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  url = await testDatabaseUrl(database);
  // Counted by a sequence: nextval is not rolled back with the batch, so only the first batch fails.
  await sql`CREATE SEQUENCE deadlock_once_seq`.execute(database.db);
  await sql`
    CREATE FUNCTION deadlock_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('deadlock_once_seq') = 1 THEN
        RAISE EXCEPTION 'deadlock detected (simulated)' USING ERRCODE = 'deadlock_detected';
      END IF;
      RETURN NULL;
    END $$`.execute(database.db);
  await sql`CREATE TRIGGER records_deadlock_once AFTER INSERT ON records FOR EACH STATEMENT EXECUTE FUNCTION deadlock_once()`.execute(database.db);
}, 120_000);
afterAll(() => database.close());

describe('an import batch that loses a deadlock', () => {
  it('is run again, and every row is written once', async () => {
    const data = Buffer.from('external_id,full_name,birth_year\nd1,Ван-Си-Сян,1888\nd2,Ли-Фу,1890\nd3,Чжан-Мин-Шань,1900\n');
    const report = await runImport(database, {
      open: async function* () {
        yield data;
      },
      fileName: 'deadlock.csv',
      actor: 'test',
      source: 'deadlock',
      bytesTotal: data.length,
      connectionString: url,
      links: false,
      bulk: false,
    });
    expect(report.inserted).toBe(3);
    expect(report.invalid).toBe(0);
    // The trigger did raise the deadlock once (its sequence moved on), and the retry wrote the rows once.
    const { rows } = await sql<{ v: string }>`SELECT last_value::text AS v FROM deadlock_once_seq`.execute(database.db);
    expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(2);
    const written = await database.db.selectFrom('records').select('external_id').where('source', '=', 'deadlock').orderBy('external_id').execute();
    expect(written.map((r) => r.external_id)).toEqual(['d1', 'd2', 'd3']);
    const events = await database.db.selectFrom('record_events').select('id').where('kind', '=', 'record.inserted').execute();
    expect(events).toHaveLength(3);
  });
});
