import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { SimilarityCache } from './link.model.ts';
import { LINK_MODEL } from './link-weights.data.ts';
import { scorePairs, storeBatch, uniquePairs, type ScoredBatch } from './link-batch.service.ts';
import { claimPending, clearPending, clearPendingUpTo, lastPendingSeq, linkedPairsOf, linkKeysPresent } from './link-pending.repository.ts';
import {
  candidatePairs, countOpenProposals, databaseClock, loadSubjects, nextRecordIds, readLinkRun, rebuildLinkKeys, refreshLinkKeys, saveLinkRun,
  withdrawProposalsNotSince,
} from './links.repository.ts';

export { LINK_ACTOR } from './link-batch.service.ts';

/**
 * Proposing links. A full run takes records in id order, in batches: their
 * candidate pairs (blocking, in SQL), scored by the pure model while the next
 * batch's pairs are being read, stored in the batch's own transaction with
 * where the run got to — so a run stopped at any point resumes after its last
 * committed batch. Records new or changed since (link_pending, marked by
 * triggers with the write itself) are then linked again: their keys
 * refreshed, their candidate and already-stored pairs scored again.
 */

export const DEFAULT_LINK_BATCH = 5_000;
/**
 * About this many pairs per batch of a full run (two batches are in memory at
 * once, their records with their readings): within the CLI's 128 MB heap at
 * 1,000,000 records, where the last batches of 5,000 records had far more.
 */
const PAIRS_PER_BATCH = 10_000;
/** Marked records per transaction of the link job: their partners are on both sides, and the marks stay locked until it commits. */
const PENDING_BATCH = 1_000;

export interface LinkRunOptions {
  /** Only records of this source (paired with records of any source). */
  source?: string | undefined;
  batchSize?: number;
  /** Confirm proposals at or above this score, marked automatic (LINK_AUTO_CONFIRM_SCORE); off when undefined. */
  autoConfirmScore?: number | undefined;
  /** Start from the first record again instead of resuming. */
  restart?: boolean;
  onBatch?: (progress: { afterId: string; pairsScored: number }) => void;
}

export interface LinkRunResult {
  pairsScored: number;
  /** Open proposals after the run (all scores; the review list shows those at or above the threshold). */
  proposed: number;
  seconds: number;
}

interface FetchedBatch {
  ids: string[];
  pairs: Array<readonly [string, string]>;
  subjects: Awaited<ReturnType<typeof loadSubjects>>;
}

export async function runLinking(db: Kysely<DB>, options: LinkRunOptions = {}): Promise<LinkRunResult> {
  const started = performance.now();
  const scope = options.source === undefined ? 'all' : `source:${options.source}`;
  const saved = options.restart ? undefined : await readLinkRun(db, scope);
  // A run of an older model starts again: every pair deserves the new scores.
  let after = saved && saved.model === LINK_MODEL ? String(saved.after_id) : '0';
  // Marks up to here are settled by this run's batches; later ones by the re-linking after it.
  const settledUpTo = await lastPendingSeq(db);
  // A fresh run blocks on every record's keys as they are now; a resumed one on keys kept fresh since (rebuilt if a crash emptied them).
  if (after === '0' || !(await linkKeysPresent(db))) await rebuildLinkKeys(db);
  // A pass over the whole database from its first record, in this call, meets every pair that blocks today.
  const wholePassSince = after === '0' && options.source === undefined ? await databaseClock(db) : undefined;
  const maxBatch = options.batchSize ?? DEFAULT_LINK_BATCH;
  let batchSize = maxBatch;
  const lowerOnly = options.source === undefined;
  const similarities = new SimilarityCache();
  let pairsScored = 0;

  // Over the whole database each pair is met once, from its larger id; one source also meets partners after it.
  const fetch = async (from: string): Promise<FetchedBatch | undefined> => {
    const ids = await nextRecordIds(db, from, batchSize, options.source);
    if (ids.length === 0) return undefined;
    const pairs = uniquePairs(await candidatePairs(db, ids, lowerOnly));
    return { ids, pairs, subjects: await loadSubjects(db, [...new Set(pairs.flat())]) };
  };
  let next = fetch(after);
  for (;;) {
    const batch = await next;
    if (!batch) break;
    after = batch.ids.at(-1)!;
    // Partners come from smaller ids, so later batches have more pairs: fewer records per batch keeps memory flat.
    batchSize = Math.max(1, Math.min(maxBatch, Math.round((batch.ids.length * PAIRS_PER_BATCH) / Math.max(1, batch.pairs.length))));
    next = fetch(after); // read while this batch is scored: PostgreSQL and Node each keep a core busy
    next.catch(() => undefined); // awaited on the next turn; a failure of this batch must not leave it unhandled
    const scored = await scorePairs(batch.pairs, batch.subjects, similarities);
    const runAfter = after;
    await db.transaction().execute(async (trx) => {
      await storeBatch(trx, scored, { autoConfirmScore: options.autoConfirmScore, rescore: false });
      await clearPendingUpTo(trx, batch.ids, settledUpTo);
      await saveLinkRun(trx, scope, runAfter, LINK_MODEL, batch.pairs.length);
    });
    pairsScored += batch.pairs.length;
    options.onBatch?.({ afterId: after, pairsScored });
  }
  if (pairsScored === 0 && !saved) await db.transaction().execute((trx) => saveLinkRun(trx, scope, after, LINK_MODEL, 0));
  // So an open proposal it did not store again is one the model and blocking no longer make (a new model, `--restart`).
  if (wholePassSince) await withdrawProposalsNotSince(db, wholePassSince);
  pairsScored += (await linkPending(db, { autoConfirmScore: options.autoConfirmScore, batchSize: Math.min(maxBatch, PENDING_BATCH) })).pairsScored;
  return { pairsScored, proposed: await countOpenProposals(db), seconds: Math.round((performance.now() - started) / 10) / 100 };
}

export interface LinkPendingOptions {
  autoConfirmScore?: number | undefined;
  batchSize?: number;
  /** Asked between batches: a server shutting down stops after the batch in progress. */
  shouldStop?: () => boolean;
}

/**
 * Links the records marked in link_pending (new, or changed in what the
 * model reads), a batch per transaction: the marks are claimed (SKIP LOCKED,
 * so several processes share the work), the records' keys refreshed, their
 * candidate pairs and every stored link of theirs scored again, and the marks
 * removed — all committed together, so a crash leaves them marked.
 */
export async function linkPending(db: Kysely<DB>, options: LinkPendingOptions = {}): Promise<{ pairsScored: number; records: number }> {
  if (!(await linkKeysPresent(db))) await rebuildLinkKeys(db);
  const similarities = new SimilarityCache();
  let pairsScored = 0;
  let records = 0;
  while (!options.shouldStop?.()) {
    const done = await db.transaction().execute(async (trx) => {
      const marks = await claimPending(trx, options.batchSize ?? PENDING_BATCH);
      if (marks.length === 0) return undefined;
      const ids = marks.map((m) => m.id);
      await refreshLinkKeys(trx, ids);
      const pairs = uniquePairs([...(await candidatePairs(trx, ids, false)), ...(await linkedPairsOf(trx, ids))]);
      const scored: ScoredBatch = await scorePairs(pairs, await loadSubjects(trx, [...new Set(pairs.flat())]), similarities);
      await storeBatch(trx, scored, { autoConfirmScore: options.autoConfirmScore, rescore: true });
      await clearPending(trx, marks);
      return { pairs: pairs.length, records: marks.length };
    });
    if (!done) break;
    pairsScored += done.pairs;
    records += done.records;
  }
  return { pairsScored, records };
}
