import type { Kysely, Transaction } from 'kysely';
import type { DB, RecordRow } from '../db/schema.ts';
import { activeClaims, insertOpenConflict, openConflictsOf, replaceClaim } from './claims.repository.ts';
import { applyClaim, sameValue } from './record.diff.ts';
import { appendRecordEvent, changeRecord, columnsOf } from './record.writer.ts';
import { findRecordIdsByKey, lockRecord } from './records.repository.ts';

/**
 * Claims (approved field corrections) and open conflicts read back from an
 * export (namebridge restore). The restore has already imported each record
 * with its source's values; here every claim is put back over its field the
 * way an approval does (record.diff.ts applyClaim, through the record writer):
 * the claim is displayed, the source's value kept in source_values, so a later
 * re-import of the source never reverts it. A claim already active with the
 * same value is left alone (a restore run twice changes nothing). The claim
 * keeps its approval time and evidence and is recorded as approved by the
 * restore's actor. An open conflict is opened again on the restored claim.
 */
export interface RestoredClaim {
  field: string;
  value: unknown;
  evidence: string | null;
  approvedAt: string;
}

export interface RestoredConflict {
  field: string;
  correctedValue: unknown;
  sourceValue: unknown;
  previousSourceValue: unknown;
  createdAt: string;
}

export interface ClaimsOfRecord {
  source: string;
  externalId: string;
  claims: RestoredClaim[];
  conflicts: RestoredConflict[];
}

export interface ClaimsRestoreOutcome {
  restored: number;
  unchanged: number;
  conflicts: number;
  missingRecords: number;
}

const CHUNK = 200;

export async function restoreClaims(db: Kysely<DB>, entries: readonly ClaimsOfRecord[], actor: string, jobId: number): Promise<ClaimsRestoreOutcome> {
  const outcome: ClaimsRestoreOutcome = { restored: 0, unchanged: 0, conflicts: 0, missingRecords: 0 };
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    await db.transaction().execute(async (trx) => {
      const found = await findRecordIdsByKey(trx, chunk);
      const idOf = new Map(found.map((r) => [`${r.source}\u0001${r.external_id}`, String(r.id)]));
      for (const entry of chunk) {
        const recordId = idOf.get(`${entry.source}\u0001${entry.externalId}`);
        const record = recordId === undefined ? undefined : await lockRecord(trx, recordId);
        if (!record) {
          outcome.missingRecords++;
          continue;
        }
        await restoreRecordClaims(trx, record, entry, actor, jobId, outcome);
      }
    });
  }
  return outcome;
}

async function restoreRecordClaims(trx: Transaction<DB>, record: RecordRow, entry: ClaimsOfRecord, actor: string, jobId: number, outcome: ClaimsRestoreOutcome) {
  const active = new Map((await activeClaims(trx, record.id)).map((c) => [c.field, c]));
  let current = record;
  for (const claim of entry.claims) {
    const existing = active.get(claim.field);
    if (existing && sameValue(existing.value, claim.value)) {
      outcome.unchanged++;
      continue;
    }
    const row = await replaceClaim(trx, {
      recordId: current.id,
      field: claim.field,
      value: claim.value,
      evidence: claim.evidence,
      correctionId: null,
      approvedBy: actor,
      approvedAt: claim.approvedAt,
    });
    active.set(claim.field, row);
    current = await changeRecord(trx, current, applyClaim(columnsOf(current), current.source_values ?? {}, claim.field, claim.value), {
      kind: 'claim.restored',
      actor,
      data: { claimId: Number(row.id), approvedAt: claim.approvedAt, importJob: jobId },
    });
    outcome.restored++;
  }
  if (entry.conflicts.length === 0) return;
  const open = await openConflictsOf(trx, [current.id]);
  for (const conflict of entry.conflicts) {
    const claim = active.get(conflict.field);
    // A conflict is about a claim; without one (an edited file) there is nothing to decide.
    if (!claim) continue;
    const known = open.some((o) => o.field === conflict.field && sameValue(o.source_value, conflict.sourceValue) && sameValue(o.previous_source_value, conflict.previousSourceValue));
    if (known) continue;
    await insertOpenConflict(trx, { recordId: current.id, claimId: claim.id, ...conflict });
    await appendRecordEvent(trx, { recordId: current.id, kind: 'conflict.restored', actor, data: { field: conflict.field, claimId: Number(claim.id), importJob: jobId } });
    outcome.conflicts++;
  }
}
