import type { ColumnType, Generated, GeneratedAlways, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';

/**
 * Kysely's view of the tables. Migrations in migrations/ are the truth; this file
 * follows them. bigint ids come back from pg as strings, so they are typed as such
 * and converted at the edge (records/record.dto.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RecordsTable {
  id: GeneratedAlways<string>;
  source: string;
  external_id: string;
  full_name: string;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_year: number | null;
  birth_date: string | null;
  birth_date_norm: string | null;
  birthplace: string | null;
  nationality: string | null;
  occupation: string | null;
  residence: string | null;
  arrest_date: string | null;
  arrest_date_norm: string | null;
  charge: string | null;
  sentence: string | null;
  sentence_date: string | null;
  sentence_date_norm: string | null;
  executed_on: string | null;
  executed_on_norm: string | null;
  death_date: string | null;
  death_date_norm: string | null;
  burial_place: string | null;
  rehabilitation_date: string | null;
  rehabilitation_date_norm: string | null;
  biography: string | null;
  extra: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  content_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RecordEventsTable {
  id: GeneratedAlways<string>;
  record_id: ColumnType<string, string | number, never>;
  kind: string;
  actor: string;
  reason: string | null;
  data: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: Timestamp;
}

export interface DB {
  records: RecordsTable;
  record_events: RecordEventsTable;
}

export type RecordRow = Selectable<RecordsTable>;
export type NewRecordRow = Insertable<RecordsTable>;
export type RecordUpdate = Updateable<RecordsTable>;
