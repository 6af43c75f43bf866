import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { afterIdOf, keysetPage } from '../shared/pagination.ts';
import { getRecord } from '../records/records.service.ts';
import { describeActors, publicEventData, type PublicActor } from './actors.ts';
import { listRecordCorrectionStatuses, listRecordEventRows } from './corrections.repository.ts';

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
  await getRecord(db, recordId);
  return historyOfRecord(db, recordId, options);
}

/** getRecordHistory of a record the caller has just read (its page): no second look-up. */
export async function historyOfRecord(
  db: Kysely<DB>,
  recordId: number,
  options: { cursor?: string | undefined; limit?: number; staff?: boolean } = {},
): Promise<RecordHistoryDto> {
  const limit = options.limit ?? 200;
  const [rows, corrections] = await Promise.all([
    listRecordEventRows(db, recordId, afterIdOf(options.cursor), limit + 1),
    listRecordCorrectionStatuses(db, recordId),
  ]);
  const { page, nextCursor } = keysetPage(rows, limit, (last) => last.id);
  const actor = await describeActors(db, page.map((e) => e.actor));
  const approved = new Set(corrections.filter((c) => c.status === 'approved').map((c) => Number(c.id)));
  const shown = (data: Record<string, unknown>) => (options.staff ? data : (publicEventData(unreviewedHidden(data, approved)) as Record<string, unknown>));
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
    nextCursor,
  };
}

/** A correction not approved (pending or rejected) shows only that it was proposed, and its kind. */
function unreviewedHidden(data: Record<string, unknown>, approved: ReadonlySet<number>): Record<string, unknown> {
  const id = data.correctionId;
  if (typeof id !== 'number' || approved.has(id) || !('value' in data || 'hanzi' in data || 'pinyin' in data)) return data;
  return { correctionId: id, kind: data.kind };
}
