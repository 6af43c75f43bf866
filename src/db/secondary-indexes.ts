import { CompiledQuery, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Drop a table's secondary indexes before a bulk load and rebuild them after,
 * as pg_restore does: building an index once over N rows is several times
 * cheaper than maintaining it through N inserts.
 *
 * Crash safety: everything runs inside the caller's transaction. DDL is
 * transactional in PostgreSQL (and PGlite), so a crash, a kill or an error at
 * any point between the drop and the commit rolls the drop back with the load:
 * the indexes are as they were, and no "indexes pending" state can exist. The
 * price is that DROP INDEX holds an ACCESS EXCLUSIVE lock on the table until
 * the commit: readers of that table wait for the load. Use it on an empty or
 * nearly empty table (a first load, a restore), never under a live search.
 *
 * "Secondary" is read from the catalog: every index of the table except the
 * primary key and indexes that back a constraint (unique, exclusion). Unique
 * indexes created with CREATE UNIQUE INDEX count as secondary: their rebuild
 * re-checks uniqueness, so a load that broke it fails and rolls back. The
 * rebuild uses the catalog's own definitions (pg_get_indexdef) and comments.
 */
export interface SecondaryIndex {
  name: string;
  table: string;
  /** CREATE [UNIQUE] INDEX … as pg_get_indexdef gives it. */
  definition: string;
  comment: string | null;
}

/** A query inside an open transaction (a pg client after BEGIN, or a Kysely transaction: see kyselyQuery). */
export type TransactionQuery = <R = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<R[]>;

export const kyselyQuery =
  (trx: Transaction<DB>): TransactionQuery =>
  async <R>(text: string, params: readonly unknown[] = []) =>
    (await trx.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;

const LIST_SQL = `
SELECT c.relname AS name, t.relname AS "table", pg_get_indexdef(i.indexrelid) AS definition,
       obj_description(i.indexrelid, 'pg_class') AS comment
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = current_schema() AND t.relname = ANY ($1::text[])
  AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
ORDER BY t.relname, c.relname`;

export async function listSecondaryIndexes(query: TransactionQuery, tables: readonly string[]): Promise<SecondaryIndex[]> {
  return query<SecondaryIndex>(LIST_SQL, [tables]);
}

/** Refuses to run outside a transaction block: a committed drop would leave the tables without their indexes. */
async function assertInTransaction(query: TransactionQuery): Promise<void> {
  // SAVEPOINT is an error outside a transaction block, on PostgreSQL and PGlite alike
  // (timestamps are no test: PGlite's autocommit statements differ from their transaction's).
  try {
    await query(`SAVEPOINT nb_secondary_indexes`);
  } catch (err) {
    throw new Error('secondary indexes may only be dropped inside a transaction (the rebuild must commit with the drop)', { cause: err });
  }
  await query(`RELEASE SAVEPOINT nb_secondary_indexes`);
}

/** Drops the tables' secondary indexes in the caller's transaction and returns them for rebuildSecondaryIndexes. */
export async function dropSecondaryIndexes(query: TransactionQuery, tables: readonly string[]): Promise<SecondaryIndex[]> {
  await assertInTransaction(query);
  const indexes = await listSecondaryIndexes(query, tables);
  for (const index of indexes) await query(`DROP INDEX ${quoteIdent(index.name)}`);
  return indexes;
}

export interface RebuildOptions {
  /** maintenance_work_mem for the builds (SET LOCAL: this transaction only). */
  maintenanceWorkMem?: string;
  /** Parallel workers per build where PostgreSQL offers them (b-tree builds; GIN from PostgreSQL 18). */
  parallelWorkers?: number;
  /** Called before each build (progress: "index build"). */
  onIndex?: (index: SecondaryIndex, done: number, total: number) => void;
}

export const DEFAULT_MAINTENANCE_WORK_MEM = '160MB';

/** Recreates indexes from their catalog definitions, in the caller's transaction. */
export async function rebuildSecondaryIndexes(query: TransactionQuery, indexes: readonly SecondaryIndex[], options: RebuildOptions = {}): Promise<void> {
  if (indexes.length === 0) return;
  await query(`SET LOCAL maintenance_work_mem = '${memorySetting(options.maintenanceWorkMem ?? DEFAULT_MAINTENANCE_WORK_MEM)}'`);
  await query(`SET LOCAL max_parallel_maintenance_workers = ${Math.max(0, Math.trunc(options.parallelWorkers ?? 2))}`);
  for (const [i, index] of indexes.entries()) {
    options.onIndex?.(index, i, indexes.length);
    await query(index.definition);
    if (index.comment !== null) await query(`COMMENT ON INDEX ${quoteIdent(index.name)} IS ${quoteLiteral(index.comment)}`);
  }
}

/**
 * Drop, run the load, rebuild — all in the caller's transaction (see the top of
 * this file for why that makes it crash-safe). Returns the load's result.
 */
export async function withSecondaryIndexesDropped<T>(
  query: TransactionQuery,
  tables: readonly string[],
  load: () => Promise<T>,
  options: RebuildOptions = {},
): Promise<T> {
  const dropped = await dropSecondaryIndexes(query, tables);
  const result = await load();
  await rebuildSecondaryIndexes(query, dropped, options);
  return result;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

function memorySetting(value: string): string {
  if (!/^\d+\s*(kB|MB|GB)$/.test(value)) throw new Error(`maintenance_work_mem must look like 256MB, not "${value}"`);
  return value;
}
