import { normalisePartialDate } from '../core/records/index.ts';
import { FIELD_BY_NAME, RECORD_FIELDS, normColumn, type RecordField, type RecordFieldName } from '../core/records/index.ts';
import type { RecordUpdate } from '../db/schema.ts';

/**
 * The one diff of a record, pure. A record has two layers: what its source
 * says, and approved claims over some fields. The records columns hold what is
 * displayed (the claim where one exists, the source's value otherwise);
 * `sourceValues` keeps the source's own value of the claimed fields only.
 * Every write path (import, correction, conflict resolution, undo) computes its
 * change here and hands it to the record writer.
 */
export type Columns = Record<string, unknown>;
/** API field name → the source's value (column form), claimed fields only. */
export type SourceValues = Record<string, unknown>;

export type RecordFieldValues = Partial<Record<RecordFieldName, string | number | null>>;

/** What the history compares: every record field, then the two extras. */
export const DIFF_COLUMNS: readonly string[] = [...RECORD_FIELDS.map((f) => f.column), 'extra', 'extra_private'];
const FIELD_BY_COLUMN: ReadonlyMap<string, RecordField> = new Map(RECORD_FIELDS.map((f) => [f.column, f]));

export interface RecordChange {
  /** Columns to write (a date's normalised form beside it). */
  set: Columns;
  /** Displayed values before and after, changed columns only (the history event). */
  old: Columns;
  new: Columns;
  /** source_values after the change. */
  sourceValues: SourceValues;
  /** Source values of claimed fields that changed underneath their claim (field → before/after). */
  source: { old: SourceValues; new: SourceValues };
}

export const isEmptyChange = (c: RecordChange) => Object.keys(c.old).length === 0 && Object.keys(c.source.new).length === 0;

/** Field values → columns, with the normalised form beside each date. */
export function toColumns(fields: RecordFieldValues): RecordUpdate {
  // Runs once per imported row: written into one object, not merged from one per field.
  const out: Columns = {};
  for (const name in fields) {
    const field = FIELD_BY_NAME.get(name);
    const value = fields[name as RecordFieldName];
    if (field && value !== undefined) setFieldColumns(out, field, value === '' ? null : value);
  }
  return out as RecordUpdate;
}

/** A field's column, and a date's normalised form beside it. */
function setFieldColumns(out: Columns, field: RecordField, value: unknown): void {
  out[field.column] = value;
  if (field.kind !== 'date') return;
  const parsed = typeof value === 'string' && value ? normalisePartialDate(value) : undefined;
  out[normColumn(field.column)] = parsed?.ok ? parsed.normalised : null;
}

/** Equal as stored values: jsonb objects compare by content, whatever their key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

const emptyChange = (sourceValues: SourceValues): RecordChange => ({ set: {}, old: {}, new: {}, sourceValues: { ...sourceValues }, source: { old: {}, new: {} } });

function display(change: RecordChange, current: Columns, field: RecordField | undefined, column: string, value: unknown): void {
  change.old[column] = current[column] ?? null;
  change.new[column] = value;
  if (field) setFieldColumns(change.set, field, value);
  else change.set[column] = value;
}

/**
 * A re-import: `incoming` is the source's new row (columns). Unclaimed fields
 * take the new value; a claimed field keeps its claim and only its stored
 * source value moves (reported in `source`, so the caller opens a conflict).
 */
export function diffSource(current: Columns, sourceValues: SourceValues, claimed: ReadonlySet<string>, incoming: Columns): RecordChange {
  const change = emptyChange(sourceValues);
  for (const column of DIFF_COLUMNS) {
    const field = FIELD_BY_COLUMN.get(column);
    const next = incoming[column] ?? (column.startsWith('extra') ? {} : null);
    if (field && claimed.has(field.name)) {
      const previous = sourceValues[field.name] ?? null;
      if (sameValue(previous, next)) continue;
      change.source.old[field.name] = previous;
      change.source.new[field.name] = next;
      change.sourceValues[field.name] = next;
    } else if (!sameValue(current[column], next)) {
      display(change, current, field, column, next);
    }
  }
  return change;
}

/** An approved field correction: the claim's value is displayed; the source's value is kept the first time. */
export function applyClaim(current: Columns, sourceValues: SourceValues, fieldName: string, value: unknown): RecordChange {
  const field = fieldOf(fieldName);
  const change = emptyChange(sourceValues);
  if (!(field.name in sourceValues)) change.sourceValues[field.name] = current[field.column] ?? null;
  if (!sameValue(current[field.column], value)) display(change, current, field, field.column, value);
  return change;
}

/** A claim withdrawn (an archivist kept the source): the source's value is displayed again. */
export function withdrawClaim(current: Columns, sourceValues: SourceValues, fieldName: string): RecordChange {
  const field = fieldOf(fieldName);
  const change = emptyChange(sourceValues);
  const source = sourceValues[field.name] ?? null;
  delete change.sourceValues[field.name];
  if (!sameValue(current[field.column], source)) display(change, current, field, field.column, source);
  return change;
}

/**
 * Undoing one import's update of a record: `jobOld`/`jobNew` are the source
 * values (column → value) that import replaced and wrote. A field goes back
 * only while its source value is still the one that import wrote; any other
 * field is left alone and reported, so later work is never overwritten.
 */
export function revertSource(
  current: Columns,
  sourceValues: SourceValues,
  claimed: ReadonlySet<string>,
  jobOld: Columns,
  jobNew: Columns,
): { change: RecordChange; restored: string[]; kept: string[] } {
  const change = emptyChange(sourceValues);
  const restored: string[] = [];
  const kept: string[] = [];
  for (const column of Object.keys(jobNew)) {
    const field = FIELD_BY_COLUMN.get(column);
    const isClaimed = !!field && claimed.has(field.name);
    const now = isClaimed ? sourceValues[field.name] : current[column];
    if (!sameValue(now, jobNew[column])) {
      kept.push(field?.name ?? column);
      continue;
    }
    restored.push(field?.name ?? column);
    if (isClaimed) change.sourceValues[field.name] = jobOld[column] ?? null;
    else display(change, current, field, column, jobOld[column] ?? (column.startsWith('extra') ? {} : null));
  }
  return { change, restored, kept };
}

/** `sourceValues` of the public record: the claimed fields whose displayed value differs from the source's. */
export function shownSourceValues(current: Columns, sourceValues: SourceValues): SourceValues {
  const out: SourceValues = {};
  for (const [name, value] of Object.entries(sourceValues)) {
    const field = FIELD_BY_NAME.get(name);
    if (field && !sameValue(current[field.column], value)) out[name] = value;
  }
  return out;
}

function fieldOf(name: string): RecordField {
  const field = FIELD_BY_NAME.get(name);
  if (!field) throw new Error(`no record field "${name}"`);
  return field;
}
