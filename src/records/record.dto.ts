import type { RecordRow } from '../db/schema.ts';
import { normColumn, RECORD_FIELDS, type RecordFieldValues } from '../core/records/index.ts';
import { shownSourceValues, type Columns } from './record.diff.ts';

/** The public JSON shape of a record: camelCase, numeric id, every field of RECORD_FIELDS, no internal columns. */
export interface RecordDto extends RecordFieldValues {
  id: number;
  source: string;
  externalId: string;
  fullName: string;
  /** Sortable forms (YYYY, YYYY-MM, YYYY-MM-DD) of the dates above, where they parse. */
  normalisedDates: Record<string, string>;
  extra: Record<string, unknown>;
  /** The source's own value of each field whose displayed value is an approved correction (claim). */
  sourceValues: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const DATE_FIELDS = RECORD_FIELDS.filter((f) => f.kind === 'date').map((f) => [f.name, normColumn(f.column)] as const);

export function toRecordDto(row: RecordRow): RecordDto {
  const columns = row as unknown as Record<string, string | number | null>;
  const normalisedDates: Record<string, string> = {};
  for (const [name, column] of DATE_FIELDS) {
    const value = columns[column];
    if (value) normalisedDates[name] = String(value);
  }
  const fields: Record<string, string | number | null> = {};
  for (const f of RECORD_FIELDS) fields[f.name] = columns[f.column] ?? null;
  return {
    id: Number(row.id),
    source: row.source,
    externalId: row.external_id,
    ...(fields as RecordFieldValues & { fullName: string }),
    normalisedDates,
    extra: row.extra ?? {},
    sourceValues: shownSourceValues(row as unknown as Columns, row.source_values ?? {}),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What archivists see besides: the private columns, marked as such. */
export type StaffRecordDto = RecordDto & { privateExtra: Record<string, unknown> };

export const toStaffRecordDto = (row: RecordRow): StaffRecordDto => ({ ...toRecordDto(row), privateExtra: row.extra_private ?? {} });
