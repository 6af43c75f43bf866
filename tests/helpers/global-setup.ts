import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * Chooses the test database once for the whole run:
 *   1. TEST_DATABASE_URL, when set;
 *   2. a throw-away postgres:16 container, when a container runtime answers;
 *   3. PGlite in process, otherwise.
 * For PostgreSQL the schema is migrated once into a template database; each test
 * file then gets its own `CREATE DATABASE … TEMPLATE` copy (tests/helpers/test-database.ts),
 * so files are isolated without truncating anything.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { backend: 'postgres'; adminUrl: string; template: string } | { backend: 'pglite' };
  }
}

let cleanup: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL || (await startContainer());
  if (!url) {
    project.provide('testDb', { backend: 'pglite' });
    return;
  }
  const template = `nb_tpl_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabase(url, template), max: 1 }) }),
  });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('testDb', { backend: 'postgres', adminUrl: url, template });
  const previous = cleanup;
  cleanup = async () => {
    await dropDatabase(url, template);
    await previous?.();
  };
}

export async function teardown(): Promise<void> {
  await cleanup?.();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Starts postgres:16 if a container runtime answers; undefined (quietly) if none does. */
async function startContainer(): Promise<string | undefined> {
  if (process.env.NAMEBRIDGE_TEST_NO_CONTAINERS) return undefined;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await withTimeout(getContainerRuntimeClient(), 5_000);
  } catch {
    return undefined;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:16').start();
  cleanup = async () => {
    await container.stop();
  };
  return container.getConnectionUri();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
