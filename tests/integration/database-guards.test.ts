import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { StartupError } from '../../src/shared/errors.ts';
import { dropDatabase, withDatabase } from '../helpers/global-setup.ts';
import { runNode } from '../helpers/processes.ts';
import { POSTGRES_ONLY } from '../helpers/test-database.ts';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nb-data-'));

describe('embedded data directory lock', () => {
  it('refuses a second open of the same DATA_DIR in this process', async () => {
    const dir = tmpDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already in use/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('refuses a second `npm start` on the same DATA_DIR with a clear message', async () => {
    const dir = tmpDir();
    const held = await openDatabase({ dataDir: dir });
    try {
      const result = await runNode(['src/main.ts'], { DATA_DIR: dir, PORT: '0', DATABASE_URL: '' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The embedded database in ${dir} is already in use by process ${process.pid}`);
    } finally {
      await held.close();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tmpDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(path.join(dir, 'namebridge.lock'), String(dead.pid));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
  });
});

describe('database encoding', () => {
  // PGlite always initialises as UTF8; the unit test of checkEncoding covers the rule there.
  it.skipIf(inject('testDb').backend !== 'postgres')(`${POSTGRES_ONLY} (PGlite is always UTF8): refuses a non-UTF8 PostgreSQL database with a clear message`, async () => {
    const testDb = inject('testDb');
    if (testDb.backend !== 'postgres') throw new Error('unreachable: skipped on PGlite');
    const name = `nb_enc_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDb.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    await admin.end();
    try {
      const opening = openDatabase({ databaseUrl: withDatabase(testDb.adminUrl, name), dataDir: '' });
      await expect(opening).rejects.toBeInstanceOf(StartupError);
      await expect(opening).rejects.toThrow(/database encoding is SQL_ASCII, but namebridge needs UTF8/);
    } finally {
      await dropDatabase(testDb.adminUrl, name);
    }
  });
});
