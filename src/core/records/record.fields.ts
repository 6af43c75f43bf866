/**
 * The record's fields as data: API name, column, kind and length limit. The
 * importer maps columns onto these, corrections name them, validation reads the
 * limits, and the API's record (records/record.dto.ts) is built from them: a
 * new field is one line here, plus the migration that adds its column, its
 * entry in the OpenAPI schema (records.openapi.ts, which the compiler holds to
 * the record's type), its header spellings (column-map.data.ts) and its label
 * in the web's i18n files.
 */
export type FieldKind = 'text' | 'date' | 'year';

const SHORT = 1_000;
const LONG = 20_000;
export const BIOGRAPHY_MAX = 1_048_576; // 1 MB of text

const FIELDS = [
  { name: 'fullName', column: 'full_name', kind: 'text', maxLength: SHORT, correctable: false },
  { name: 'surname', column: 'surname', kind: 'text', maxLength: SHORT, correctable: true },
  { name: 'givenName', column: 'given_name', kind: 'text', maxLength: SHORT, correctable: true },
  { name: 'patronymic', column: 'patronymic', kind: 'text', maxLength: SHORT, correctable: true },
  { name: 'birthYear', column: 'birth_year', kind: 'year', maxLength: 4, correctable: true },
  { name: 'birthDate', column: 'birth_date', kind: 'date', maxLength: 40, correctable: true },
  { name: 'birthplace', column: 'birthplace', kind: 'text', maxLength: LONG, correctable: true },
  { name: 'nationality', column: 'nationality', kind: 'text', maxLength: SHORT, correctable: true },
  { name: 'occupation', column: 'occupation', kind: 'text', maxLength: LONG, correctable: true },
  { name: 'residence', column: 'residence', kind: 'text', maxLength: LONG, correctable: true },
  { name: 'arrestDate', column: 'arrest_date', kind: 'date', maxLength: 40, correctable: true },
  { name: 'charge', column: 'charge', kind: 'text', maxLength: LONG, correctable: true },
  { name: 'sentence', column: 'sentence', kind: 'text', maxLength: LONG, correctable: true },
  { name: 'sentenceDate', column: 'sentence_date', kind: 'date', maxLength: 40, correctable: true },
  { name: 'executedOn', column: 'executed_on', kind: 'date', maxLength: 40, correctable: true },
  { name: 'deathDate', column: 'death_date', kind: 'date', maxLength: 40, correctable: true },
  { name: 'burialPlace', column: 'burial_place', kind: 'text', maxLength: LONG, correctable: true },
  { name: 'rehabilitationDate', column: 'rehabilitation_date', kind: 'date', maxLength: 40, correctable: true },
  { name: 'biography', column: 'biography', kind: 'text', maxLength: BIOGRAPHY_MAX, correctable: true },
] as const satisfies ReadonlyArray<{ name: string; column: string; kind: FieldKind; maxLength: number; correctable: boolean }>;

export type RecordFieldName = (typeof FIELDS)[number]['name'];
export type RecordColumn = (typeof FIELDS)[number]['column'];

export interface RecordField {
  name: RecordFieldName;
  column: RecordColumn;
  kind: FieldKind;
  maxLength: number;
  /** Corrections may propose a new value (full_name never: the record keeps what was written). */
  correctable: boolean;
}

export const RECORD_FIELDS: readonly RecordField[] = FIELDS;

/** Each field's value as the API shows it: a year is a number, every other field text as written. */
export type RecordFieldValues = { [F in (typeof FIELDS)[number] as F['name']]: F['kind'] extends 'year' ? number | null : string | null };

export const FIELD_BY_NAME: ReadonlyMap<string, RecordField> = new Map(RECORD_FIELDS.map((f) => [f.name, f]));

/** The column that holds the normalised form of a date column. */
export const normColumn = (column: RecordColumn) => `${column}_norm` as const;
