import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Serves the search filters (src/search/filters.repository.ts and every filtered probe):
  //   WHERE lower(nationality) = ANY($nationalities) AND (birth_year BETWEEN $from AND $to OR birth_year IS NULL)
  // With the year beside the nationality, a common nationality with a rare year is one index
  // range per value: «Ван» born 1870, китаец, at 3,100,000 records built a bitmap of every
  // Chinese record (372,598 entries, 211 ms) and of every record born 1870 or with no year,
  // then intersected them; on this index the same 8,701 records are found in 4.5 ms. Its leading
  // column serves a nationality alone, as the expression-only index did, so that one goes.
  await sql`CREATE INDEX records_nationality_year_idx ON records (lower(nationality), birth_year)`.execute(db);
  await sql`DROP INDEX records_nationality_idx`.execute(db);
  // The planner knows lower(nationality)'s values only from an index's statistics, which a new
  // index has after ANALYZE: without them, a nationality filter is costed blind until autovacuum
  // comes by (at 3,100,000 records, filtered searches took seconds meanwhile). Sampled: seconds.
  await sql`ANALYZE records`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX records_nationality_idx ON records (lower(nationality))`.execute(db);
  await sql`DROP INDEX records_nationality_year_idx`.execute(db);
}
