import type { Transaction } from 'kysely';
import type { DB, NewRecordRow, RecordRow, RecordUpdate } from '../db/schema.ts';
import { searchFieldsFor } from '../core/match/index.ts';
import { ConflictError } from '../shared/errors.ts';
import { isEmptyChange, sameValue, toColumns, type Columns, type RecordChange, type RecordFieldValues } from './record.diff.ts';
import { searchInputsOf, storeSearchFields } from './readings.repository.ts';
import { deleteRecordRows, insertRecordEvent, insertRecordRow, updateRecordRow, type NewEvent } from './records.repository.ts';

/**
 * The one write path of a record. Nothing else writes `records`,
 * `record_events` or `record_readings` (tests/unit/records/one-write-path.test.ts
 * checks the source tree): single inserts and changes here, the importer's
 * batches in record-batch.writer.ts (same diff, record.diff.ts), reindex's
 * set-wise readings swap in readings-batch.writer.ts, and these
 * entry points for the rest:
 *
 * - insertRecord: a new record, its `record.inserted` event and readings.
 * - changeRecord: a computed RecordChange (diff.ts) written with its event, its
 *   readings when the name or birthplace moved, and its version — compared, so
 *   a change computed from an old version is a 409, never a silent overwrite.
 * - appendRecordEvent: an event that changes no field (corrections submitted
 *   or decided, conflicts resolved, person links…).
 * - replaceReadings: re-derive search columns and readings (attested names
 *   changed, a reindex).
 * - removeRecords: undo of an import's inserts.
 *
 * Every function takes the caller's transaction: the service decides its bounds.
 */
export type { NewEvent } from './records.repository.ts';
/** Other features change a record inside their transaction: lock it first; an approved field correction becomes its claim. */
export { lockRecord } from './records.repository.ts';
export { replaceClaim } from './claims.repository.ts';

export interface RecordInput {
  source: string;
  externalId: string;
  fields: RecordFieldValues & { fullName: string };
  extra?: Record<string, unknown>;
  extraPrivate?: Record<string, unknown>;
}

export async function insertRecord(trx: Transaction<DB>, input: RecordInput, actor: string, data: Record<string, unknown> = {}): Promise<RecordRow> {
  const row: NewRecordRow = {
    source: input.source,
    external_id: input.externalId,
    full_name: input.fields.fullName,
    ...toColumns(input.fields),
    extra: JSON.stringify(input.extra ?? {}),
    extra_private: JSON.stringify(input.extraPrivate ?? {}),
  };
  const inserted = await insertRecordRow(trx, row);
  await insertRecordEvent(trx, { recordId: inserted.id, kind: 'record.inserted', actor, data });
  await replaceReadings(trx, [inserted.id]);
  return inserted;
}

export interface ChangeEvent {
  kind: string;
  actor: string;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** The record's stored values as the diff sees them. */
export const columnsOf = (row: RecordRow): Columns => row as unknown as Columns;

export async function changeRecord(trx: Transaction<DB>, current: RecordRow, change: RecordChange, event: ChangeEvent): Promise<RecordRow> {
  const sourceMoved = !sameValue(current.source_values ?? {}, change.sourceValues);
  if (isEmptyChange(change) && !sourceMoved) return current;
  const updates: Record<string, unknown> = { ...change.set };
  for (const json of ['extra', 'extra_private']) if (json in updates) updates[json] = JSON.stringify(updates[json] ?? {});
  if (sourceMoved) updates.source_values = JSON.stringify(change.sourceValues);
  const updated = await updateRecordRow(trx, current.id, current.version, updates as RecordUpdate);
  if (!updated) {
    throw new ConflictError(`Record ${current.id} was changed meanwhile (version ${current.version} is no longer current); reload it and try again`);
  }
  const source = Object.keys(change.source.new).length > 0 ? { source: change.source } : {};
  await insertRecordEvent(trx, {
    recordId: current.id,
    kind: event.kind,
    actor: event.actor,
    reason: event.reason ?? null,
    data: { ...event.data, old: change.old, new: change.new, ...source },
  });
  if ('full_name' in change.set || 'birthplace' in change.set) await replaceReadings(trx, [current.id]);
  return updated;
}

export async function appendRecordEvent(trx: Transaction<DB>, event: NewEvent): Promise<void> {
  await insertRecordEvent(trx, event);
}

/** Re-derives the search columns and readings of these records from what they display and their attested names. */
export async function replaceReadings(trx: Transaction<DB>, recordIds: ReadonlyArray<number | string>): Promise<void> {
  if (recordIds.length === 0) return;
  const { records, attested } = await searchInputsOf(trx, recordIds.map(String));
  for (const record of records) {
    const names = attested.filter((a) => String(a.record_id) === String(record.id));
    await storeSearchFields(trx, record.id, searchFieldsFor(record.full_name, record.birthplace, names));
  }
}

/** Removes records with their events and readings (ON DELETE CASCADE): undo of an import's inserts. */
export async function removeRecords(trx: Transaction<DB>, recordIds: readonly string[]): Promise<number> {
  return deleteRecordRows(trx, recordIds);
}
