import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Archivist and admin accounts. Nobody else has one: the public submits
  // corrections without an account. password_hash is "scrypt$N$r$p$salt$hash".
  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
      display_name text CHECK (length(display_name) BETWEEN 1 AND 200),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('archivist', 'admin')),
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    )
  `.execute(db);
  // Serves: login and CLI lookups, WHERE lower(email) = lower($1); and makes
  // emails unique without regard to case (Ann@x.org and ann@x.org are one person).
  await sql`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`.execute(db);

  // API tokens. Only the sha256 of a token is stored; `prefix` is its first
  // characters, not secret, so a token can be listed and revoked by prefix.
  await sql`
    CREATE TABLE api_tokens (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      prefix text NOT NULL,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )
  `.execute(db);
  // Serves: authentication of every Bearer request, WHERE token_hash = $1.
  await sql`CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash)`.execute(db);
  // Serves: `token revoke PREFIX`, WHERE prefix LIKE $1 || '%' (text_pattern_ops
  // so a prefix match uses the index under any collation).
  await sql`CREATE INDEX api_tokens_prefix_idx ON api_tokens (prefix text_pattern_ops)`.execute(db);
  // Serves: ON DELETE CASCADE from users, and listing one user's tokens.
  await sql`CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id)`.execute(db);

  // Web sessions. The cookie holds a random id; only its sha256 is stored, so a
  // copy of this table opens no session. csrf_token is the per-session token
  // every cookie-authenticated form post must echo.
  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )
  `.execute(db);
  // Serves: ON DELETE CASCADE from users, and ending every session of a user.
  await sql`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`.execute(db);
  // Serves: purging expired sessions, DELETE … WHERE expires_at < now().
  await sql`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`.execute(db);

  // Corrections proposed by the public. The row holds the derived current
  // status (pending → approved | rejected, once); what happened and when is in
  // the append-only record_events, written in the same transaction. Submitter
  // contacts live here only: never in record_events, never in a public response.
  await sql`
    CREATE TABLE corrections (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('chinese-name', 'field')),
      hanzi text CHECK (length(hanzi) BETWEEN 1 AND 6),
      pinyin text CHECK (length(pinyin) BETWEEN 1 AND 200),
      field text,
      value text,
      evidence text NOT NULL CHECK (length(evidence) BETWEEN 1 AND 10000),
      submitter_name text CHECK (length(submitter_name) <= 200),
      submitter_email text CHECK (length(submitter_email) <= 320),
      client_hash text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      decided_by text,
      decided_at timestamptz,
      decision_reason text CHECK (length(decision_reason) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (
        (kind = 'chinese-name' AND (hanzi IS NOT NULL OR pinyin IS NOT NULL) AND field IS NULL AND value IS NULL)
        OR (kind = 'field' AND field IS NOT NULL AND value IS NOT NULL AND hanzi IS NULL AND pinyin IS NULL)
      ),
      CHECK ((status = 'pending') = (decided_at IS NULL) AND (status = 'pending') = (decided_by IS NULL))
    )
  `.execute(db);
  // Serves: the moderation queue, WHERE status = $1 AND id > $cursor ORDER BY id LIMIT n.
  await sql`CREATE INDEX corrections_status_id_idx ON corrections (status, id)`.execute(db);
  // Serves: a record's corrections in its public history (WHERE record_id = $1
  // ORDER BY id), and ON DELETE CASCADE from records.
  await sql`CREATE INDEX corrections_record_id_idx ON corrections (record_id, id)`.execute(db);

  // attested_names.correction_id (0002) had no foreign key: corrections did not exist yet.
  await sql`
    ALTER TABLE attested_names ADD CONSTRAINT attested_names_correction_id_fkey
      FOREIGN KEY (correction_id) REFERENCES corrections (id) ON DELETE SET NULL
  `.execute(db);
  // Serves: the foreign key above (ON DELETE SET NULL from corrections), and
  // guarantees one attested name per approved correction.
  await sql`CREATE UNIQUE INDEX attested_names_correction_id_key ON attested_names (correction_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX attested_names_correction_id_key`.execute(db);
  await sql`ALTER TABLE attested_names DROP CONSTRAINT attested_names_correction_id_fkey`.execute(db);
  await sql`DROP TABLE corrections`.execute(db);
  await sql`DROP TABLE sessions`.execute(db);
  await sql`DROP TABLE api_tokens`.execute(db);
  await sql`DROP TABLE users`.execute(db);
}
