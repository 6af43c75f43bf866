import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { countRecords, recordsWithoutReadings, staleReadingsCount, staleRecordIds } from './reading-versions.repository.ts';
import { replaceReadings } from '../records/record.writer.ts';
import { readingKeysFor } from '../core/match/index.ts';

export interface ReindexOptions {
  /** Only records of this source. */
  source?: string | undefined;
  /** Records per transaction: small enough that a batch never holds locks for long. */
  batchSize?: number;
  /** After each committed batch: done so far and the total known at start (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ReindexResult {
  /** Records in scope (all, or the source's). */
  records: number;
  /** Records whose readings were rebuilt. */
  rebuilt: number;
  seconds: number;
}

export const REINDEX_BATCH_SIZE = 500;

/**
 * Rebuilds the readings of every record whose readings another decoder version
 * derived, and of every record that has none although its name has a reading.
 *
 * Online: each batch is one short transaction that replaces a record's rows
 * together, so a search sees a record's old readings or its new ones, never
 * none. Resumable: what is left to do is read from the database (the version
 * on each row), so after a crash the next run continues where the last
 * committed batch ended and never redoes a batch.
 */
export async function reindexReadings(db: Kysely<DB>, options: ReindexOptions = {}): Promise<ReindexResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? REINDEX_BATCH_SIZE;
  const { source } = options;
  const total = await staleReadingsCount(db, { source });
  let rebuilt = 0;
  const report = () => options.onProgress?.(rebuilt, Math.max(total, rebuilt));

  for (let after = '0'; ; ) {
    options.signal?.throwIfAborted();
    const ids = await staleRecordIds(db, after, batchSize, source);
    if (ids.length === 0) break;
    await rebuild(db, ids);
    rebuilt += ids.length;
    after = ids[ids.length - 1]!;
    report();
  }

  // Records with no reading rows: rebuild those whose name (or an attested name) has a reading.
  for (let after = '0'; ; ) {
    options.signal?.throwIfAborted();
    const batch = await recordsWithoutReadings(db, after, batchSize, source);
    if (batch.length === 0) break;
    const ids = batch.filter((r) => r.attested || readingKeysFor(r.fullName).length > 0).map((r) => r.id);
    if (ids.length > 0) {
      await rebuild(db, ids);
      rebuilt += ids.length;
      report();
    }
    after = batch[batch.length - 1]!.id;
  }

  return { records: await countRecords(db, source), rebuilt, seconds: (performance.now() - started) / 1000 };
}

async function rebuild(db: Kysely<DB>, ids: string[]): Promise<void> {
  // The one record write path: re-reads each record inside the transaction.
  await db.transaction().execute((trx) => replaceReadings(trx, ids));
}
