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
  name_latin: ColumnType<string, string | undefined, string>;
  birthplace_places: ColumnType<string[], string[] | undefined, string[]>;
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

export interface AttestedNamesTable {
  id: GeneratedAlways<string>;
  record_id: ColumnType<string, string | number, never>;
  hanzi: string | null;
  pinyin: string;
  evidence: string;
  correction_id: ColumnType<string | null, string | number | null | undefined, never>;
  approved_by: string;
  approved_at: Timestamp;
}

export interface RecordReadingsTable {
  record_id: ColumnType<string, string | number, never>;
  rank: number;
  origin: 'decoded' | 'attested';
  key: string;
  phonetic: string;
  surname_key: string;
  surname_phonetic: string;
  phonetic_pairs: ColumnType<string[], string[] | undefined, string[]>;
  cost: number;
}

export interface UsersTable {
  id: GeneratedAlways<string>;
  email: string;
  display_name: string | null;
  password_hash: string;
  role: 'archivist' | 'admin';
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: GeneratedAlways<string>;
  user_id: ColumnType<string, string | number, never>;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: ColumnType<string, string | number, never>;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface CorrectionsTable {
  id: GeneratedAlways<string>;
  record_id: ColumnType<string, string | number, never>;
  kind: 'chinese-name' | 'field';
  hanzi: string | null;
  pinyin: string | null;
  field: string | null;
  value: string | null;
  evidence: string;
  submitter_name: string | null;
  submitter_email: string | null;
  client_hash: string | null;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  created_at: Timestamp;
}

export interface ImportJobsTable {
  id: GeneratedAlways<string>;
  source: string | null;
  file_name: string;
  actor: string;
  status: ColumnType<'queued' | 'running' | 'succeeded' | 'failed', 'queued' | 'running' | 'succeeded' | 'failed' | undefined>;
  dry_run: Generated<boolean>;
  strict: Generated<boolean>;
  rows_read: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  invalid: Generated<number>;
  duplicates: Generated<number>;
  bytes_total: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  bytes_read: ColumnType<string, number | string | undefined, number | string>;
  warnings: JSONColumnType<string[], string | undefined, string>;
  errors: JSONColumnType<Array<{ line: number; column: string | null; message: string }>, string | undefined, string>;
  errors_total: Generated<number>;
  duplicate_sample: JSONColumnType<unknown[], string | undefined, string>;
  file_error: string | null;
  exit_code: number | null;
  pid: number | null;
  host: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Timestamp;
}

export interface RecordLinksTable {
  id: GeneratedAlways<string>;
  record_a: ColumnType<string, string | number, never>;
  record_b: ColumnType<string, string | number, never>;
  score: number;
  reasons: JSONColumnType<unknown[], string | undefined, string>;
  model: string;
  status: ColumnType<'proposed' | 'confirmed' | 'rejected' | 'unlinked', 'proposed' | 'confirmed' | undefined, 'proposed' | 'confirmed' | 'rejected' | 'unlinked'>;
  automatic: Generated<boolean>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecordPersonsTable {
  record_id: ColumnType<string, string | number, never>;
  person_id: ColumnType<string, string | number, string | number>;
}

export interface LinkRunsTable {
  scope: string;
  after_id: ColumnType<string, string | number | undefined, string | number>;
  model: string;
  pairs_scored: ColumnType<string, string | number | undefined, string | number>;
  started_at: Timestamp;
  updated_at: Timestamp;
}

export interface LinkKeysTable {
  key: string;
  record_id: ColumnType<string, string | number, never>;
  birth_year: number | null;
}

export interface DB {
  records: RecordsTable;
  record_events: RecordEventsTable;
  attested_names: AttestedNamesTable;
  record_readings: RecordReadingsTable;
  import_jobs: ImportJobsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  corrections: CorrectionsTable;
  rate_limits: RateLimitsTable;
  record_links: RecordLinksTable;
  record_persons: RecordPersonsTable;
  link_runs: LinkRunsTable;
  link_keys: LinkKeysTable;
}

export type RecordRow = Selectable<RecordsTable>;
export type NewRecordRow = Insertable<RecordsTable>;
export type RecordUpdate = Updateable<RecordsTable>;
