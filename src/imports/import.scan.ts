import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { saveJobProgress } from './import-jobs.repository.ts';
import type { ImportTally } from './import-report.ts';
import { preparedBatches } from './import.rows.ts';
import { SearchFieldsCache } from './import.search-fields.ts';
import type { ImportStore } from './import.store.ts';
import { isRetryableBatchError, writeBatch, type PreparedRow } from './import.writer.ts';
import { createSearchFieldsComputer } from './search-fields.pool.ts';
import type { ImportOptions } from './import.service.ts';
import { JOB_OWNER, JobLostError } from './import.job-owner.ts';

/**
 * The row path: one streaming pass over the file. Without a store it only
 * validates (--strict's first pass). With stores, full batches are written
 * while the next is parsed, each batch in its own transaction, the batches
 * going to the stores in turn (one write in flight per store).
 */
export async function scanRows(options: ImportOptions, tally: ImportTally, stores: ImportStore[], jobId: number, db?: Kysely<DB>): Promise<void> {
  const store = stores.length > 0;
  const search = new SearchFieldsCache();
  const computer = createSearchFieldsComputer(store ? (options.workers ?? 1) : 0);
  let batches = 0;
  const inFlight: Array<Promise<void> | undefined> = stores.map(() => undefined);
  let nextStore = 0;

  const compute = (items: Array<[string, string | null]>) => computer.computeBatch(items);
  const write = async (target: ImportStore, rows: PreparedRow[]) => {
    const context = { jobId, actor: options.actor, dryRun: !!options.dryRun, search, timings: options.timings };
    const run = (stagedOnly: boolean) =>
      target.transaction((session) => writeBatch(session, rows, compute, { ...context, stagedOnly }), { rollback: !!options.dryRun });
    // Another writer took one of the batch's keys, or changed one of its
    // records, meanwhile, or the batch lost a deadlock: it is rolled back and
    // run again, staged.
    const retry = async (attempt: number): Promise<Awaited<ReturnType<typeof run>>> => {
      const started = performance.now();
      try {
        return await run(attempt > 0);
      } catch (err) {
        if (!isRetryableBatchError(err) || attempt >= 3) throw err;
        return retry(attempt + 1);
      } finally {
        if (options.timings && attempt > 0) options.timings['staged retry'] = (options.timings['staged retry'] ?? 0) + performance.now() - started;
      }
    };
    const outcome = await retry(0);
    tally.inserted += outcome.inserted;
    tally.updated += outcome.updated;
    tally.unchanged += outcome.unchanged;
    tally.conflicts += outcome.conflicts ?? 0;
    tally.addDuplicates(outcome.duplicates);
    batches++;
    if (!(await saveJobProgress(db!, jobId, JOB_OWNER, tally.progress()))) {
      throw new JobLostError(`import job ${jobId} was stopped or taken over by another process`);
    }
    await options.afterBatch?.(batches);
  };
  const flush = async (rows: PreparedRow[]) => {
    const slot = nextStore;
    nextStore = (nextStore + 1) % stores.length;
    if (inFlight[slot]) await inFlight[slot];
    const writing = write(stores[slot]!, rows);
    writing.catch(() => undefined); // awaited at the next flush of this slot or at the end
    inFlight[slot] = writing;
  };

  try {
    for await (const rows of preparedBatches(options, tally, store ? stores[0]!.encode : null)) await flush(rows);
    await Promise.all(inFlight);
  } finally {
    // Never leave a batch half-way: let the other writer finish or roll back first.
    await Promise.allSettled(inFlight);
    await computer.close();
  }
  options.onProgress?.(tally);
}
