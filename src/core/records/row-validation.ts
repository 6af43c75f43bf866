import { normalisePartialDate } from './partial-date.ts';
import { RECORD_FIELDS, type RecordField, type RecordFieldName } from './record.fields.ts';
import type { ImportTarget } from './column-map.data.ts';
import type { ColumnMapping } from './column-map.ts';
import type { RowError } from './import.errors.ts';

/**
 * Row validation: pure, no I/O. One CSV record in, either a clean row or every
 * problem with it, each naming the physical line, the column as written in the
 * header, and what is wrong.
 */
export interface ValidationOptions {
  minBirthYear: number;
  maxBirthYear: number;
}

export const DEFAULT_VALIDATION: ValidationOptions = { minBirthYear: 1800, maxBirthYear: 1960 };

/** Limits of the keys and of values kept in extra (the record fields have theirs in RECORD_FIELDS). */
export const KEY_MAX = 200;
export const EXTRA_VALUE_MAX = 20_000;

export type RowValues = Partial<Record<RecordFieldName, string | number | null>> & { fullName: string };

export interface ValidRow {
  /** Physical line where the record starts. */
  line: number;
  source: string | null;
  externalId: string | null;
  values: RowValues;
  extra: Record<string, string>;
}

export type RowResult =
  | { kind: 'blank' }
  | { kind: 'valid'; row: ValidRow }
  | { kind: 'invalid'; line: number; errors: RowError[] };

const FIELD_BY_TARGET: ReadonlyMap<ImportTarget, RecordField> = new Map(RECORD_FIELDS.map((f) => [f.name, f]));
const YEAR = /^\d{4}$/;
// U+FFFD is what undecodable bytes become; NUL cannot be stored in PostgreSQL text.
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[\u0000\uFFFD]/;

/** Line breaks as a reader counts lines: CRLF is one, a lone CR or LF is one. */
export function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

export function validateRow(
  fields: readonly string[],
  startLine: number,
  mapping: ColumnMapping,
  options: ValidationOptions = DEFAULT_VALIDATION,
): RowResult {
  if (fields.every((f) => f.trim() === '')) return { kind: 'blank' };
  const errors: RowError[] = [];
  // The line each field starts on: embedded newlines inside quotes move the later ones down.
  const lineOf = (index: number) => {
    let line = startLine;
    for (let i = 0; i < index && i < fields.length; i++) if (fields[i]!.length > 0 && /[\r\n]/.test(fields[i]!)) line += countLineBreaks(fields[i]!);
    return line;
  };
  const fail = (index: number | null, message: string) =>
    errors.push({ line: index === null ? startLine : lineOf(index), column: index === null ? null : (mapping.columns[index]?.header ?? null), message });

  if (fields.length !== mapping.columns.length) {
    fail(null, `the row has ${fields.length} fields but the header has ${mapping.columns.length} (a missing or extra delimiter or quote?)`);
    return { kind: 'invalid', line: startLine, errors };
  }

  const values: Partial<Record<RecordFieldName, string | number | null>> = {};
  const extra: Record<string, string> = {};
  let source: string | null = null;
  let externalId: string | null = null;

  for (const column of mapping.columns) {
    const raw = fields[column.index]!;
    const value = raw.trim();
    if (value !== '' && BAD_CHARS.test(value)) {
      fail(column.index, value.includes('\u0000') ? 'contains a NUL byte (binary data?)' : 'contains bytes that are not valid text in the file\'s encoding (U+FFFD)');
      continue;
    }
    if (column.target === null) {
      if (value === '') continue;
      if (value.length > EXTRA_VALUE_MAX) fail(column.index, `is ${value.length} characters long; the limit for an extra column is ${EXTRA_VALUE_MAX}`);
      else extra[column.header] = value;
      continue;
    }
    if (column.target === 'source' || column.target === 'externalId') {
      if (value.length > KEY_MAX) fail(column.index, `is ${value.length} characters long; the limit is ${KEY_MAX}`);
      else if (column.target === 'source') source = value || null;
      else externalId = value || null;
      continue;
    }
    const field = FIELD_BY_TARGET.get(column.target)!;
    if (value === '') {
      values[field.name] = null;
      continue;
    }
    if (field.kind !== 'year' && value.length > field.maxLength) {
      fail(column.index, `is ${value.length.toLocaleString('en')} characters long; the limit for ${field.name} is ${field.maxLength.toLocaleString('en')}`);
      continue;
    }
    if (field.kind === 'year') {
      const year = YEAR.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(year)) fail(column.index, `"${short(value)}" is not a four-digit year`);
      else if (year < options.minBirthYear || year > options.maxBirthYear)
        fail(column.index, `year ${year} is outside ${options.minBirthYear}–${options.maxBirthYear}`);
      else values[field.name] = year;
      continue;
    }
    if (field.kind === 'date') {
      const parsed = normalisePartialDate(value);
      if (!parsed.ok) {
        fail(column.index, parsed.message);
        continue;
      }
    }
    values[field.name] = value;
  }

  let fullName = typeof values.fullName === 'string' ? values.fullName : '';
  if (!fullName) {
    fullName = [values.surname, values.givenName, values.patronymic].filter((v) => typeof v === 'string' && v).join(' ');
  }
  const nameHadError = errors.length > 0 && errors.some((e) => e.column !== null && nameHeadersOf(mapping).has(e.column));
  if (!fullName && !nameHadError) {
    const nameColumn = NAME_TARGETS.map((t) => mapping.byTarget[t]).find((i) => i !== undefined);
    fail(nameColumn ?? null, 'the name is empty (a record needs a name)');
  } else if (fullName && fullName.length > FIELD_BY_TARGET.get('fullName')!.maxLength) {
    fail(mapping.byTarget.fullName ?? null, `the name is ${fullName.length} characters long; the limit is ${FIELD_BY_TARGET.get('fullName')!.maxLength}`);
  }
  if (errors.length > 0) return { kind: 'invalid', line: startLine, errors };
  return { kind: 'valid', row: { line: startLine, source, externalId, values: { ...values, fullName }, extra } };
}

const NAME_TARGETS = ['fullName', 'surname', 'givenName', 'patronymic'] as const;
const nameHeadersOf = (mapping: ColumnMapping) =>
  new Set(NAME_TARGETS.map((t) => mapping.byTarget[t]).filter((i) => i !== undefined).map((i) => mapping.columns[i]!.header));

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
