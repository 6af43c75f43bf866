import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { listen, type RunningServer } from '../../src/http/server.ts';
import { stopImportRunner } from '../../src/imports/import.runner.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { loadFixtureRows, readFixture } from '../helpers/fixtures.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/** Debian's Chromium; .ci/run installs it with apt-get when it is missing. Never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium. Playwright's launch() gives every browser a fresh,
 * temporary user-data dir (removed on close), so no profile carries over.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface RunningApp {
  url: string;
  database: Database;
  ids: Map<string, number>;
  close(): Promise<void>;
}

/** The real app listening on an ephemeral port, on this file's own database with the Moscow sample loaded. */
export async function startApp(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const database = await createTestDatabase();
  const ids = await loadFixtureRows(database, readFixture('mos-memo-sample.csv'));
  const logger = createLogger('silent');
  // A DATA_DIR of its own: the upload spool.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-browser-'));
  const config = loadConfig({ CORRECTION_RATE_LIMIT: '1000', LOGIN_RATE_LIMIT: '1000', DATA_DIR: dataDir, ...env });
  const server: RunningServer = await listen(createApp({ config, database, logger }), 0, '127.0.0.1', logger);
  return {
    url: `http://127.0.0.1:${server.port}`,
    database,
    ids,
    async close() {
      await server.stop(1_000);
      await stopImportRunner(database);
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
