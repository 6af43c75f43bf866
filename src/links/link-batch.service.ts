import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { scorePair, SimilarityCache } from './link.model.ts';
import type { LinkSubject } from './link.subject.ts';
import { DEFAULT_LINK_THRESHOLD, LINK_MODEL, STORE_FLOOR } from './link-weights.data.ts';
import { appendLinkEvents } from './link.events.ts';
import { rescoreDecided, withdrawProposals, type Rescore } from './link-pending.repository.ts';
import { openLinksAtOrAbove, upsertProposals, type NewProposal } from './links.repository.ts';
import { applyDecision } from './links.service.ts';
import { lockPersons } from './persons.repository.ts';

/**
 * One batch of pairs: scored by the pure model, then stored in the caller's
 * transaction. Shared by a full run (link-run.service.ts) and the re-linking
 * of changed records (the link job).
 */

/** Who automatic confirmations and re-scores are recorded as. */
export const LINK_ACTOR = 'system:link';

/** Pairs scored per turn of the event loop: the next batch's queries go out between turns. */
const SCORE_SLICE = 2_000;

export interface ScoredBatch {
  /** At or above the floor: stored (an open proposal gets the new score; a decided link keeps its decision). */
  proposals: NewProposal[];
  /** Under the floor: an open proposal of the pair, if any, is withdrawn. */
  weak: Rescore[];
}

/** Orders each pair smaller id first and drops repeats. */
export function uniquePairs(pairs: Iterable<readonly [string, string]>): Array<readonly [string, string]> {
  const out = new Map<string, readonly [string, string]>();
  for (const [x, y] of pairs) {
    const pair = Number(x) < Number(y) ? ([x, y] as const) : ([y, x] as const);
    out.set(`${pair[0]}:${pair[1]}`, pair);
  }
  return [...out.values()];
}

/** Scores the pairs, yielding to the event loop between slices. */
export async function scorePairs(
  pairs: ReadonlyArray<readonly [string, string]>,
  subjects: ReadonlyMap<string, LinkSubject>,
  similarities: SimilarityCache,
): Promise<ScoredBatch> {
  const out: ScoredBatch = { proposals: [], weak: [] };
  for (let i = 0; i < pairs.length; i++) {
    if (i > 0 && i % SCORE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const [a, b] = pairs[i]!;
    const sa = subjects.get(a);
    const sb = subjects.get(b);
    if (!sa || !sb) continue; // deleted meanwhile
    const { score, reasons } = scorePair(sa, sb, similarities);
    if (score >= STORE_FLOOR) out.proposals.push({ a: Number(a), b: Number(b), score, reasons, model: LINK_MODEL });
    else out.weak.push({ a: Number(a), b: Number(b), score, reasons });
  }
  return out;
}

/**
 * Stores a scored batch. With `rescore` (records that changed), open
 * proposals now under the floor are withdrawn, and decided links get the new
 * score beside their decision — never a new status: when it argues against the
 * decision, both records' history says so (`link.rescored`) for an archivist.
 */
export async function storeBatch(
  trx: Transaction<DB>,
  batch: ScoredBatch,
  options: { autoConfirmScore?: number | undefined; rescore: boolean },
): Promise<void> {
  await upsertProposals(trx, batch.proposals);
  if (options.rescore) {
    await withdrawProposals(trx, batch.weak.map((w) => [w.a, w.b] as const));
    const contested = await rescoreDecided(trx, [...batch.proposals, ...batch.weak], DEFAULT_LINK_THRESHOLD);
    for (const c of contested) {
      const why = `a record changed: the pair now scores ${c.rescored} (was ${c.score} when ${c.status})`;
      await appendLinkEvents(trx, 'link.rescored', { id: c.id, a: c.a, b: c.b, score: c.rescored }, LINK_ACTOR, why, null);
    }
  }
  const auto = options.autoConfirmScore;
  if (auto === undefined) return;
  const strong = batch.proposals.filter((p) => p.score >= auto).map((p) => [p.a, p.b] as const);
  const rows = await openLinksAtOrAbove(trx, strong, auto);
  if (rows.length > 0) await lockPersons(trx);
  for (const row of rows) await applyDecision(trx, row, 'confirm', LINK_ACTOR, `automatic: score ${Number(row.score)} ≥ ${auto}`, true);
}
