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
 *   one column per key of `extra`, sorted          (the importer keeps them in extra)
 * The importer maps a header to the first column that claims its field, and a
 * later column that claims a field already taken is kept in extra under its
 * header. So an extra key such as `Адрес` or `id` comes back as extra. Only a
 * header written exactly like one of ours would be renamed by the importer:
 * when an extra key is exactly `source` (a file imported with --source), the
 * field's column is written `Source` instead, which the importer reads the same.
 */
export type ExportedRecord = RecordDto & { attestedNames: AttestedNameDto[]; privateExtra?: Record<string, unknown> };

/** A private column (extra_private) is written `private:KEY`; the importer keeps such a column private under KEY. */
export { PRIVATE_PREFIX };

export type ExportFormat = 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

export type ExportColumnKey = RecordFieldName | 'externalId' | 'source' | 'attestedNames';

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

/** How the restore finds the attested names column: the first header that reads like this. */
export const isAttestedHeader = (header: string) => normaliseHeader(header) === 'attested names';

/** The field a header names for the importer (its alias table), if any. */
export const importTargetOf = (header: string): ImportTarget | undefined => ALIAS_INDEX.get(normaliseHeader(header));

export interface CsvLayout {
  headers: string[];
  extraKeys: string[];
  privateKeys: string[];
  attested: boolean;
}

/**
 * The header of an export whose records hold these extra keys. Each fixed
 * column takes its first spelling that no extra key uses exactly (after the
 * trimming the importer does), so the importer renames nothing.
 */
export function csvLayout(extraKeys: Iterable<string>, options: { attested?: boolean; privateKeys?: Iterable<string> } = {}): CsvLayout {
  const keys = [...new Set(extraKeys)].sort();
  const privateKeys = [...new Set(options.privateKeys ?? [])].sort();
  const taken = new Set(keys.map((k) => k.trim()));
  const attested = options.attested ?? true;
  const fixed = attested ? [...FIXED_COLUMNS, ATTESTED_COLUMN] : FIXED_COLUMNS;
  const headers = fixed.map((column) => {
    const header = column.headers.find((h) => !taken.has(h));
    if (header === undefined) throw new Error(`every spelling of the ${column.key} column is also an extra key; cannot write a CSV header`);
    return header;
  });
  return { headers: [...headers, ...keys, ...privateKeys.map((k) => `${PRIVATE_PREFIX}${k}`)], extraKeys: keys, privateKeys, attested };
}

/** One record as CSV fields in the layout's order (null and absent as empty). */
export function csvFieldsOf(record: ExportedRecord, layout: CsvLayout): string[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
  const out: string[] = [text(record.externalId), text(record.source)];
  for (const f of RECORD_FIELDS) out.push(text(record[f.name]));
  if (layout.attested) out.push(record.attestedNames.length > 0 ? JSON.stringify(record.attestedNames) : '');
  const extra = record.extra ?? {};
  for (const key of layout.extraKeys) out.push(text(extra[key]));
  const privateExtra = record.privateExtra ?? {};
  for (const key of layout.privateKeys) out.push(text(privateExtra[key]));
  return out;
}
