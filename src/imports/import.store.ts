import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/**
 * The one place the two write paths differ. PostgreSQL with a known URL: a
 * dedicated pg client and COPY into the staging tables. PGlite (which cannot
 * COPY from a Node stream), or PostgreSQL reached only through Kysely: one
 * INSERT … SELECT FROM json_populate_recordset per table per batch. Everything
 * else (the set-based upsert) is the same SQL on both.
 */
export interface ImportSession {
  /** 'copy': rows can be COPYed straight into the real tables (see writeBatch's direct path). */
  kind: 'copy' | 'insert';
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Appends rows to a table: values in `columns` order, where a value may be
   * fields encoded earlier by the store's `encode` (they stand for as many columns).
   */
  load(table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<void>;
}

/**
 * Consecutive fields of a row, encoded once when the row is read. The COPY
 * path keeps them as one UTF-8 COPY fragment (off the V8 heap, about half the
 * size of the strings it replaces, and reused for the staging table and for
 * the records table); the INSERT path keeps the values.
 */
export type EncodedFields = CopyFields | PlainFields;

export class CopyFields {
  constructor(readonly bytes: Buffer) {}
}

export class PlainFields {
  constructor(readonly values: readonly unknown[]) {}
}

export interface ImportStore {
  kind: 'copy' | 'insert';
  /** Fields as this store will write them (see EncodedFields). */
  encode(values: readonly unknown[]): EncodedFields;
  /** One transaction; `rollback` runs it and undoes everything (dry runs). */
  transaction<T>(fn: (s: ImportSession) => Promise<T>, options?: { rollback?: boolean }): Promise<T>;
  close(): Promise<void>;
}

/** Staging DDL, created once per database session (temp tables, emptied at every commit). */
export type StagingDdl = readonly string[];

export async function openImportStore(database: Database, ddl: StagingDdl, connectionString?: string): Promise<ImportStore> {
  if (database.backend === 'postgres' && connectionString) return openCopyStore(connectionString, ddl);
  return kyselyStore(database.db, ddl);
}

async function openCopyStore(connectionString: string, ddl: StagingDdl): Promise<ImportStore> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined); // a dropped connection fails the running query instead
  await client.connect();
  for (const statement of ddl) await client.query(statement);
  // This connection only writes import batches. A batch's COMMIT need not wait
  // for its WAL flush: after every batch the job's progress is saved on another
  // connection with a synchronous commit, which flushes the WAL up to and past
  // it, and the job is only marked succeeded the same way. A database crash can
  // lose at most the last batch's acknowledgement, never part of a batch, and
  // its job is then failed and re-run (committed rows come back unchanged).
  await client.query(`SET synchronous_commit = off`);
  const session: ImportSession = {
    kind: 'copy',
    query: async (text, params) => (await client.query(text, params as unknown[])).rows,
    async load(table, columns, rows) {
      if (rows.length === 0) return;
      const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from(copyChunks(rows), { objectMode: false }), copy);
    },
  };
  return {
    kind: 'copy',
    encode: (values) => new CopyFields(Buffer.from(values.map(copyValue).join('\t'))),
    async transaction(fn, options) {
      await client.query(options?.rollback ? 'BEGIN READ ONLY' : 'BEGIN');
      try {
        const result = await fn(session);
        await client.query(options?.rollback ? 'ROLLBACK' : 'COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    close: () => client.end(),
  };
}

class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rollback');
  }
}

function kyselyStore(db: Kysely<DB>, ddl: StagingDdl): ImportStore {
  return {
    kind: 'insert',
    encode: (values) => new PlainFields(values),
    async transaction(fn, options) {
      try {
        return await db.transaction().execute(async (trx) => {
          const query = async <R>(text: string, params: readonly unknown[] = []) =>
            (await trx.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
          // A pooled connection may be new to us: make sure its temp tables exist.
          for (const statement of ddl) await query(statement.replace(/^SET /, 'SET LOCAL '));
          const session: ImportSession = {
            kind: 'insert',
            query,
            async load(table, columns, rows) {
              if (rows.length === 0) return;
              const objects = rows.map((row) => {
                const values = row.flatMap((v) => {
                  if (v instanceof CopyFields) throw new Error('fields encoded for COPY reached the INSERT path');
                  return v instanceof PlainFields ? v.values : [v];
                });
                return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null]));
              });
              await query(
                `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)`,
                [JSON.stringify(objects)],
              );
            },
          };
          const result = await fn(session);
          if (options?.rollback) throw new Rollback(result);
          return result;
        });
      } catch (err) {
        if (err instanceof Rollback) return err.result as never;
        throw err;
      }
    },
    close: async () => undefined,
  };
}

/**
 * COPY text format in UTF-8 chunks of about 64 KiB. No large strings on purpose:
 * a string over ~128 KiB lands in V8's large-object space, which only a full GC
 * frees (the 256 KiB text chunks used before left ~10 MB of such garbage per batch).
 */
const CHUNK_BYTES = 64 * 1024;
function* copyChunks(rows: ReadonlyArray<readonly unknown[]>): Generator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  let text = '';
  const takeText = () => {
    if (text === '') return;
    const bytes = Buffer.from(text);
    parts.push(bytes);
    size += bytes.length;
    text = '';
  };
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) text += '\t';
      const value = row[i];
      if (value instanceof CopyFields) {
        takeText();
        parts.push(value.bytes);
        size += value.bytes.length;
      } else if (value instanceof PlainFields) {
        text += value.values.map(copyValue).join('\t');
      } else {
        text += copyValue(value);
      }
    }
    text += '\n';
    if (size + text.length >= CHUNK_BYTES) {
      takeText();
      yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  takeText();
  if (size > 0) yield Buffer.concat(parts, size);
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return escapeCopy(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof value === 'object') return escapeCopy(JSON.stringify(value));
  return escapeCopy(String(value));
}

const COPY_SPECIAL = /[\\\t\n\r]/;
function escapeCopy(text: string): string {
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
