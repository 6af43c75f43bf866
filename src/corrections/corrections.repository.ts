import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CorrectionsTable, DB } from '../db/schema.ts';

/**
 * The SQL of corrections, of the attested names an approval inserts, and of a
 * record's public history. Attested names are read elsewhere too (a record's
 * page: records/attested-names.repository.ts; search, export, stats), never
 * written elsewhere.
 */

export type CorrectionRow = Selectable<CorrectionsTable>;
export type CorrectionStatus = CorrectionRow['status'];
export type CorrectionWithRecord = CorrectionRow & { record_full_name: string };

export interface NewCorrection {
  recordId: number;
  kind: CorrectionRow['kind'];
  hanzi: string | null;
  pinyin: string | null;
  field: string | null;
  value: string | null;
  evidence: string;
  submitterName: string | null;
  submitterEmail: string | null;
  clientHash: string | null;
  /** JSON of the field's displayed value when proposed (field corrections). */
  baseValue: string | null;
}

export async function insertCorrection(trx: Transaction<DB>, c: NewCorrection): Promise<CorrectionRow> {
  return trx
    .insertInto('corrections')
    .values({
      record_id: String(c.recordId),
      kind: c.kind,
      hanzi: c.hanzi,
      pinyin: c.pinyin,
      field: c.field,
      value: c.value,
      evidence: c.evidence,
      submitter_name: c.submitterName,
      submitter_email: c.submitterEmail,
      client_hash: c.clientHash,
      base_value: c.baseValue,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Keyset page of one status, oldest first: WHERE status = $1 AND id > $2 ORDER BY id LIMIT $3. */
export async function listCorrectionRows(db: Kysely<DB>, status: CorrectionStatus, afterId: number, limit: number): Promise<CorrectionWithRecord[]> {
  return db
    .selectFrom('corrections as c')
    .innerJoin('records as r', 'r.id', 'c.record_id')
    .selectAll('c')
    .select('r.full_name as record_full_name')
    .where('c.status', '=', status)
    .where('c.id', '>', String(afterId) as never)
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

export async function findCorrectionRow(db: Kysely<DB>, id: number): Promise<CorrectionWithRecord | undefined> {
  return db
    .selectFrom('corrections as c')
    .innerJoin('records as r', 'r.id', 'c.record_id')
    .selectAll('c')
    .select('r.full_name as record_full_name')
    .where('c.id', '=', String(id) as never)
    .executeTakeFirst();
}

/**
 * The decision itself: only a pending correction changes, so of two concurrent
 * decisions the second waits for the first's row lock, finds the status no
 * longer pending and gets nothing back.
 */
export async function decideIfPending(
  trx: Transaction<DB>,
  id: number,
  status: 'approved' | 'rejected',
  actor: string,
  reason: string | null,
): Promise<CorrectionRow | undefined> {
  return trx
    .updateTable('corrections')
    .set({ status, decided_by: actor, decided_at: sql`now()`, decision_reason: reason })
    .where('id', '=', String(id) as never)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Adds an attested name beside the recorded Cyrillic. From an approved
 * correction (correctionId), or restored from an export (no correction of
 * this database behind it; approvedAt kept from the export).
 */
export async function insertAttestedName(
  trx: Transaction<DB>,
  name: { recordId: string; hanzi: string | null; pinyin: string; evidence: string; correctionId: string | null; approvedBy: string; approvedAt?: string },
): Promise<void> {
  await trx
    .insertInto('attested_names')
    .values({
      record_id: name.recordId,
      hanzi: name.hanzi,
      pinyin: name.pinyin,
      evidence: name.evidence,
      correction_id: name.correctionId,
      approved_by: name.approvedBy,
      ...(name.approvedAt ? { approved_at: name.approvedAt } : {}),
    })
    .execute();
}

/** The attested names of these records (attested_names_record_id_idx): what a restore compares with. */
export async function attestedNamesOfRecords(trx: Transaction<DB>, recordIds: readonly string[]) {
  if (recordIds.length === 0) return [];
  return trx.selectFrom('attested_names').select(['record_id', 'hanzi', 'pinyin', 'evidence']).where('record_id', 'in', recordIds as never).execute();
}

/** WHERE record_id = $1 AND id > $2 ORDER BY id (record_events_record_id_idx). */
export async function listRecordEventRows(db: Kysely<DB>, recordId: number, afterId: number, limit: number) {
  return db
    .selectFrom('record_events')
    .select(['id', 'kind', 'actor', 'reason', 'data', 'created_at'])
    .where('record_id', '=', String(recordId) as never)
    .where('id', '>', String(afterId) as never)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The public part of a record's corrections: what was proposed and where it stands. */
export async function listRecordCorrectionStatuses(db: Kysely<DB>, recordId: number) {
  return db
    .selectFrom('corrections')
    .select(['id', 'kind', 'status', 'created_at', 'decided_at'])
    .where('record_id', '=', String(recordId) as never)
    .orderBy('id')
    .execute();
}
