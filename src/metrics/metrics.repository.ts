import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Import jobs per status and the rows they have read, in one pass over import_jobs (one row per import: small). */
export async function readImportTotals(db: Kysely<DB>): Promise<{ jobs: Record<string, number>; rowsRead: number }> {
  const { rows } = await sql<{ status: string; jobs: string; rows_read: string }>`
    SELECT status, count(*) AS jobs, coalesce(sum(rows_read), 0) AS rows_read FROM import_jobs GROUP BY status
  `.execute(db);
  return {
    jobs: Object.fromEntries(rows.map((r) => [r.status, Number(r.jobs)])),
    rowsRead: rows.reduce((n, r) => n + Number(r.rows_read), 0),
  };
}
