/**
 * The record's fields as data: API name, column, kind and length limit. The
 * importer maps columns onto these, corrections name them, validation reads the
 * limits: one list, so a new field is added in one place.
 */
export type FieldKind = 'text' | 'date' | 'year';

export interface RecordField {
  name: RecordFieldName;
  column: RecordColumn;
  kind: FieldKind;
  maxLength: number;
  /** Corrections may propose a new value (full_name never: the record keeps what was written). */
  correctable: boolean;
}

export type RecordFieldName =
  | 'fullName' | 'surname' | 'givenName' | 'patronymic' | 'birthYear' | 'birthDate' | 'birthplace'
  | 'nationality' | 'occupation' | 'residence' | 'arrestDate' | 'charge' | 'sentence' | 'sentenceDate'
  | 'executedOn' | 'deathDate' | 'burialPlace' | 'rehabilitationDate' | 'biography';

export type RecordColumn =
  | 'full_name' | 'surname' | 'given_name' | 'patronymic' | 'birth_year' | 'birth_date' | 'birthplace'
  | 'nationality' | 'occupation' | 'residence' | 'arrest_date' | 'charge' | 'sentence' | 'sentence_date'
  | 'executed_on' | 'death_date' | 'burial_place' | 'rehabilitation_date' | 'biography';

const SHORT = 1_000;
const LONG = 20_000;
export const BIOGRAPHY_MAX = 1_048_576; // 1 MB of text

export const RECORD_FIELDS: readonly RecordField[] = [
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
];

export const FIELD_BY_NAME: ReadonlyMap<string, RecordField> = new Map(RECORD_FIELDS.map((f) => [f.name, f]));

/** The column that holds the normalised form of a date column. */
export const normColumn = (column: RecordColumn) => `${column}_norm` as const;
