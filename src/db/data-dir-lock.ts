import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../shared/errors.ts';
import { isProcessAlive } from '../shared/process-alive.ts';

const LOCK_FILE = 'namebridge.lock';

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite has no lock between processes: two processes on one data directory
 * corrupt it. We hold an exclusive pid file for the life of the process. A lock
 * left by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => releaseIfOurs(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPid(file);
      if (holder !== undefined && isProcessAlive(holder)) {
        throw new StartupError(
          `The embedded database in ${dataDir} is already in use by ${holder === process.pid ? 'this process' : `process ${holder}`}. ` +
            'Only one namebridge process may open an embedded data directory; stop the other ' +
            'process, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.',
        );
      }
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new StartupError(`Could not lock the embedded data directory ${dataDir}`);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(file: string): void {
  if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
}
