import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Every distinct first word of records.name_latin (the surname as the
  // surname-word probe sees it: split_part(name_latin, ' ', 1)). The misspelt-name
  // probe (src/search/probe-queries.ts lexiconProbeSql) finds the surnames close to
  // a query word here, then their records through records_name_surname_id_idx:
  // a trigram probe of all records' names read every Ivanov for «Иваноф Иван»
  // (110,274 candidates rechecked at 3,100,000 records, 1.3 s). Words of deleted or
  // renamed records stay: a stale word costs one index probe that finds nothing.
  await sql`CREATE TABLE surname_lexicon (word text PRIMARY KEY CHECK (word <> ''))`.execute(db);
  // (The primary key serves the triggers' ON CONFLICT DO NOTHING.)
  await sql`
    INSERT INTO surname_lexicon (word)
    SELECT DISTINCT split_part(name_latin, ' ', 1) FROM records WHERE split_part(name_latin, ' ', 1) <> ''
  `.execute(db);
  // Serves the misspelt-name probe: WHERE word % $word ORDER BY similarity(word, $word) DESC, word LIMIT 20.
  await sql`CREATE INDEX surname_lexicon_word_trgm_idx ON surname_lexicon USING gin (word gin_trgm_ops)`.execute(db);
  // Its statistics now, not when autovacuum comes by: the probe's plan depends on the lexicon's size.
  await sql`ANALYZE surname_lexicon`.execute(db);

  // Kept by statement triggers with transition tables, so no write path has to
  // know: one INSERT … SELECT DISTINCT per statement (an import batch, the bulk
  // move's one INSERT … SELECT, a correction's UPDATE), not one per row. Words
  // are inserted in order: two writers adding the same new words then wait on
  // each other's transaction in the same order, never in a cycle.
  await sql`
    CREATE FUNCTION surname_lexicon_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO surname_lexicon (word)
        SELECT DISTINCT split_part(name_latin, ' ', 1) AS word FROM new_rows
        WHERE split_part(name_latin, ' ', 1) <> '' ORDER BY word
        ON CONFLICT (word) DO NOTHING;
      RETURN NULL;
    END
    $$
  `.execute(db);
  // PostgreSQL allows transition tables only on single-event triggers without a
  // column list, hence two triggers and every UPDATE; an update that keeps the
  // name finds its word already there (one primary-key probe per distinct word).
  await sql`
    CREATE TRIGGER records_surname_lexicon_insert AFTER INSERT ON records
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION surname_lexicon_add()
  `.execute(db);
  await sql`
    CREATE TRIGGER records_surname_lexicon_update AFTER UPDATE ON records
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION surname_lexicon_add()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER records_surname_lexicon_update ON records`.execute(db);
  await sql`DROP TRIGGER records_surname_lexicon_insert ON records`.execute(db);
  await sql`DROP FUNCTION surname_lexicon_add()`.execute(db);
  await sql`DROP TABLE surname_lexicon`.execute(db);
}
