import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The trigram index of every record's name served one query, the misspelt-name probe,
  // which now reads the surname lexicon (migration 0018) instead. Nothing reads it; every
  // import still paid for it (a GIN entry per trigram of each new name on the row path, the
  // largest index build of the bulk path: 157 MB at 3,100,000 records).
  await sql`DROP INDEX records_name_latin_trgm_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX records_name_latin_trgm_idx ON records USING gin (name_latin gin_trgm_ops)`.execute(db);
}
