import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Serves the search's "can this filter match anything?" check
  // (src/search/filters.repository.ts):
  //   SELECT EXISTS (SELECT 1 FROM records WHERE lower(nationality) = ANY($forms))
  // answered by one index descent, so `nationality=zzz` is refused before any
  // probe instead of after walking every candidate of the name.
  await sql`CREATE INDEX records_nationality_idx ON records (lower(nationality))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX records_nationality_idx`.execute(db);
}
