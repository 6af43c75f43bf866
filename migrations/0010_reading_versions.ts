import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The decoder version (a hash of the tables and code that derive readings,
  // src/search/decoder-version.ts) that produced each stored reading. Rows
  // written before this migration get '' and so count as stale until reindexed.
  await sql`ALTER TABLE record_readings ADD COLUMN decoder_version text NOT NULL DEFAULT ''`.execute(db);
  // Serves: the stale count, SELECT count(*) FROM record_readings WHERE rank = 0
  // AND decoder_version <> $current (an index-only scan of one row per record), and
  // reindex's batches, WHERE rank = 0 AND decoder_version <> $current AND record_id > $last
  // ORDER BY record_id. A record's rows are always written together, so rank 0 speaks for all.
  await sql`CREATE INDEX record_readings_version_idx ON record_readings (decoder_version, record_id) WHERE rank = 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX record_readings_version_idx`.execute(db);
  await sql`ALTER TABLE record_readings DROP COLUMN decoder_version`.execute(db);
}
