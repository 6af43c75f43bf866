import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/database.ts';
import { runImport } from '../../src/imports/import.service.ts';
import { SEED_DIR, seedDatabase, seedReason } from '../../src/seed/seed.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { withDatabase } from '../helpers/global-setup.ts';
import { startLogged } from '../helpers/processes.ts';
import { createPostgresCopy, createTestDatabase, POSTGRES_ONLY } from '../helpers/test-database.ts';

/**
 * `npm start` on an empty database loads fixtures/seed/ through the importer
 * (after it starts listening); SEED=false does not; a database with records is
 * never seeded again, unless its seeding was interrupted.
 */
const SEEDED = 2067; // fixtures/seed/mos-memo-seed.csv: 67 Chinese rows + 2,000 others
const dirs: string[] = [];
const tmpDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-seed-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Server {
  child: ChildProcess;
  base: string;
  logs: () => string;
  /** Milliseconds from spawn to the first 200 of /healthz. */
  healthyAfter: number;
  stop(): Promise<number | null>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const started = Date.now();
  const { child, logs, exited } = startLogged(['src/main.ts'], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED: '', ...env });
  const port = await waitFor(() => /"port":(\d+)[^\n]*"msg":"listening"/.exec(logs())?.[1], 90_000, () => `the server did not start:\n${logs()}`);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 30_000, () => 'no healthz');
  const healthyAfter = Date.now() - started;
  return {
    child,
    base,
    logs,
    healthyAfter,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what: () => string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const stats = async (base: string) => (await (await fetch(`${base}/api/stats`)).json()) as { records: number; sources: number };

async function checkSeeded(server: Server): Promise<void> {
  // /healthz answers while the records are still being written.
  await waitFor(async () => ((await stats(server.base)).records === SEEDED ? true : undefined), 120_000, () => `not seeded:\n${server.logs().slice(-2000)}`);
  await waitFor(() => (server.logs().includes('"msg":"seeded"') ? true : undefined), 10_000, () => 'no "seeded" log');
  expect(server.logs()).toContain('"msg":"seeding the empty database (SEED=false skips this)"');
  expect(server.logs()).toMatch(new RegExp(`"inserted":${SEEDED},"invalid":0,"ms":\\d+,"msg":"seeded"`));
  const s = await stats(server.base);
  expect(s.sources).toBeGreaterThan(1); // the source column is kept, per row, for attribution
  const search = (await (await fetch(`${server.base}/api/search?q=${encodeURIComponent('王希祥')}&limit=5`)).json()) as { results: Array<{ record: unknown }> };
  expect(search.results[0]?.record).toMatchObject({ fullName: 'Ван-Си-Сян', birthYear: 1888, source: 'Расстрелы в Москве (mos.memo.ru), shot-12.htm' });
}

describe('npm start seeds an empty database', () => {
  it('embedded (PGlite): healthz at once, the fixtures imported in the background, 王希祥 finds «Ван-Си-Сян»; not again on restart', async () => {
    const dataDir = tmpDir();
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      expect(server.healthyAfter).toBeLessThan(30_000);
      await checkSeeded(server);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const again = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      expect((await stats(again.base)).records).toBe(SEEDED);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(again.logs()).not.toContain('seeding');
    } finally {
      expect(await again.stop()).toBe(0);
    }
  }, 240_000);

  it.skipIf(inject('testDb').backend !== 'postgres')(`${POSTGRES_ONLY} (COPY and several workers): the same, through the COPY path; with two workers the primary alone seeds`, async () => {
    const { url, drop } = await createPostgresCopy();
    try {
      const server = await startServer({ DATABASE_URL: url, WORKERS: '2' });
      try {
        await checkSeeded(server);
        const seedingLines = server.logs().split('\n').filter((l) => l.includes('"msg":"seeding the empty database'));
        expect(seedingLines).toHaveLength(1);
        expect(seedingLines[0]).not.toContain('"worker"');
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      await drop();
    }
  }, 240_000);

  it('SEED=false: the database stays empty', async () => {
    const server = await startServer({ DATA_DIR: tmpDir(), DATABASE_URL: '', SEED: 'false' });
    try {
      expect((await stats(server.base)).records).toBe(0);
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await stats(server.base)).records).toBe(0);
      expect(server.logs()).not.toContain('seeding');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);
});

describe('seedDatabase', () => {
  let database: Database | undefined;
  afterAll(() => database?.close());

  const runtimeFor = async (db: Database) => {
    const testDb = inject('testDb');
    let url: string | undefined;
    if (testDb.backend === 'postgres') {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db.db);
      url = withDatabase(testDb.adminUrl, rows[0]!.name);
    }
    return { config: loadConfig({ DATABASE_URL: url }), logger: createLogger('silent'), database: db };
  };

  it('seeds only an empty database, and finishes an interrupted seeding', async () => {
    database = await createTestDatabase();
    const runtime = await runtimeFor(database);
    expect(await seedReason(runtime)).toBe('empty');

    // An interrupted seeding: its first rows written, its job failed.
    const seedFile = path.join(SEED_DIR, 'mos-memo-seed.csv');
    const head = fs.readFileSync(seedFile, 'utf8').split('\r\n').slice(0, 101).join('\r\n');
    const partial = await runImport(database, {
      open: async function* () {
        yield head;
      },
      fileName: 'seed/mos-memo-seed.csv',
      actor: 'seed',
      afterBatch: () => {
        throw new Error('killed');
      },
      batchSize: 100,
    }).catch((err: Error) => err);
    expect(partial).toBeInstanceOf(Error);
    expect(await seedReason(runtime)).toBe('interrupted');

    const result = await seedDatabase(runtime);
    expect(result).toMatchObject({ files: ['mos-memo-seed.csv'], inserted: SEEDED - 100, invalid: 0 });
    expect(await seedReason(runtime)).toBeNull();
    expect(await seedDatabase(runtime)).toBeNull();
    const { n } = await database.db.selectFrom('records').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(SEEDED);
  }, 120_000);

  it.skipIf(inject('testDb').backend !== 'postgres')(`${POSTGRES_ONLY} (two servers on one database): two servers starting on one empty database: one seeds, the other leaves it`, async () => {
    const db = await createTestDatabase();
    try {
      const runtime = await runtimeFor(db);
      const results = await Promise.all([seedDatabase(runtime), seedDatabase(runtime)]);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(results.find((r) => r !== null)).toMatchObject({ inserted: SEEDED });
      const jobs = await db.db.selectFrom('import_jobs').select('id').where('actor', '=', 'seed').execute();
      expect(jobs).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('stops after the batch in progress when asked to', async () => {
    const db = await createTestDatabase();
    try {
      const runtime = await runtimeFor(db);
      const stop = new AbortController();
      stop.abort();
      await expect(seedDatabase(runtime, { signal: stop.signal })).rejects.toThrow();
      expect(await seedReason(runtime)).toMatch(/^(empty|interrupted)$/);
    } finally {
      await db.close();
    }
  }, 60_000);
});
