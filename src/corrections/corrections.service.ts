import type { Kysely, Transaction } from 'kysely';
import { actorRef, type AuthUser } from '../auth/user.types.ts';
import { sha256 } from '../auth/secrets.ts';
import type { DB } from '../db/schema.ts';
import { afterIdOf, keysetPage } from '../shared/pagination.ts';
import { getRecord } from '../records/records.service.ts';
import { appendRecordEvent } from '../records/record.writer.ts';
import { FIELD_BY_NAME } from '../core/records/index.ts';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../shared/errors.ts';
import { describeActors } from './actors.ts';
import { applyCorrection, type ApproveOptions } from './correction.apply.ts';
import { checkCorrectionInput, type CorrectionBody } from './correction.input.ts';
import { toCorrectionDto, type CorrectionDto } from './correction.dto.ts';
import {
  decideIfPending,
  findCorrectionRow,
  insertCorrection,
  listCorrectionRows,
  type CorrectionRow,
  type CorrectionStatus,
} from './corrections.repository.ts';

export type { CorrectionBody } from './correction.input.ts';
export type { CorrectionDto } from './correction.dto.ts';
import { decisionReason } from '../shared/decision-reason.ts';

/**
 * Corrections: the moderation model of an append-only event log
 * (record_events) plus a derived current status (corrections.status), both
 * written in one transaction. The HTTP routes and the web pages call these.
 */

/**
 * A public proposal: validated (400 naming each offending field), the record
 * must exist (404). The submitter's contact goes into the corrections row only;
 * the history event names the proposal, never the person. `clientKey` (the
 * client address) is stored only as a hash, for archivists to spot floods.
 */
export async function submitCorrection(
  db: Kysely<DB>,
  recordId: number,
  input: CorrectionBody | unknown,
  clientKey: string | null,
): Promise<{ id: number; status: 'pending' }> {
  const checked = checkCorrectionInput(input);
  if (!checked.ok) {
    throw new BadRequestError(`Invalid correction: ${checked.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, checked.issues);
  }
  const p = checked.proposal;
  const record = await getRecord(db, recordId);
  // What the field showed when proposed: an approval after it changed must be confirmed.
  const column = p.kind === 'field' ? FIELD_BY_NAME.get(p.field)?.column : undefined;
  const baseValue = column === undefined ? null : JSON.stringify(record[column] ?? null);
  const row = await storeSubmission(db, async (trx) => {
    const inserted = await insertCorrection(trx, {
      recordId,
      kind: p.kind,
      hanzi: p.kind === 'chinese-name' ? p.hanzi : null,
      pinyin: p.kind === 'chinese-name' ? p.pinyin : null,
      field: p.kind === 'field' ? p.field : null,
      value: p.kind === 'field' ? p.value : null,
      evidence: p.evidence,
      submitterName: p.submitter.name,
      submitterEmail: p.submitter.email,
      clientHash: clientKey ? sha256(`namebridge-client:${clientKey}`) : null,
      baseValue,
    });
    await appendRecordEvent(trx, {
      recordId,
      kind: 'correction.submitted',
      actor: 'public',
      data: { correctionId: Number(inserted.id), ...proposalData(inserted) },
    });
    return inserted;
  });
  return { id: Number(row.id), status: 'pending' };
}

/**
 * Runs the submission's transaction. A database error about it would carry the
 * failing row — the submitter's contact — in its `detail`, and unhandled errors
 * are logged; so it is replaced by one that names only the SQLSTATE.
 */
async function storeSubmission<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    // No `cause` on purpose: the cause's `detail` holds the row, contact included.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Storing a correction failed (SQLSTATE ${typeof code === 'string' ? code : 'unknown'})`);
  }
}

/** What was proposed, for the history: no evidence, no contact. */
function proposalData(row: CorrectionRow): Record<string, unknown> {
  return row.kind === 'chinese-name'
    ? { kind: row.kind, hanzi: row.hanzi, pinyin: row.pinyin }
    : { kind: row.kind, field: row.field, value: row.value };
}

export interface ListOptions {
  status?: CorrectionStatus | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** The moderation queue, oldest first, keyset-paginated by id. Archivists only: includes contacts. */
export async function listCorrections(db: Kysely<DB>, options: ListOptions = {}): Promise<{ corrections: CorrectionDto[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const rows = await listCorrectionRows(db, options.status ?? 'pending', afterIdOf(options.cursor), limit + 1);
  const { page, nextCursor } = keysetPage(rows, limit, (last) => last.id);
  const actor = await describeActors(db, page.flatMap((r) => (r.decided_by ? [r.decided_by] : [])));
  return { corrections: page.map((r) => toCorrectionDto(r, actor)), nextCursor };
}

export async function getCorrection(db: Kysely<DB>, id: number): Promise<CorrectionDto> {
  const row = await findCorrectionRow(db, id);
  if (!row) throw new NotFoundError(`No correction with id ${id}`);
  const actor = await describeActors(db, row.decided_by ? [row.decided_by] : []);
  return toCorrectionDto(row, actor);
}

/**
 * Approves or rejects a pending correction. In one transaction: the status
 * changes only if still pending (409 otherwise; of concurrent decisions exactly
 * one wins), the decision is appended to the record's history, and an approval
 * takes effect — a chinese-name correction adds an attested name and
 * re-derives the record's readings (the recorded Cyrillic never changes); a
 * field correction becomes the field's claim (correction.apply.ts). Rejecting
 * needs a reason; both reasons are public.
 */
export async function decideCorrection(
  db: Kysely<DB>,
  id: number,
  decision: 'approve' | 'reject',
  actor: AuthUser,
  reason?: string | null,
  options: ApproveOptions = {},
): Promise<CorrectionDto> {
  const why = decisionReason(reason, decision === 'reject' ? { message: 'A rejection needs a reason', issue: 'is required to reject' } : undefined);
  const by = actorRef(actor);

  await db.transaction().execute(async (trx) => {
    const decided = await decideIfPending(trx, id, decision === 'approve' ? 'approved' : 'rejected', by, why);
    if (!decided) {
      const existing = await findCorrectionRow(trx, id);
      if (!existing) throw new NotFoundError(`No correction with id ${id}`);
      throw new ConflictError(`Correction ${id} is already ${existing.status}`);
    }
    await appendRecordEvent(trx, {
      recordId: decided.record_id,
      kind: decision === 'approve' ? 'correction.approved' : 'correction.rejected',
      actor: by,
      reason: why,
      data: { correctionId: Number(decided.id), ...proposalData(decided) },
    });
    if (decision === 'approve') await applyCorrection(trx, decided, by, why, options);
  });
  return getCorrection(db, id);
}
