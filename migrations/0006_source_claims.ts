import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The records columns keep holding what is displayed (an approved claim where
  // one exists, the source's value otherwise). source_values keeps the source's
  // own value of each claimed field only (API field name → value), so a
  // re-import can update it without touching the claim. extra_private holds the
  // file's unknown columns that were not made public: archivists only.
  await sql`ALTER TABLE records ADD COLUMN source_values jsonb NOT NULL DEFAULT '{}'::jsonb`.execute(db);
  await sql`ALTER TABLE records ADD COLUMN extra_private jsonb NOT NULL DEFAULT '{}'::jsonb`.execute(db);
  // Existing data: every extra key becomes private except a file's own source
  // column displaced by --source (the importer's aliases of "source"), which
  // stays public as the record's citation.
  await sql`
    UPDATE records SET
      extra_private = (SELECT COALESCE(jsonb_object_agg(k, v), '{}'::jsonb) FROM jsonb_each(extra) AS e(k, v)
                       WHERE lower(trim(k)) NOT IN ('source', 'источник')),
      extra = (SELECT COALESCE(jsonb_object_agg(k, v), '{}'::jsonb) FROM jsonb_each(extra) AS e(k, v)
               WHERE lower(trim(k)) IN ('source', 'источник'))
    WHERE extra <> '{}'::jsonb
  `.execute(db);

  // Approved field corrections: the value shown instead of the source's, with
  // its evidence, moderator and time. One active claim per field; a later
  // approval supersedes it, an archivist choosing the source withdraws it.
  await sql`
    CREATE TABLE record_claims (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      field text NOT NULL,
      value jsonb NOT NULL,
      evidence text,
      correction_id bigint REFERENCES corrections (id) ON DELETE SET NULL,
      approved_by text NOT NULL,
      approved_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'withdrawn')),
      ended_by text,
      ended_at timestamptz,
      end_reason text CHECK (length(end_reason) <= 2000)
    )
  `.execute(db);
  // Serves: the active claims of a record (re-import diff, record page,
  // WHERE record_id = $1 AND status = 'active'), and makes one active claim per field.
  await sql`CREATE UNIQUE INDEX record_claims_active_key ON record_claims (record_id, field) WHERE status = 'active'`.execute(db);

  // A re-import changed the source's value of a claimed field: the claim stays,
  // an archivist decides (keep the correction, or take the source's value).
  await sql`
    CREATE TABLE record_conflicts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      claim_id bigint NOT NULL REFERENCES record_claims (id) ON DELETE CASCADE,
      field text NOT NULL,
      corrected_value jsonb NOT NULL,
      source_value jsonb NOT NULL,
      previous_source_value jsonb NOT NULL,
      import_job_id bigint REFERENCES import_jobs (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      resolution text CHECK (resolution IN ('correction', 'source')),
      resolved_by text,
      resolved_at timestamptz,
      reason text CHECK (length(reason) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'open') = (resolution IS NULL))
    )
  `.execute(db);
  // Serves: GET /api/conflicts?status=… keyset pages (WHERE status = $1 AND id > $2 ORDER BY id).
  await sql`CREATE INDEX record_conflicts_status_id_idx ON record_conflicts (status, id)`.execute(db);
  // Serves: ON DELETE CASCADE from records and record_claims, and a record's open conflicts.
  await sql`CREATE INDEX record_conflicts_record_id_idx ON record_conflicts (record_id)`.execute(db);
  await sql`CREATE INDEX record_conflicts_claim_id_idx ON record_conflicts (claim_id)`.execute(db);

  // The displayed value of a field correction's field when it was proposed
  // (JSON; SQL NULL for corrections older than this migration: unknown), so an
  // approval can tell that the field changed meanwhile.
  await sql`ALTER TABLE corrections ADD COLUMN base_value jsonb`.execute(db);

  // Undo: an undo is itself a job (kind 'undo', naming the job it undoes), and
  // the undone job ends as 'undone' — only from succeeded or failed, once.
  await sql`ALTER TABLE import_jobs DROP CONSTRAINT import_jobs_status_check`.execute(db);
  await sql`
    ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_status_check
      CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'undone'))
  `.execute(db);
  await sql`ALTER TABLE import_jobs ADD COLUMN kind text NOT NULL DEFAULT 'import' CHECK (kind IN ('import', 'undo'))`.execute(db);
  await sql`ALTER TABLE import_jobs ADD COLUMN undoes_job_id bigint REFERENCES import_jobs (id)`.execute(db);
  // An undo job's outcome: {removed, restored, conflicts, details: [{recordId, field, reason}]}.
  await sql`ALTER TABLE import_jobs ADD COLUMN undo_report jsonb`.execute(db);
  // Serves: the foreign key above, and "which job undid this one" on the job page.
  await sql`CREATE INDEX import_jobs_undoes_job_id_idx ON import_jobs (undoes_job_id) WHERE undoes_job_id IS NOT NULL`.execute(db);

  // No index serves undo's lookup of a job's events (WHERE data->>'importJob' = $1):
  // every imported row writes an event, so such an index would cost every import
  // to spare a rare undo one sequential scan of record_events.
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX import_jobs_undoes_job_id_idx`.execute(db);
  await sql`ALTER TABLE import_jobs DROP COLUMN undo_report`.execute(db);
  await sql`ALTER TABLE import_jobs DROP COLUMN undoes_job_id`.execute(db);
  await sql`ALTER TABLE import_jobs DROP COLUMN kind`.execute(db);
  await sql`UPDATE import_jobs SET status = 'succeeded' WHERE status = 'undone'`.execute(db);
  await sql`ALTER TABLE import_jobs DROP CONSTRAINT import_jobs_status_check`.execute(db);
  await sql`ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_status_check CHECK (status IN ('queued', 'running', 'succeeded', 'failed'))`.execute(db);
  await sql`ALTER TABLE corrections DROP COLUMN base_value`.execute(db);
  await sql`DROP TABLE record_conflicts`.execute(db);
  await sql`DROP TABLE record_claims`.execute(db);
  await sql`UPDATE records SET extra = extra || extra_private WHERE extra_private <> '{}'::jsonb`.execute(db);
  await sql`ALTER TABLE records DROP COLUMN extra_private`.execute(db);
  await sql`ALTER TABLE records DROP COLUMN source_values`.execute(db);
}
