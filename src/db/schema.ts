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
  /** The source's own value of each claimed field (API field name → value); migration 0006. */
  source_values: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  /** Unknown columns kept private (archivists only); migration 0006. */
  extra_private: JSONColumnType<Record<string, unknown>, string | undefined, string>;
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
  /** The decoder version that derived this reading (migration 0010). */
  decoder_version: ColumnType<string, string | undefined, string>;
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
  expires_at: ColumnType<Date, Date | string, Date | string>;
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
  /** The field's displayed value when proposed (JSON text in, parsed out); null: unknown (0006). */
  base_value: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface ImportJobsTable {
  id: GeneratedAlways<string>;
  source: string | null;
  file_name: string;
  actor: string;
  status: ColumnType<ImportJobStatus, ImportJobStatus | undefined>;
  /** 'undo' jobs undo `undoes_job_id` (0006). */
  kind: ColumnType<'import' | 'undo', 'import' | 'undo' | undefined, never>;
  undoes_job_id: ColumnType<string | null, string | number | null | undefined, never>;
  undo_report: ColumnType<UndoOutcome | null, string | null | undefined, string | null>;
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
  /** Migration 0007: the upload's file in DATA_DIR/spool (null for CLI imports), its encoding, runs that claimed it. */
  spool_file: string | null;
  encoding: 'utf8' | 'cp1251' | null;
  /** Migration 0012: the upload's public unknown columns (JSON array), null for none. */
  public_columns: ColumnType<string[] | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
}

export interface UndoOutcome {
  removed: number;
  restored: number;
  conflicts: number;
  details: Array<{ recordId: number; field: string | null; reason: string }>;
}

export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'undone';

/** Approved field corrections standing over the source's value (0006). */
export interface RecordClaimsTable {
  id: GeneratedAlways<string>;
  record_id: ColumnType<string, string | number, never>;
  field: string;
  value: ColumnType<unknown, string, never>;
  evidence: string | null;
  correction_id: ColumnType<string | null, string | number | null | undefined, never>;
  approved_by: string;
  approved_at: Timestamp;
  status: ColumnType<'active' | 'superseded' | 'withdrawn', 'active' | undefined, 'superseded' | 'withdrawn'>;
  ended_by: string | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

/** A re-import changed the source value of a claimed field (0006). */
export interface RecordConflictsTable {
  id: GeneratedAlways<string>;
  record_id: ColumnType<string, string | number, never>;
  claim_id: ColumnType<string, string | number, never>;
  field: string;
  corrected_value: ColumnType<unknown, string, never>;
  source_value: ColumnType<unknown, string, never>;
  previous_source_value: ColumnType<unknown, string, never>;
  import_job_id: ColumnType<string | null, string | number | null, never>;
  status: ColumnType<'open' | 'resolved', 'open' | undefined, 'resolved'>;
  resolution: 'correction' | 'source' | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  reason: string | null;
  created_at: Timestamp;
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
  /** A decided link's score and reasons after one of its records changed (migration 0016); its own score stays what was decided on. */
  rescored_score: number | null;
  rescored_reasons: JSONColumnType<unknown[] | null, string | null | undefined, string | null>;
  rescored_at: Timestamp | null;
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

/** Records whose link proposals are out of date (migration 0016, written by triggers). */
export interface LinkPendingTable {
  record_id: ColumnType<string, string | number, never>;
  seq: ColumnType<string, never, never>;
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
  record_claims: RecordClaimsTable;
  record_conflicts: RecordConflictsTable;
  record_links: RecordLinksTable;
  record_persons: RecordPersonsTable;
  link_runs: LinkRunsTable;
  link_keys: LinkKeysTable;
  link_pending: LinkPendingTable;
}

export type RecordRow = Selectable<RecordsTable>;
export type NewRecordRow = Insertable<RecordsTable>;
export type RecordUpdate = Updateable<RecordsTable>;
