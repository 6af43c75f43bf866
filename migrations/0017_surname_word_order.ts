import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Serves the surname-word probe (src/search/probe-queries.ts surnameWordProbeSql):
  //   WHERE split_part(name_latin, ' ', 1) = $word ORDER BY id LIMIT 2000, once per word.
  // With the id beside the word, each word's first records are read in id order and the
  // scan stops at the limit. The expression-only index let the planner walk the primary
  // key in id order instead, which read every record when no record had the word
  // (3,100,000 records, eight patronymics typed: 2 s). Its leading column also serves
  // the unfiltered count (unfilteredSurnameWordSql), so the old index goes.
  await sql`CREATE INDEX records_name_surname_id_idx ON records ((split_part(name_latin, ' ', 1)), id)`.execute(db);
  await sql`DROP INDEX records_name_surname_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX records_name_surname_idx ON records ((split_part(name_latin, ' ', 1)))`.execute(db);
  await sql`DROP INDEX records_name_surname_id_idx`.execute(db);
}
