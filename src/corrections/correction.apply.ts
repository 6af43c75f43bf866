import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { applyClaim, sameValue, toColumns } from '../records/record.diff.ts';
import { FIELD_BY_NAME } from '../core/records/index.ts';
import { changeRecord, columnsOf, lockRecord, replaceClaim, replaceReadings } from '../records/record.writer.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { attestedPinyin, fieldValueForRecord } from './correction.input.ts';
import { insertAttestedName, type CorrectionRow } from './corrections.repository.ts';

export interface ApproveOptions {
  /** Apply a field correction even though the field changed since it was proposed. */
  confirmStale?: boolean | undefined;
  /** The record version the archivist saw: another is a 409 (optimistic concurrency). */
  version?: number | undefined;
}

/**
 * What an approval does to the record, inside the decision's transaction. A
 * chinese-name correction adds an attested name and re-derives the readings
 * (the recorded Cyrillic never changes). A field correction becomes the
 * field's claim: displayed instead of the source's value, which is kept in
 * source_values, so a re-import of the source never reverts it.
 */
export async function applyCorrection(trx: Transaction<DB>, c: CorrectionRow, by: string, reason: string | null, options: ApproveOptions): Promise<void> {
  const record = await lockRecord(trx, c.record_id);
  if (!record) throw new NotFoundError(`No record with id ${c.record_id}`);
  if (options.version !== undefined && options.version !== record.version) {
    throw new ConflictError(`Record ${record.id} is at version ${record.version}, not ${options.version}: it changed meanwhile; reload it and decide again`, {
      version: record.version,
    });
  }
  if (c.kind === 'chinese-name') {
    const pinyin = attestedPinyin(c.hanzi, c.pinyin);
    // Checked at submission; only a change in the core since then could get here.
    if (!pinyin) throw new ConflictError(`Correction ${c.id} no longer reads as a Chinese name; reject it instead`);
    await insertAttestedName(trx, { recordId: record.id, hanzi: c.hanzi, pinyin, evidence: c.evidence, correctionId: c.id, approvedBy: by });
    await replaceReadings(trx, [record.id]);
    return;
  }
  const field = c.field ? FIELD_BY_NAME.get(c.field) : undefined;
  if (!field || c.value === null) throw new ConflictError(`Correction ${c.id} names no field`);
  const value = (toColumns({ [field.name]: fieldValueForRecord(field.name, c.value) }) as Record<string, unknown>)[field.column] ?? null;
  const now = record[field.column] ?? null;
  // base_value is NULL (unknown) only for corrections proposed before it was kept.
  if (c.base_value !== null && !sameValue(c.base_value, now) && !options.confirmStale) {
    throw new ConflictError(
      `The ${field.name} of record ${record.id} changed since correction ${c.id} was proposed (then ${JSON.stringify(c.base_value)}, now ${JSON.stringify(now)}); ` +
        `approve with {"confirmStale":true} to apply it anyway`,
      { field: field.name, valueWhenProposed: c.base_value, currentValue: now, proposedValue: value },
    );
  }
  const claim = await replaceClaim(trx, { recordId: record.id, field: field.name, value, evidence: c.evidence, correctionId: c.id, approvedBy: by });
  await changeRecord(trx, record, applyClaim(columnsOf(record), record.source_values ?? {}, field.name, value), {
    kind: 'record.field_changed',
    actor: by,
    reason,
    data: { correctionId: Number(c.id), claimId: Number(claim.id) },
  });
}
