import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Takes Kysely<any> and imports no application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Rate-limit counts (login attempts, public correction submissions) per
  // limiter and client address: one fixed window per key, from its first hit.
  // Here rather than in process memory so that every server process (cluster
  // workers, several machines) enforces one limit. UNLOGGED: counts that
  // expire within minutes need no crash safety or replication.
  await sql`
    CREATE UNLOGGED TABLE rate_limits (
      key text PRIMARY KEY,
      hits integer NOT NULL,
      reset_at timestamptz NOT NULL
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE rate_limits`.execute(db);
}
