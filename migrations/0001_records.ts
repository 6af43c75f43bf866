import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code, so it runs the same years from now.

export async function up(db: Kysely<any>): Promise<void> {
  // Trigram indexes back fuzzy search; unaccent folds Latin diacritics (Hsü → Hsu).
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);

  // unaccent() is only STABLE (it reads a dictionary), so it cannot appear in an
  // index expression. Naming the dictionary makes the result fixed, and this
  // IMMUTABLE wrapper lets accent-insensitive expression indexes exist.
  await sql`
    CREATE FUNCTION nb_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$
  `.execute(db);

  // One row per person as the source recorded them. Text is kept exactly as
  // written; each date also gets a normalised sortable form (YYYY, YYYY-MM or
  // YYYY-MM-DD) because sources give partial dates ("1937", "09.1937").
  await sql`
    CREATE TABLE records (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
      external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 1000),
      surname text,
      given_name text,
      patronymic text,
      birth_year smallint,
      birth_date text,
      birth_date_norm text,
      birthplace text,
      nationality text,
      occupation text,
      residence text,
      arrest_date text,
      arrest_date_norm text,
      charge text,
      sentence text,
      sentence_date text,
      sentence_date_norm text,
      executed_on text,
      executed_on_norm text,
      death_date text,
      death_date_norm text,
      burial_place text,
      rehabilitation_date text,
      rehabilitation_date_norm text,
      biography text,
      extra jsonb NOT NULL DEFAULT '{}'::jsonb,
      content_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )
  `.execute(db);

  // Serves: import upsert ON CONFLICT (source, external_id), and lookup of a
  // record by its id in a source. Keyset pagination uses the primary key.
  await sql`
    CREATE UNIQUE INDEX records_source_external_id_key ON records (source, external_id)
  `.execute(db);

  // Append-only history of everything that happened to a record: inserted or
  // updated by an import (old values in data), field changed by a correction,
  // corrections submitted and decided. Rows are never updated or deleted.
  await sql`
    CREATE TABLE record_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      kind text NOT NULL,
      actor text NOT NULL,
      reason text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);

  // Serves: GET /api/records/:id/history (WHERE record_id = $1 ORDER BY id).
  await sql`CREATE INDEX record_events_record_id_idx ON record_events (record_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE record_events`.execute(db);
  await sql`DROP TABLE records`.execute(db);
  await sql`DROP FUNCTION nb_unaccent(text)`.execute(db);
}
