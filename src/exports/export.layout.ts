import type { AttestedNameDto } from '../records/attested-names.service.ts';
import { ALIAS_INDEX, normaliseHeader, type ImportTarget } from '../core/records/index.ts';
import { PRIVATE_PREFIX } from '../imports/extra-columns.ts';
import type { RecordDto } from '../records/record.dto.ts';
import { RECORD_FIELDS, type RecordFieldName } from '../core/records/index.ts';

/**
 * What an exported record is, and how it lies in a CSV file. Pure.
 *
 * JSONL: one ExportedRecord per line, the API's keys (GET /api/records/:id).
 *
 * CSV: the importer's column names, so the file imports as it is —
 *   external_id, source, full_name … biography   (every record field, RECORD_FIELDS order)
 *   attested_names                                (JSON array, empty when none)
 *   claims, conflicts                             (JSON arrays, empty when none: see below)
 *   one column per key of `extra`, sorted          (the importer keeps them in extra)
 * The importer maps a header to the first column that claims its field, and a
 * later column that claims a field already taken is kept in extra under its
 * header. So an extra key such as `Адрес` or `id` comes back as extra. Only a
 * header written exactly like one of ours would be renamed by the importer:
 * when an extra key is exactly `source` (a file imported with --source), the
 * field's column is written `Source` instead, which the importer reads the same.
 */
export type ExportedRecord = RecordDto & {
  attestedNames: AttestedNameDto[];
  privateExtra?: Record<string, unknown>;
  claims?: ExportedClaim[];
  conflicts?: ExportedConflict[];
};

/**
 * An approved field correction (an active claim). The record's field shows
 * `value`; `sourceValue` is what the source says underneath (record.diff.ts),
 * so a restore loads the source's value and puts the claim back over it, and a
 * later re-import of that source row never reverts the correction. Values are
 * in column form (birthYear a number, dates as written).
 */
export interface ExportedClaim {
  field: string;
  value: unknown;
  sourceValue: unknown;
  evidence: string | null;
  approvedAt: string;
}

/** A conflict still open when the export was made: a re-import moved a claimed field's source value. */
export interface ExportedConflict {
  field: string;
  correctedValue: unknown;
  sourceValue: unknown;
  previousSourceValue: unknown;
  createdAt: string;
}

/** A private column (extra_private) is written `private:KEY`; the importer keeps such a column private under KEY. */
export { PRIVATE_PREFIX };

export type ExportFormat = 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

export type ExportColumnKey = RecordFieldName | 'externalId' | 'source' | 'attestedNames' | 'claims' | 'conflicts';

interface FixedColumn {
  key: ExportColumnKey;
  /** Header spellings in order of preference; each must read as `key` (tests check). */
  headers: readonly string[];
}

const spellings = (snake: string, camel: string) => [...new Set([snake, camel, snake.toUpperCase(), snake[0]!.toUpperCase() + snake.slice(1)])];

export const FIXED_COLUMNS: readonly FixedColumn[] = [
  { key: 'externalId', headers: spellings('external_id', 'externalId') },
  { key: 'source', headers: ['source', 'Source', 'SOURCE', 'Источник'] },
  ...RECORD_FIELDS.map((f) => ({ key: f.name, headers: spellings(f.column, f.name) })),
];

export const ATTESTED_COLUMN: FixedColumn = { key: 'attestedNames', headers: spellings('attested_names', 'attestedNames') };
export const CLAIMS_COLUMN: FixedColumn = { key: 'claims', headers: spellings('claims', 'claims') };
export const CONFLICTS_COLUMN: FixedColumn = { key: 'conflicts', headers: spellings('conflicts', 'conflicts') };
/** The export's JSON columns, in order; a restore reads them and leaves them out of what the importer sees. */
export const JSON_COLUMNS: readonly FixedColumn[] = [ATTESTED_COLUMN, CLAIMS_COLUMN, CONFLICTS_COLUMN];
export type JsonColumnKey = 'attestedNames' | 'claims' | 'conflicts';

/**
 * How the restore finds a JSON column: the first header that reads like it
 * (the export writes it before any extra column). An export made before
 * claims were exported has no claims or conflicts column: -1.
 */
export function jsonColumnIndexes(headers: readonly string[]): Record<JsonColumnKey, number> {
  const find = (name: string) => headers.findIndex((h) => normaliseHeader(h) === name);
  return { attestedNames: find('attested names'), claims: find('claims'), conflicts: find('conflicts') };
}

/** The field a header names for the importer (its alias table), if any. */
export const importTargetOf = (header: string): ImportTarget | undefined => ALIAS_INDEX.get(normaliseHeader(header));

export interface CsvLayout {
  headers: string[];
  extraKeys: string[];
  privateKeys: string[];
  /** The JSON columns (attested names, claims, conflicts) are written. */
  json: boolean;
}

/**
 * The header of an export whose records hold these extra keys. Each fixed
 * column takes its first spelling that no extra key uses exactly (after the
 * trimming the importer does), so the importer renames nothing.
 */
export function csvLayout(extraKeys: Iterable<string>, options: { json?: boolean; privateKeys?: Iterable<string> } = {}): CsvLayout {
  const keys = [...new Set(extraKeys)].sort();
  const privateKeys = [...new Set(options.privateKeys ?? [])].sort();
  const taken = new Set(keys.map((k) => k.trim()));
  const json = options.json ?? true;
  const fixed = json ? [...FIXED_COLUMNS, ...JSON_COLUMNS] : FIXED_COLUMNS;
  const headers = fixed.map((column) => {
    const header = column.headers.find((h) => !taken.has(h));
    if (header === undefined) throw new Error(`every spelling of the ${column.key} column is also an extra key; cannot write a CSV header`);
    return header;
  });
  return { headers: [...headers, ...keys, ...privateKeys.map((k) => `${PRIVATE_PREFIX}${k}`)], extraKeys: keys, privateKeys, json };
}

/** One record as CSV fields in the layout's order (null and absent as empty). */
export function csvFieldsOf(record: ExportedRecord, layout: CsvLayout): string[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
  const out: string[] = [text(record.externalId), text(record.source)];
  for (const f of RECORD_FIELDS) out.push(text(record[f.name]));
  if (layout.json) {
    for (const list of [record.attestedNames, record.claims ?? [], record.conflicts ?? []]) out.push(list.length > 0 ? JSON.stringify(list) : '');
  }
  const extra = record.extra ?? {};
  for (const key of layout.extraKeys) out.push(text(extra[key]));
  const privateExtra = record.privateExtra ?? {};
  for (const key of layout.privateKeys) out.push(text(privateExtra[key]));
  return out;
}
