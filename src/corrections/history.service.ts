import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { decodeCursor, encodeCursor } from '../shared/pagination.ts';
import { findRecordById } from '../records/records.repository.ts';
import { BadRequestError, NotFoundError } from '../shared/errors.ts';
import { describeActors, publicEventData, type PublicActor } from './actors.ts';
import { listAttestedNameRows, listRecordCorrectionStatuses, listRecordEventRows } from './corrections.repository.ts';

/** Public: what happened to a record, and where its corrections stand. No contact, no evidence of pending proposals. */
export interface HistoryEventDto {
  id: number;
  kind: string;
  actor: PublicActor;
  at: string;
  reason: string | null;
  data: unknown;
}

export interface RecordHistoryDto {
  recordId: number;
  events: HistoryEventDto[];
  /** The derived current status of each correction of the record. */
  corrections: Array<{ id: number; kind: string; status: string; submittedAt: string; decidedAt: string | null }>;
  nextCursor: string | null;
}

/**
 * `staff` (an archivist or admin) sees every event as stored. The public sees
 * a pending or rejected correction only as proposed (its id and kind): the
 * value becomes public when approved. Private columns never appear.
 */
export async function getRecordHistory(
  db: Kysely<DB>,
  recordId: number,
  options: { cursor?: string | undefined; limit?: number; staff?: boolean } = {},
): Promise<RecordHistoryDto> {
  if (!(await findRecordById(db, recordId))) throw new NotFoundError(`No record with id ${recordId}`);
  const limit = options.limit ?? 200;
  const after = decodeCursor(options.cursor);
  const afterId = after === undefined ? 0 : Number(after);
  if (!Number.isSafeInteger(afterId) || afterId < 0) throw new BadRequestError('cursor is not a cursor this server issued');
  const [rows, corrections] = await Promise.all([
    listRecordEventRows(db, recordId, afterId, limit + 1),
    listRecordCorrectionStatuses(db, recordId),
  ]);
  const page = rows.slice(0, limit);
  const actor = await describeActors(db, page.map((e) => e.actor));
  const approved = new Set(corrections.filter((c) => c.status === 'approved').map((c) => Number(c.id)));
  const shown = (data: Record<string, unknown>) => (options.staff ? data : (publicEventData(unreviewedHidden(data, approved)) as Record<string, unknown>));
  const last = page.at(-1);
  return {
    recordId,
    events: page.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      actor: actor(e.actor),
      at: new Date(e.created_at).toISOString(),
      reason: e.reason,
      data: shown(e.data ?? {}),
    })),
    corrections: corrections.map((c) => ({
      id: Number(c.id),
      kind: c.kind,
      status: c.status,
      submittedAt: new Date(c.created_at).toISOString(),
      decidedAt: c.decided_at ? new Date(c.decided_at).toISOString() : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}

/** A correction not approved (pending or rejected) shows only that it was proposed, and its kind. */
function unreviewedHidden(data: Record<string, unknown>, approved: ReadonlySet<number>): Record<string, unknown> {
  const id = data.correctionId;
  if (typeof id !== 'number' || approved.has(id) || !('value' in data || 'hanzi' in data || 'pinyin' in data)) return data;
  return { correctionId: id, kind: data.kind };
}

export interface AttestedNameDto {
  hanzi: string | null;
  pinyin: string;
  evidence: string;
  approvedAt: string;
}

/** The names attested for a record by approved corrections (GET /api/records/:id). */
export async function listAttestedNames(db: Kysely<DB>, recordId: number): Promise<AttestedNameDto[]> {
  const rows = await listAttestedNameRows(db, recordId);
  return rows.map((r) => ({ hanzi: r.hanzi, pinyin: r.pinyin, evidence: r.evidence, approvedAt: new Date(r.approved_at).toISOString() }));
}
