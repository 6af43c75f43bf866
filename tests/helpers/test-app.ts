import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createApiToken, createUser } from '../../src/auth/accounts.service.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { stopImportRunner } from '../../src/imports/import.runner.ts';
import { stopLinkJobs } from '../../src/links/link-jobs.ts';
import type { AppContext } from '../../src/shared/context.ts';
import { insertRecord as createRecord, type RecordInput } from '../../src/records/record.writer.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { withDatabase } from './global-setup.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: Express;
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real app on this file's own database, with a silent logger. Tests search
 * many times and read counts right after writing them: the search rate limit
 * and the stats cache are off unless `env` sets them (their own tests do).
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // A DATA_DIR of its own (the upload spool), unless the test names one.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-app-'));
  const ctx: AppContext = { config: loadConfig({ DATA_DIR: dataDir, SEARCH_RATE_LIMIT: '0', STATS_CACHE_SECONDS: '0', ...env }), database, logger: createLogger('silent') };
  const close = async () => {
    await stopImportRunner(database);
    await stopLinkJobs(database);
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { app: createApp(ctx), ctx, database, close };
}

/**
 * On PostgreSQL, imports COPY through their own connection to DATABASE_URL, as
 * in production: point the app's configuration at this file's database.
 */
export async function enableImportConnection(t: TestApp): Promise<void> {
  const testDb = inject('testDb');
  if (testDb.backend !== 'postgres') return;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
  t.ctx.config = { ...t.ctx.config, DATABASE_URL: withDatabase(testDb.adminUrl, rows[0]!.name) };
}

let counter = 0;

/** Inserts records through the records service, as every real write does. */
export async function seedRecords(database: Database, inputs: Array<Partial<RecordInput> & { fullName: string; birthYear?: number; birthplace?: string }>) {
  return database.db.transaction().execute(async (trx) => {
    const rows = [];
    for (const input of inputs) {
      const { fullName, birthYear, birthplace, ...rest } = input;
      rows.push(
        await createRecord(
          trx,
          {
            source: rest.source ?? 'test',
            externalId: rest.externalId ?? `t-${++counter}`,
            fields: { fullName, birthYear: birthYear ?? null, birthplace: birthplace ?? null, ...(rest.fields ?? {}) },
            extra: rest.extra ?? {},
          },
          'test',
        ),
      );
    }
    return rows;
  });
}

let userCounter = 0;

/**
 * An account with an API token, created through the accounts service (as the
 * CLI does). Use `authHeader(user)` as the Authorization header value.
 */
export async function seedUser(
  database: Database,
  options: { role?: 'archivist' | 'admin'; email?: string; password?: string; displayName?: string } = {},
): Promise<{ id: number; email: string; password: string; role: 'archivist' | 'admin'; token: string }> {
  const role = options.role ?? 'archivist';
  const email = options.email ?? `${role}-${++userCounter}-${process.pid}@example.org`;
  const password = options.password ?? 'a long test password';
  const { id } = await createUser(database.db, { email, password, role, displayName: options.displayName ?? null });
  const token = await createApiToken(database.db, email);
  return { id, email, password, role, token };
}

export const authHeader = (user: { token: string }) => `Bearer ${user.token}`;
