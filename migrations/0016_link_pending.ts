import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

/** The record columns the link model reads (src/links/links.repository.ts, loadSubjects and the blocking keys). */
const LINKED_COLUMNS = [
  'source', 'full_name', 'surname', 'given_name', 'patronymic', 'birth_year', 'birthplace', 'birthplace_places', 'name_head',
  'arrest_date', 'arrest_date_norm', 'sentence_date', 'sentence_date_norm', 'executed_on', 'executed_on_norm', 'death_date', 'death_date_norm',
];

export async function up(db: Kysely<any>): Promise<void> {
  // Records whose link proposals are out of date: new, or changed in what the
  // link model reads (name, birth, dates, readings). Written by the triggers
  // below in the very transaction that writes the record — an import batch, an
  // approved correction, a reindex — so linking them cannot be lost to a crash;
  // the link job (src/links/link-jobs.ts) and `namebridge link` empty it.
  // `seq` grows with every mark, so a batch removes only the marks it has
  // seen (a record changed again meanwhile stays marked). No foreign key: a
  // deleted record's mark is dropped when it is met, and imports pay no check.
  await sql`CREATE SEQUENCE link_pending_seq`.execute(db);
  await sql`
    CREATE TABLE link_pending (
      record_id bigint PRIMARY KEY,
      seq bigint NOT NULL DEFAULT nextval('link_pending_seq')
    )
  `.execute(db);
  // (The primary key serves the job's claim: ORDER BY record_id LIMIT n FOR UPDATE SKIP LOCKED.)

  const changed = LINKED_COLUMNS.map((c) => `n.${c} IS DISTINCT FROM o.${c}`).join(' OR ');
  await sql
    .raw(
      `CREATE FUNCTION link_pending_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'records' AND TG_OP = 'UPDATE' THEN
          INSERT INTO link_pending (record_id)
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${changed}
            ON CONFLICT (record_id) DO UPDATE SET seq = DEFAULT;
        ELSIF TG_TABLE_NAME = 'records' THEN
          INSERT INTO link_pending (record_id) SELECT id FROM new_rows
            ON CONFLICT (record_id) DO UPDATE SET seq = DEFAULT;
        ELSE
          INSERT INTO link_pending (record_id) SELECT DISTINCT record_id FROM new_rows
            ON CONFLICT (record_id) DO UPDATE SET seq = DEFAULT;
        END IF;
        RETURN NULL;
      END
      $$`,
    )
    .execute(db);
  // Statement triggers with transition tables: one INSERT … SELECT per statement
  // (an import batch), not one per row.
  await sql`
    CREATE TRIGGER records_link_pending_insert AFTER INSERT ON records
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION link_pending_mark()
  `.execute(db);
  await sql`
    CREATE TRIGGER records_link_pending_update AFTER UPDATE ON records
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION link_pending_mark()
  `.execute(db);
  // Readings are rewritten (deleted, inserted) by reindex and by an approved Chinese name.
  await sql`
    CREATE TRIGGER record_readings_link_pending AFTER INSERT ON record_readings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION link_pending_mark()
  `.execute(db);

  // A decided link is never changed by the model: its score and reasons stay
  // what the archivist decided on. When one of its records changes, the new
  // score and reasons are kept beside them, for review (docs/linking.md).
  await sql`
    ALTER TABLE record_links
      ADD COLUMN rescored_score real CHECK (rescored_score >= 0 AND rescored_score <= 1),
      ADD COLUMN rescored_reasons jsonb,
      ADD COLUMN rescored_at timestamptz
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE record_links DROP COLUMN rescored_score, DROP COLUMN rescored_reasons, DROP COLUMN rescored_at`.execute(db);
  await sql`DROP TRIGGER record_readings_link_pending ON record_readings`.execute(db);
  await sql`DROP TRIGGER records_link_pending_update ON records`.execute(db);
  await sql`DROP TRIGGER records_link_pending_insert ON records`.execute(db);
  await sql`DROP FUNCTION link_pending_mark()`.execute(db);
  await sql`DROP TABLE link_pending`.execute(db);
  await sql`DROP SEQUENCE link_pending_seq`.execute(db);
}
