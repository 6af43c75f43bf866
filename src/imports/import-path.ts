import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Which write path an import takes. The bulk path (import.bulk.ts) pays a fixed
 * cost — staging the whole file, a set-wise classification that reads every
 * staged row against records — that only a large file relative to the table
 * repays; the row path probes the index per batch and stays the faster way to
 * add a small file to a large database (issue 13, point 4).
 *
 * The rule ('auto'): bulk when the file is at least BULK_MIN_BYTES and at least
 * half the size of the records table on disk (pg_relation_size, its heap):
 * a first load, a restore, a large source into a small database, or the same
 * large file again. `--bulk` / `--no-bulk` force either. A dry run always takes
 * the row path: the bulk path's single transaction has nothing to gain there.
 */
export const BULK_MIN_BYTES = 4 * 2 ** 20;

export type BulkChoice = boolean | 'auto';

export async function bulkPathChosen(db: Kysely<DB>, choice: BulkChoice | undefined, file: { bytesTotal?: number | null; dryRun?: boolean }): Promise<boolean> {
  if (file.dryRun || choice === false) return false;
  if (choice === true) return true;
  const bytes = file.bytesTotal ?? 0;
  if (bytes < BULK_MIN_BYTES) return false;
  const { rows } = await sql<{ size: string }>`SELECT pg_relation_size('records')::text AS size`.execute(db);
  return bytes * 2 >= Number(rows[0]?.size ?? 0);
}
