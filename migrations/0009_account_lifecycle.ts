import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // API tokens expire (`token create --expires-days N`, default 365). Tokens
  // made before had no end: they get a year from their creation, but at least
  // 30 days from this migration, so an upgrade never cuts off a script at once.
  // No index: a token is found by token_hash (api_tokens_token_hash_key) and its
  // expiry is checked on that one row; one user's tokens by api_tokens_user_id_idx.
  await sql`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`.execute(db);
  await sql`
    UPDATE api_tokens SET expires_at = greatest(created_at + interval '365 days', now() + interval '30 days')
  `.execute(db);
  await sql`ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL`.execute(db);
  await sql`ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_expires_after_created CHECK (expires_at > created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE api_tokens DROP COLUMN expires_at`.execute(db);
}
