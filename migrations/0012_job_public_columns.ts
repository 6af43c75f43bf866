import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // An upload's choice of unknown columns to publish (`?publicColumns=`, the form's
  // field) travels with its durable job, so a job resumed after a crash publishes
  // exactly what the archivist asked: a JSON array of headers, or null for none.
  await sql`ALTER TABLE import_jobs ADD COLUMN public_columns jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE import_jobs DROP COLUMN public_columns`.execute(db);
}
