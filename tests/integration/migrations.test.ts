import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createMigrator, migrateToLatest } from '../../src/db/migrate.ts';
import { dropDatabase, withDatabase } from '../helpers/global-setup.ts';
import { POSTGRES_ONLY } from '../helpers/test-database.ts';

async function tableNames(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1
  `.execute(db);
  return rows.map((r) => r.name);
}

/** From empty to latest, again (a no-op), all the way down, and up again. */
async function exerciseMigrations(database: Database) {
  const first = await migrateToLatest(database.db);
  expect(first.length).toBeGreaterThan(0);
  expect(first.every((r) => r.status === 'Success')).toBe(true);
  expect(await tableNames(database.db)).toEqual(expect.arrayContaining(['records', 'record_events']));
  const { rows } = await sql<{ extname: string }>`SELECT extname FROM pg_extension ORDER BY 1`.execute(database.db);
  expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']));
  const { rows: folded } = await sql<{ v: string }>`SELECT nb_unaccent('Hsü Tzŭ') AS v`.execute(database.db);
  expect(folded[0]?.v).toBe('Hsu Tzu');

  expect(await migrateToLatest(database.db)).toEqual([]);

  const migrator = createMigrator(database.db);
  for (let i = 0; i < first.length; i++) {
    const { error } = await migrator.migrateDown();
    expect(error).toBeUndefined();
  }
  expect(await tableNames(database.db)).not.toContain('records');
  expect((await migrateToLatest(database.db)).length).toBe(first.length);
}

describe('migrations from empty', () => {
  it('run on PGlite (the embedded default)', async () => {
    const database = await openDatabase({ dataDir: '', inMemory: true });
    try {
      await exerciseMigrations(database);
    } finally {
      await database.close();
    }
  });

  // Without a PostgreSQL server (PGlite-only runs) the embedded case above is the check.
  it.skipIf(inject('testDb').backend !== 'postgres' && !process.env.TEST_DATABASE_URL)(`${POSTGRES_ONLY} (needs a server): run on PostgreSQL`, async () => {
    const testDb = inject('testDb');
    const url = testDb.backend === 'postgres' ? testDb.adminUrl : process.env.TEST_DATABASE_URL!;
    const name = `nb_m_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), dataDir: '' });
    try {
      await exerciseMigrations(database);
    } finally {
      await database.close();
      await dropDatabase(url, name);
    }
  });
});
