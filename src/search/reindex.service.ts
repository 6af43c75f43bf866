import type { Database } from '../db/database.ts';
import { openImportStore, type ImportStore } from '../imports/import.store.ts';
import { SearchFieldsCache } from '../imports/import.search-fields.ts';
import { createSearchFieldsComputer, type SearchFieldsComputer } from '../imports/search-fields.pool.ts';
import { READINGS_STAGING_DDL, swapReadings, type DerivedReadings } from '../records/readings-batch.writer.ts';
import { readingKeysFor } from '../core/match/index.ts';
import { countRecords, inputsWithoutReadings, staleReadingsCount, staleRecordInputs, type ReadingInputs } from './reading-versions.repository.ts';

export interface ReindexOptions {
  /** Only records of this source. */
  source?: string | undefined;
  /** Records per transaction: small enough that a batch never holds locks for long. */
  batchSize?: number;
  /** After each committed batch: done so far and the total known at start (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** PostgreSQL URL: batches are COPYed into staging on a connection of their own; without it, one INSERT per table. */
  connectionString?: string | undefined;
  /** Worker threads decoding ahead of the writes (default 1; 0 = in-thread). */
  workers?: number;
}

export interface ReindexResult {
  /** Records in scope (all, or the source's). */
  records: number;
  /** Records whose readings were rebuilt. */
  rebuilt: number;
  seconds: number;
}

export const REINDEX_BATCH_SIZE = 2_000;
/** A batch that lost a deadlock to another writer (an import batch locking the same records) is tried again. */
const RETRIES = 3;

/**
 * Rebuilds the readings of every record whose readings another decoder version
 * derived, and of every record that has none although its name has a reading.
 *
 * At bulk speed: while one batch is written, the next is read and decoded
 * (worker threads, search-fields.pool.ts); a batch is written set-wise
 * (readings-batch.writer.ts: COPY into session-private staging tables, then
 * one statement each to lock, update, delete and insert).
 *
 * Online: each batch is one short transaction that swaps a record's rows
 * together, so a search sees a record's old readings or its new ones, never
 * none; no index is dropped. Resumable: what is left to do is read from the
 * database (the version on each row), so after a crash the next run continues
 * where the last committed batch ended and never redoes a batch.
 */
export async function reindexReadings(database: Database, options: ReindexOptions = {}): Promise<ReindexResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? REINDEX_BATCH_SIZE;
  const { source } = options;
  const db = database.db;
  const total = await staleReadingsCount(db, { source });
  let rebuilt = 0;
  const report = () => options.onProgress?.(rebuilt, Math.max(total, rebuilt));

  const decoder = createDecoder(options.workers ?? 1);
  const store = await openImportStore(database, READINGS_STAGING_DDL, options.connectionString);
  try {
    const phases: Array<(after: string) => Promise<ReadingInputs[]>> = [
      (after) => staleRecordInputs(db, after, batchSize, source),
      // Records with no reading rows: only those whose name (or an attested name) has a reading are rebuilt.
      (after) => inputsWithoutReadings(db, after, batchSize, source),
    ];
    for (const [i, fetch] of phases.entries()) {
      const keepEmpty = i === 0;
      let next = prepare(fetch, decoder, '0', keepEmpty);
      for (;;) {
        const batch = await next;
        if (!batch) break;
        // The next batch is read and decoded while this one is written.
        next = prepare(fetch, decoder, batch.last, keepEmpty);
        next.catch(() => undefined);
        options.signal?.throwIfAborted();
        if (batch.items.length === 0) continue;
        rebuilt += await writeBatch(store, batch.items);
        report();
      }
    }
  } finally {
    await Promise.all([store.close(), decoder.close()]);
  }
  return { records: await countRecords(db, source), rebuilt, seconds: (performance.now() - started) / 1000 };
}

interface Prepared {
  items: DerivedReadings[];
  /** The last record id read: the next batch starts after it. */
  last: string;
}

async function prepare(fetch: (after: string) => Promise<ReadingInputs[]>, decoder: Decoder, after: string, keepEmpty: boolean): Promise<Prepared | null> {
  const inputs = await fetch(after);
  if (inputs.length === 0) return null;
  // Records without readings: most are names with none (Russian names). Their names are
  // decoded alone first; only those that have a reading are derived in full.
  const items = await decoder.decode(keepEmpty ? inputs : await decoder.withReadings(inputs));
  return { items, last: inputs.at(-1)!.id };
}

/** Returns how many records were swapped (a record another writer changed meanwhile is left to that writer). */
async function writeBatch(store: ImportStore, items: DerivedReadings[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction((session) => swapReadings(session, items));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= RETRIES || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

interface Decoder {
  decode(inputs: readonly ReadingInputs[]): Promise<DerivedReadings[]>;
  /** The inputs whose name, or an attested name, has a reading. */
  withReadings(inputs: readonly ReadingInputs[]): Promise<ReadingInputs[]>;
  close(): Promise<void>;
}

/** Names without attested names go to the worker pool; the few with them are decoded here (the pool decodes names alone). */
function createDecoder(workers: number): Decoder {
  const pool: SearchFieldsComputer = createSearchFieldsComputer(workers);
  const local = new SearchFieldsCache();
  return {
    async decode(inputs) {
      const plain = inputs.filter((i) => i.attested === null);
      const decoded = await pool.computeBatch(plain.map((i) => [i.fullName, i.birthplace]));
      const byId = new Map(plain.map((input, k) => [input.id, decoded[k]!]));
      return inputs.map((input) => ({
        ...input,
        search: byId.get(input.id) ?? local.compute({ fullName: input.fullName, birthplace: input.birthplace, attested: input.attested ?? [] }),
      }));
    },
    // Reading keys alone cost half a full derivation (no Latin skeleton, no places).
    withReadings: async (inputs) => inputs.filter((i) => i.attested !== null || readingKeysFor(i.fullName).length > 0),
    close: () => pool.close(),
  };
}
