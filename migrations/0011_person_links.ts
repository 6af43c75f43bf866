import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // A proposed link between two records that may be one person, scored by the
  // link model (src/links/link.model.ts). Records are never merged: a link only
  // joins two rows, each kept as its source wrote it. The pair is stored once,
  // smaller id first. `status` is the current decision; every decision is also
  // an event in both records' history (record_events).
  await sql`
    CREATE TABLE record_links (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      record_a bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      record_b bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      score real NOT NULL CHECK (score >= 0 AND score <= 1),
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      model text NOT NULL,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected', 'unlinked')),
      automatic boolean NOT NULL DEFAULT false,
      decided_by text,
      decided_at timestamptz,
      decision_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (record_a < record_b)
    )
  `.execute(db);
  // Serves: proposing a pair once (INSERT … ON CONFLICT (record_a, record_b)), and
  // the links of one record by its smaller side (WHERE record_a = $1).
  await sql`CREATE UNIQUE INDEX record_links_pair_key ON record_links (record_a, record_b)`.execute(db);
  // Serves: the links of one record by its larger side (WHERE record_b = $1).
  await sql`CREATE INDEX record_links_record_b_idx ON record_links (record_b)`.execute(db);
  // Serves: the review queue, GET /api/links?status=&minScore= —
  // WHERE status = $1 AND score >= $2 ORDER BY score DESC, id; and counting open proposals.
  await sql`CREATE INDEX record_links_queue_idx ON record_links (status, score DESC, id)`.execute(db);

  // The person each linked record belongs to: the connected component of its
  // confirmed links, named by the smallest record id in it. Derived from
  // record_links (rebuilt for the records a decision touches); a record with no
  // confirmed link has no row here.
  await sql`
    CREATE TABLE record_persons (
      record_id bigint PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
      person_id bigint NOT NULL
    )
  `.execute(db);
  // Serves: the records of one person, WHERE person_id = $1 (GET /api/persons/:id,
  // the person's record count on search results).
  await sql`CREATE INDEX record_persons_person_idx ON record_persons (person_id)`.execute(db);

  // Where a `link` run over the whole database (or one source) has got to, so an
  // interrupted run resumes after the last committed batch.
  await sql`
    CREATE TABLE link_runs (
      scope text PRIMARY KEY,
      after_id bigint NOT NULL DEFAULT 0,
      model text NOT NULL,
      pairs_scored bigint NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);

  // Blocking keys of the link run (src/links/link.subject.ts, blockingKeys): a
  // reading's phonetic key with a birth-year band, or with a birthplace for
  // records whose year is missing. Derived and disposable — a full `link` run
  // rebuilds it, an import's follow-up adds its new records — so UNLOGGED.
  await sql`
    CREATE UNLOGGED TABLE link_keys (
      key text NOT NULL,
      record_id bigint NOT NULL,
      birth_year smallint
    )
  `.execute(db);
  // Serves: the blocking probe, WHERE key = $k AND record_id < $id (LIMIT n).
  await sql`CREATE INDEX link_keys_key_idx ON link_keys (key, record_id)`.execute(db);

  // Serves: the link blocking probe for names that have no Chinese reading,
  // WHERE name_head = $head AND birth_year BETWEEN $y - 1 AND $y + 1.
  await sql`CREATE INDEX records_name_head_year_idx ON records (name_head, birth_year)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX records_name_head_year_idx`.execute(db);
  await sql`DROP TABLE link_keys`.execute(db);
  await sql`DROP TABLE link_runs`.execute(db);
  await sql`DROP TABLE record_persons`.execute(db);
  await sql`DROP TABLE record_links`.execute(db);
}
