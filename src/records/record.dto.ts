import type { RecordRow } from '../db/schema.ts';
import { shownSourceValues, type Columns } from './record.diff.ts';

/** The public JSON shape of a record: camelCase, numeric id, no internal columns. */
export interface RecordDto {
  id: number;
  source: string;
  externalId: string;
  fullName: string;
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  birthYear: number | null;
  birthDate: string | null;
  birthplace: string | null;
  nationality: string | null;
  occupation: string | null;
  residence: string | null;
  arrestDate: string | null;
  charge: string | null;
  sentence: string | null;
  sentenceDate: string | null;
  executedOn: string | null;
  deathDate: string | null;
  burialPlace: string | null;
  rehabilitationDate: string | null;
  biography: string | null;
  /** Sortable forms (YYYY, YYYY-MM, YYYY-MM-DD) of the dates above, where they parse. */
  normalisedDates: Record<string, string>;
  extra: Record<string, unknown>;
  /** The source's own value of each field whose displayed value is an approved correction (claim). */
  sourceValues: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const DATE_FIELDS = [
  ['birthDate', 'birth_date_norm'],
  ['arrestDate', 'arrest_date_norm'],
  ['sentenceDate', 'sentence_date_norm'],
  ['executedOn', 'executed_on_norm'],
  ['deathDate', 'death_date_norm'],
  ['rehabilitationDate', 'rehabilitation_date_norm'],
] as const;

export function toRecordDto(row: RecordRow): RecordDto {
  const normalisedDates: Record<string, string> = {};
  for (const [name, column] of DATE_FIELDS) {
    const value = row[column];
    if (value) normalisedDates[name] = value;
  }
  return {
    id: Number(row.id),
    source: row.source,
    externalId: row.external_id,
    fullName: row.full_name,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    birthYear: row.birth_year,
    birthDate: row.birth_date,
    birthplace: row.birthplace,
    nationality: row.nationality,
    occupation: row.occupation,
    residence: row.residence,
    arrestDate: row.arrest_date,
    charge: row.charge,
    sentence: row.sentence,
    sentenceDate: row.sentence_date,
    executedOn: row.executed_on,
    deathDate: row.death_date,
    burialPlace: row.burial_place,
    rehabilitationDate: row.rehabilitation_date,
    biography: row.biography,
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
