import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { dropDatabase, withDatabase } from './global-setup.ts';

/**
 * A database of this test file's own: a copy of the migrated template on
 * PostgreSQL, or a fresh in-memory PGlite. close() drops what it created.
 */
export async function createTestDatabase(): Promise<Database> {
  const testDb = inject('testDb');
  if (testDb.backend === 'pglite') {
    const database = await openDatabase({ dataDir: '', inMemory: true });
    await migrateToLatest(database.db);
    return database;
  }
  const { url, drop } = await createPostgresCopy();
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/** A migrated PostgreSQL database of the caller's own (PostgreSQL backends only), by URL. */
export async function createPostgresCopy(): Promise<{ url: string; drop: () => Promise<void> }> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') throw new Error('createPostgresCopy needs a PostgreSQL test backend');
  const name = `nb_t_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(testDb.adminUrl, name, testDb.template);
  return { url: withDatabase(testDb.adminUrl, name), drop: () => dropDatabase(testDb.adminUrl, name) };
}

export function testBackend(): 'postgres' | 'pglite' {
  return inject('testDb').backend;
}

/** PostgreSQL refuses a template copy while another copy starts; retry briefly. */
async function createFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    } finally {
      await admin.end();
    }
  }
}

/** The URL of a test database (PostgreSQL), for the importer's COPY connection or a CLI child; undefined on PGlite. */
export async function testDatabaseUrl(database: Database): Promise<string | undefined> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  return withDatabase(testDb.adminUrl, rows[0]!.name);
}

/**
 * The marker in the name of every test that needs a PostgreSQL server (written
 * `it.skipIf(…)(`${POSTGRES_ONLY} (reason): …`)`): on PGlite such a test is
 * listed as skipped with its reason, and `.ci/run` counts how many ran.
 */
export const POSTGRES_ONLY = 'PostgreSQL only';

/**
 * A migrated database for CLI child processes: a PostgreSQL copy, or an embedded
 * DATA_DIR. `database` is open for seeding; close it before a child process opens it.
 */
export async function createCliDatabase(prefix: string): Promise<{ env: NodeJS.ProcessEnv; database: Database; drop: () => Promise<void> }> {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void> = async () => undefined;
  if (testBackend() === 'postgres') {
    const copy = await createPostgresCopy();
    env = { DATABASE_URL: copy.url };
    drop = copy.drop;
  } else {
    env = { DATABASE_URL: '', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), prefix)) };
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR ?? '' });
  await migrateToLatest(database.db);
  return { env, database, drop };
}
