import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { LinkReason } from './link.model.ts';

/**
 * Records waiting for their links to be (re)scored (link_pending, marked by
 * triggers in the transaction that wrote the record: migration 0016), and the
 * links a re-score touches.
 */

export interface PendingMark {
  id: string;
  seq: string;
}

/** The next marked records, locked for this transaction; others running at once take the next ones. */
export async function claimPending(trx: Transaction<DB>, limit: number): Promise<PendingMark[]> {
  const { rows } = await sql<{ id: string; seq: string }>`
    SELECT record_id::text AS id, seq::text AS seq FROM link_pending ORDER BY record_id LIMIT ${limit} FOR UPDATE SKIP LOCKED
  `.execute(trx);
  return rows;
}

/** Removes the marks this batch has seen: a record marked again meanwhile (a newer seq) stays marked. */
export async function clearPending(trx: Transaction<DB>, marks: readonly PendingMark[]): Promise<void> {
  if (marks.length === 0) return;
  await sql`
    DELETE FROM link_pending p USING unnest(${marks.map((m) => m.id)}::bigint[], ${marks.map((m) => m.seq)}::bigint[]) AS m(id, seq)
    WHERE p.record_id = m.id AND p.seq = m.seq
  `.execute(trx);
}

/** A full run's batch: the marks of its records made before the run began (`upTo`) are done. */
export async function clearPendingUpTo(trx: Transaction<DB>, ids: readonly string[], upTo: string): Promise<void> {
  if (ids.length === 0) return;
  await sql`DELETE FROM link_pending WHERE record_id = ANY(${ids as string[]}::bigint[]) AND seq <= ${upTo}::bigint`.execute(trx);
}

/** The newest mark now ('0' when none). */
export async function lastPendingSeq(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ s: string }>`SELECT coalesce(max(seq), 0)::text AS s FROM link_pending`.execute(db);
  return rows[0]!.s;
}

export async function countPending(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM link_pending`.execute(db);
  return rows[0]!.n;
}

/** Whether the blocking keys exist: link_keys is unlogged, so PostgreSQL empties it after a crash. */
export async function linkKeysPresent(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ keys: boolean; records: boolean }>`
    SELECT EXISTS (SELECT 1 FROM link_keys) AS keys, EXISTS (SELECT 1 FROM records) AS records
  `.execute(db);
  return rows[0]!.keys || !rows[0]!.records;
}

/** Every stored link of these records, either side: a changed record's pairs are scored again even when they no longer block together. */
export async function linkedPairsOf(trx: Transaction<DB>, ids: readonly string[]): Promise<Array<[string, string]>> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ a: string; b: string }>`
    SELECT record_a::text AS a, record_b::text AS b FROM record_links WHERE record_a = ANY(${ids as string[]}::bigint[])
    UNION
    SELECT record_a::text, record_b::text FROM record_links WHERE record_b = ANY(${ids as string[]}::bigint[])
  `.execute(trx);
  return rows.map((r) => [r.a, r.b]);
}

export interface Rescore {
  a: number;
  b: number;
  score: number;
  reasons: LinkReason[];
}

/** Open proposals that now score under the floor are withdrawn (no decision was taken on them). */
export async function withdrawProposals(trx: Transaction<DB>, pairs: ReadonlyArray<readonly [number, number]>): Promise<void> {
  if (pairs.length === 0) return;
  await sql`
    DELETE FROM record_links l USING unnest(${pairs.map((p) => String(p[0]))}::bigint[], ${pairs.map((p) => String(p[1]))}::bigint[]) AS x(a, b)
    WHERE l.record_a = x.a AND l.record_b = x.b AND l.status = 'proposed'
  `.execute(trx);
}

/**
 * Decided links of these pairs get the model's new score beside their own
 * (their status, score and reasons stay what was decided on); returns those
 * whose new score now argues against the decision (`threshold`).
 */
export async function rescoreDecided(
  trx: Transaction<DB>,
  rescores: readonly Rescore[],
  threshold: number,
): Promise<Array<{ id: string; a: string; b: string; status: string; score: number; rescored: number }>> {
  if (rescores.length === 0) return [];
  const { rows } = await sql<{ id: string; a: string; b: string; status: string; score: number; rescored: number; before: number | null }>`
    WITH x AS (
      SELECT * FROM unnest(${rescores.map((r) => String(r.a))}::bigint[], ${rescores.map((r) => String(r.b))}::bigint[],
                           ${rescores.map((r) => r.score)}::real[], ${rescores.map((r) => JSON.stringify(r.reasons))}::jsonb[]) AS x(a, b, score, reasons)
    ),
    old AS (SELECT l.id, l.rescored_score FROM record_links l JOIN x ON l.record_a = x.a AND l.record_b = x.b WHERE l.status <> 'proposed' FOR UPDATE OF l)
    UPDATE record_links l SET rescored_score = x.score, rescored_reasons = x.reasons, rescored_at = now()
    FROM x, old
    WHERE l.id = old.id AND l.record_a = x.a AND l.record_b = x.b AND l.rescored_score IS DISTINCT FROM x.score
    RETURNING l.id::text, l.record_a::text AS a, l.record_b::text AS b, l.status, l.score, x.score AS rescored, old.rescored_score AS before
  `.execute(trx);
  const against = (status: string, s: number) => (status === 'confirmed' ? s < threshold : s >= threshold);
  // Told once: when the new score first argues against the decision, not at every later change.
  return rows.filter((r) => against(r.status, Number(r.rescored)) && (r.before === null || !against(r.status, Number(r.before)))).map((r) => ({ ...r, score: Number(r.score), rescored: Number(r.rescored) }));
}
