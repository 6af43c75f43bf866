import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per bulk import (CLI or POST /api/imports): who, when, which file,
  // how it went. Counts are updated after every committed batch, so a job that
  // is polled shows its progress, and a job whose process died shows how far it
  // got. `errors` keeps the first 1,000 row errors; errors_total counts them all.
  await sql`
    CREATE TABLE import_jobs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      source text,
      file_name text NOT NULL,
      actor text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
      dry_run boolean NOT NULL DEFAULT false,
      strict boolean NOT NULL DEFAULT false,
      rows_read integer NOT NULL DEFAULT 0,
      inserted integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      invalid integer NOT NULL DEFAULT 0,
      duplicates integer NOT NULL DEFAULT 0,
      bytes_total bigint,
      bytes_read bigint NOT NULL DEFAULT 0,
      warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      errors_total integer NOT NULL DEFAULT 0,
      duplicate_sample jsonb NOT NULL DEFAULT '[]'::jsonb,
      file_error text,
      exit_code smallint,
      pid integer,
      host text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      heartbeat_at timestamptz,
      finished_at timestamptz
    )
  `.execute(db);

  // Serves: the liveness sweep at every import and server start,
  // WHERE status IN ('queued', 'running') — a handful of rows among thousands of
  // finished jobs. GET /api/imports/:id uses the primary key.
  await sql`
    CREATE INDEX import_jobs_active_idx ON import_jobs (host, pid) WHERE status IN ('queued', 'running')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE import_jobs`.execute(db);
}
