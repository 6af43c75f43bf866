import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../shared/logger.ts';
import { scorePair } from './link.model.ts';
import { LINK_MODEL, STORE_FLOOR } from './link-weights.data.ts';
import {
  candidatePairs, countOpenProposals, loadSubjects, maxRecordId, nextRecordIds, openLinksAtOrAbove, readLinkRun, rebuildLinkKeys, refreshLinkKeys, saveLinkRun,
  upsertProposals, type NewProposal,
} from './links.repository.ts';
import { applyDecision } from './links.service.ts';
import { lockPersons } from './persons.repository.ts';

/**
 * Proposing links: batches of records, their candidate pairs (blocking, in
 * SQL), scored by the pure model, stored as proposals in the batch's own
 * transaction together with where the run got to — so a run stopped at any
 * point resumes after its last committed batch.
 */

export const DEFAULT_LINK_BATCH = 2_000;
/** Who automatic confirmations are recorded as. */
export const LINK_ACTOR = 'system:link';

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

export async function runLinking(db: Kysely<DB>, options: LinkRunOptions = {}): Promise<LinkRunResult> {
  const started = performance.now();
  const scope = options.source === undefined ? 'all' : `source:${options.source}`;
  const saved = options.restart ? undefined : await readLinkRun(db, scope);
  // A run of an older model starts again: every pair deserves the new scores.
  let after = saved && saved.model === LINK_MODEL ? String(saved.after_id) : '0';
  let pairsScored = 0;
  // Every record's keys afresh: records changed since the last run block on what they say now.
  await rebuildLinkKeys(db);
  for (;;) {
    const ids = await nextRecordIds(db, after, options.batchSize ?? DEFAULT_LINK_BATCH, options.source);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    // Over the whole database each pair is met once, from its larger id; one source also meets partners after it.
    pairsScored += await proposeFor(db, ids, { lowerOnly: options.source === undefined, autoConfirmScore: options.autoConfirmScore, run: { scope, afterId: after } });
    options.onBatch?.({ afterId: after, pairsScored });
  }
  if (pairsScored === 0 && !saved) await db.transaction().execute((trx) => saveLinkRun(trx, scope, after, LINK_MODEL, 0));
  return { pairsScored, proposed: await countOpenProposals(db), seconds: Math.round((performance.now() - started) / 10) / 100 };
}

/** Scores the candidate pairs of these records and stores the proposals; returns how many pairs were scored. */
export async function proposeFor(
  db: Kysely<DB>,
  ids: readonly string[],
  options: { lowerOnly: boolean; autoConfirmScore?: number | undefined; run?: { scope: string; afterId: string } },
): Promise<number> {
  const pairs = new Map<string, readonly [string, string]>();
  for (const [x, y] of await candidatePairs(db, ids, options.lowerOnly)) {
    const pair = Number(x) < Number(y) ? ([x, y] as const) : ([y, x] as const);
    pairs.set(`${pair[0]}:${pair[1]}`, pair);
  }
  const subjects = await loadSubjects(db, [...new Set([...pairs.values()].flat())]);
  const proposals: NewProposal[] = [];
  for (const [a, b] of pairs.values()) {
    const sa = subjects.get(a);
    const sb = subjects.get(b);
    if (!sa || !sb) continue; // deleted meanwhile
    const { score, reasons } = scorePair(sa, sb);
    if (score >= STORE_FLOOR) proposals.push({ a: Number(a), b: Number(b), score, reasons, model: LINK_MODEL });
  }
  const auto = options.autoConfirmScore;
  await db.transaction().execute(async (trx) => {
    await upsertProposals(trx, proposals);
    if (auto !== undefined) {
      const strong = proposals.filter((p) => p.score >= auto).map((p) => [p.a, p.b] as const);
      const rows = await openLinksAtOrAbove(trx, strong, auto);
      if (rows.length > 0) await lockPersons(trx);
      for (const row of rows) await applyDecision(trx, row, 'confirm', LINK_ACTOR, `automatic: score ${Number(row.score)} ≥ ${auto}`, true);
    }
    if (options.run) await saveLinkRun(trx, options.run.scope, options.run.afterId, LINK_MODEL, pairs.size);
  });
  return pairs.size;
}

/**
 * The follow-up of an import: proposes links for the records it added (ids
 * above the largest id before it began), after the import has committed. It
 * runs in this process, one at a time, off the import's path, so the import
 * is as fast as before. The integrator may move it onto the durable job queue:
 * it needs only the job id and the id watermark.
 */
export async function proposeLinksForImport(
  db: Kysely<DB>,
  job: { jobId: number; afterRecordId: string },
  options: { autoConfirmScore?: number | undefined } = {},
  logger?: Logger,
): Promise<{ pairsScored: number }> {
  let after = job.afterRecordId;
  let pairsScored = 0;
  while (!stopping) {
    const ids = await nextRecordIds(db, after, DEFAULT_LINK_BATCH);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    await refreshLinkKeys(db, ids);
    pairsScored += await proposeFor(db, ids, { lowerOnly: false, autoConfirmScore: options.autoConfirmScore });
  }
  logger?.info({ jobId: job.jobId, pairsScored }, 'link proposals for the import');
  return { pairsScored };
}

let followUps: Promise<void> = Promise.resolve();
let stopping = false;

/** Queues proposeLinksForImport behind the previous follow-ups; errors are logged, never thrown at the import. */
export function queueLinkProposalsForImport(db: Kysely<DB>, job: { jobId: number; afterRecordId: string }, options: { autoConfirmScore?: number | undefined }, logger?: Logger): void {
  followUps = followUps.then(() =>
    proposeLinksForImport(db, job, options, logger).then(
      () => undefined,
      (err: unknown) => logger?.error({ err, jobId: job.jobId }, 'link proposals for the import failed; `namebridge link` proposes them'),
    ),
  );
}

/** Resolves when every queued follow-up has finished (the CLI waits before it closes the database). */
export function linkFollowUpsIdle(): Promise<void> {
  return followUps;
}

/**
 * A server shutting down: follow-ups stop after the batch in progress (each
 * batch is committed on its own; `namebridge link` proposes the rest).
 */
export function stopLinkFollowUps(): Promise<void> {
  stopping = true;
  return followUps;
}

export { maxRecordId };
