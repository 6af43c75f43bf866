import type { Transaction } from 'kysely';
import type { DB, NewRecordRow, RecordRow, RecordUpdate } from '../db/schema.ts';
import { normalisePartialDate } from './partial-date.ts';
import { FIELD_BY_NAME, normColumn, type RecordFieldName } from './record.fields.ts';
import { refreshRecordSearch } from '../search/readings.repository.ts';
import { appendRecordEvent, insertRecordRow, updateRecordRow } from './records.repository.ts';

export type RecordFieldValues = Partial<Record<RecordFieldName, string | number | null>>;

export interface RecordInput {
  source: string;
  externalId: string;
  fields: RecordFieldValues & { fullName: string };
  extra?: Record<string, unknown>;
}

/**
 * Every single-record write goes through here, inside the caller's transaction,
 * so the row, its history event and its search readings are committed together
 * or not at all. (The bulk importer does the same set-wise.)
 */
export async function createRecord(trx: Transaction<DB>, input: RecordInput, actor: string): Promise<RecordRow> {
  const row: NewRecordRow = {
    source: input.source,
    external_id: input.externalId,
    full_name: input.fields.fullName,
    ...toColumns(input.fields),
    extra: JSON.stringify(input.extra ?? {}),
  };
  const inserted = await insertRecordRow(trx, row);
  await appendRecordEvent(trx, { recordId: inserted.id, kind: 'record.inserted', actor });
  await refreshRecordSearch(trx, [inserted.id]);
  return inserted;
}

/** Changes fields, bumps the version and keeps the old values in the history. */
export async function updateRecordFields(
  trx: Transaction<DB>,
  current: RecordRow,
  fields: RecordFieldValues,
  actor: string,
  reason: string | null,
  kind = 'record.updated',
): Promise<RecordRow> {
  const changes = toColumns(fields);
  const old: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(changes)) {
    const before = current[column as keyof RecordRow];
    if (column.endsWith('_norm') || before === value) continue;
    old[column] = before;
    next[column] = value;
  }
  if (Object.keys(next).length === 0) return current;
  const updated = await updateRecordRow(trx, Number(current.id), changes);
  await appendRecordEvent(trx, { recordId: current.id, kind, actor, reason, data: { old, new: next } });
  if ('full_name' in next || 'birthplace' in next) await refreshRecordSearch(trx, [current.id]);
  return updated;
}

/** Field values → columns, with the normalised form beside each date. */
export function toColumns(fields: RecordFieldValues): RecordUpdate {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const field = FIELD_BY_NAME.get(name);
    if (!field || value === undefined) continue;
    out[field.column] = value === '' ? null : value;
    if (field.kind === 'date') {
      const parsed = typeof value === 'string' && value ? normalisePartialDate(value) : undefined;
      out[normColumn(field.column)] = parsed?.ok ? parsed.normalised : null;
    }
  }
  return out as RecordUpdate;
}

