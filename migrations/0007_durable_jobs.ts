import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Uploads (POST /api/imports, the /imports form) are spooled in DATA_DIR/spool
  // and queued; a job that knows its spool file and its options can be run again
  // by the next server after a crash. CLI imports read the archivist's own file
  // and have no spool_file. `attempts` counts the runs that claimed the job.
  await sql`
    ALTER TABLE import_jobs
      ADD COLUMN spool_file text,
      ADD COLUMN encoding text CHECK (encoding IN ('utf8', 'cp1251')),
      ADD COLUMN attempts integer NOT NULL DEFAULT 0
  `.execute(db);

  // Serves: the embedded (PGlite) runner's claim, SELECT id FROM import_jobs
  // WHERE status = 'queued' AND spool_file IS NOT NULL ORDER BY id LIMIT 1
  // FOR UPDATE SKIP LOCKED — the oldest waiting upload, among many finished jobs.
  await sql`
    CREATE INDEX import_jobs_queued_spool_idx ON import_jobs (id) WHERE status = 'queued' AND spool_file IS NOT NULL
  `.execute(db);

  // The status guards in SQL (src/imports/import-jobs.repository.ts) are the
  // rule; this trigger is the backstop for any other writer: a job enters
  // 'queued' only when it is created, enters 'running' only from 'queued' (or
  // stays running under a new owner after a crash), and a finished job never
  // goes back to either.
  await sql`
    CREATE FUNCTION import_jobs_guard_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status IS DISTINCT FROM OLD.status AND (
           NEW.status = 'queued'
        OR (NEW.status = 'running' AND OLD.status <> 'queued')
      ) THEN
        RAISE EXCEPTION 'import job % cannot go from % back to %', OLD.id, OLD.status, NEW.status
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER import_jobs_guard_status BEFORE UPDATE OF status ON import_jobs
    FOR EACH ROW EXECUTE FUNCTION import_jobs_guard_status()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER import_jobs_guard_status ON import_jobs`.execute(db);
  await sql`DROP FUNCTION import_jobs_guard_status()`.execute(db);
  await sql`DROP INDEX import_jobs_queued_spool_idx`.execute(db);
  await sql`ALTER TABLE import_jobs DROP COLUMN spool_file, DROP COLUMN encoding, DROP COLUMN attempts`.execute(db);
}
