import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { isProcessAlive } from '../shared/process-alive.ts';
import { PayloadTooLargeError } from '../shared/errors.ts';

/**
 * The upload spool: DATA_DIR/spool. An upload is written here as it arrives
 * (never held in memory), under a name that starts with the writing process's
 * pid — `<pid>-<random>.csv` — and its job records that name. The file stays
 * until its job ends (the runner removes it), so a server killed mid-import
 * finds it again at start. A file that no unfinished job names and whose
 * writer is gone is an orphan, removed by the sweep.
 */
export function spoolDir(dataDir: string): string {
  return path.join(dataDir, 'spool');
}

export function spoolFilePath(dataDir: string, name: string): string {
  // Only names this module made: a job row can never point outside the spool.
  if (!/^\d+-[0-9a-f]{12}\.csv$/.test(name)) throw new Error(`not a spool file name: ${name}`);
  return path.join(spoolDir(dataDir), name);
}

/** A fresh file in the spool (the directory created if needed); the caller writes it. */
export function newSpoolFile(dataDir: string): { name: string; path: string } {
  fs.mkdirSync(spoolDir(dataDir), { recursive: true });
  const name = `${process.pid}-${randomBytes(6).toString('hex')}.csv`;
  return { name, path: path.join(spoolDir(dataDir), name) };
}

export const tooLarge = (maxBytes: number) => new PayloadTooLargeError(`The upload is larger than ${maxBytes} bytes`);

/**
 * Streams a body to a new spool file, counting the bytes actually read — a
 * chunked body has no length to trust — and failing with 413 as soon as they
 * pass maxBytes, with the file removed. The body is left undestroyed, so the
 * 413 can still be sent (with Connection: close, so the rest is never read).
 */
export async function spoolBody(body: Readable, dataDir: string, maxBytes: number): Promise<{ name: string; path: string; size: number }> {
  const file = newSpoolFile(dataDir);
  const out = fs.createWriteStream(file.path);
  let failed: Error | undefined;
  out.on('error', (err) => (failed = err));
  let size = 0;
  try {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (failed) throw failed;
      // Wait for the disk when it is slower than the network: memory stays at a chunk or two.
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    fs.rmSync(file.path, { force: true });
    throw err;
  }
  return { ...file, size };
}

export function removeSpoolFile(dataDir: string, name: string): void {
  fs.rmSync(spoolFilePath(dataDir, name), { force: true });
}

/**
 * Removes every spool file that no unfinished job names and that no live
 * process of this machine is still writing. At start (`atStart`), files under
 * this process's own pid are a previous process's (in a container the server
 * is pid 1 every time). Returns the names removed.
 */
export function removeOrphans(dataDir: string, keep: ReadonlySet<string>, atStart: boolean): string[] {
  const dir = spoolDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (keep.has(name)) continue;
    const writer = Number(/^(\d+)-/.exec(name)?.[1] ?? NaN);
    const mine = writer === process.pid;
    if (mine ? !atStart : Number.isInteger(writer) && isProcessAlive(writer)) continue;
    fs.rmSync(path.join(dir, name), { force: true, recursive: true });
    removed.push(name);
  }
  return removed;
}
