import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Derived search columns on the record, computed in TypeScript on every write
  // (src/search/search-fields.ts): the name as a Latin skeleton (Cyrillic
  // transliterated, ё→е, lower case, letters and spaces only) for plain
  // Russian/Latvian/Polish names, and the gazetteer ids of Chinese places found
  // in the birthplace.
  await sql`ALTER TABLE records ADD COLUMN name_latin text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE records ADD COLUMN birthplace_places text[] NOT NULL DEFAULT '{}'`.execute(db);

  // Surname and given name of the Latin skeleton, as people type them first.
  await sql`
    ALTER TABLE records ADD COLUMN name_head text
    GENERATED ALWAYS AS (split_part(name_latin, ' ', 1) || ' ' || split_part(name_latin, ' ', 2)) STORED
  `.execute(db);
  // Serves: plain-name lookup, WHERE name_head = ANY($heads) — "Pavlov Nikolai" in either order.
  await sql`CREATE INDEX records_name_head_idx ON records (name_head)`.execute(db);
  // Serves: plain-name fallback on the surname alone, WHERE split_part(name_latin, ' ', 1) = ANY($words).
  await sql`CREATE INDEX records_name_surname_idx ON records ((split_part(name_latin, ' ', 1)))`.execute(db);
  // Serves: the last fallback for misspelt plain names, WHERE name_latin % $q (pg_trgm
  // similarity), only when the exact probes found little; and the pg_trgm baseline of `npm run eval`.
  await sql`CREATE INDEX records_name_latin_trgm_idx ON records USING gin (name_latin gin_trgm_ops)`.execute(db);
  // Serves: the birthplace filter, WHERE birthplace_places && ARRAY[$place].
  await sql`CREATE INDEX records_birthplace_places_idx ON records USING gin (birthplace_places)`.execute(db);
  // Serves: the birth-year filter when it is the most selective condition.
  await sql`CREATE INDEX records_birth_year_idx ON records (birth_year)`.execute(db);

  // Names attested by people who knew them (approved corrections): characters and
  // pinyin. The recorded Cyrillic is never changed; these stand beside it.
  await sql`
    CREATE TABLE attested_names (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      hanzi text,
      pinyin text NOT NULL,
      evidence text NOT NULL,
      correction_id bigint,
      approved_by text NOT NULL,
      approved_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  // Serves: attested names of a record (record page, readings recomputation).
  await sql`CREATE INDEX attested_names_record_id_idx ON attested_names (record_id)`.execute(db);

  // Candidate Chinese readings of each record, as index keys (contract in
  // docs/transliteration.md): `key` exact toneless pinyin ("wang xi xiang"),
  // `phonetic` the coarse class key where confusable spellings collide, and the
  // same two for the surname alone. Decoded readings come from the record's
  // Cyrillic; attested ones from approved corrections and rank above them.
  await sql`
    CREATE TABLE record_readings (
      record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      rank smallint NOT NULL,
      origin text NOT NULL CHECK (origin IN ('decoded', 'attested')),
      key text NOT NULL,
      phonetic text NOT NULL,
      surname_key text NOT NULL,
      surname_phonetic text NOT NULL,
      phonetic_pairs text[] NOT NULL DEFAULT '{}',
      cost real NOT NULL,
      PRIMARY KEY (record_id, rank)
    )
  `.execute(db);
  // Serves: exact candidate lookup, WHERE key = ANY($keys).
  await sql`CREATE INDEX record_readings_key_idx ON record_readings (key)`.execute(db);
  // Serves: phonetic candidate lookup, WHERE phonetic = ANY($phonetic) — most
  // spelling variants and mishearings collide here.
  await sql`CREATE INDEX record_readings_phonetic_idx ON record_readings (phonetic)`.execute(db);
  // Serves: fuzzy candidate lookup (a syllable missing, added or far off),
  // WHERE phonetic_pairs && $pairs: every ordered pair of the reading's phonetic
  // syllables ("uan si", "uan sian", "si sian"), so two syllables in common
  // find a record. (A trigram index on the short phonetic keys was tried: its
  // trigrams are so common that the planner rightly prefers a scan.)
  await sql`CREATE INDEX record_readings_phonetic_pairs_idx ON record_readings USING gin (phonetic_pairs)`.execute(db);
  // Serves: surname-only queries (王, "Wang"), WHERE surname_phonetic = $s
  // ORDER BY cost, record_id LIMIT n.
  await sql`CREATE INDEX record_readings_surname_idx ON record_readings (surname_phonetic, cost, record_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE record_readings`.execute(db);
  await sql`DROP TABLE attested_names`.execute(db);
  await sql`DROP INDEX records_birth_year_idx`.execute(db);
  await sql`ALTER TABLE records DROP COLUMN name_head`.execute(db);
  await sql`ALTER TABLE records DROP COLUMN birthplace_places`.execute(db);
  await sql`ALTER TABLE records DROP COLUMN name_latin`.execute(db);
}
