import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { dropForeignKeys, dropSecondaryIndexes, kyselyQuery, restoreForeignKeys, listSecondaryIndexes, withSecondaryIndexesDropped } from '../../src/db/secondary-indexes.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/** Drop and rebuild of secondary indexes (src/db/secondary-indexes.ts), on PostgreSQL and PGlite. */
const TABLES = ['records', 'record_events', 'record_readings'];
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Every index of the tables as the catalog defines it, primary keys included. */
async function catalog(): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
    WHERE t.relname IN ('records', 'record_events', 'record_readings') ORDER BY 1`.execute(database.db);
  return rows.map((r) => r.def);
}

describe('secondary indexes', () => {
  it('are every index of the tables but the primary keys, read from the catalog', async () => {
    const all = await catalog();
    const secondary = await database.db.transaction().execute((trx) => listSecondaryIndexes(kyselyQuery(trx), TABLES));
    const names = secondary.map((s) => s.name);
    expect(names).toContain('records_source_external_id_key');
    expect(names).toContain('records_name_surname_id_idx');
    expect(names).toContain('record_readings_key_idx');
    expect(names.some((n) => n.endsWith('_pkey'))).toBe(false);
    // The three primary keys are the only indexes left out.
    expect(all.length - secondary.length).toBe(3);
    expect(all).toEqual(expect.arrayContaining(secondary.map((s) => s.definition)));
  });

  it('come back exactly as defined after a drop, a load and a rebuild in one transaction', async () => {
    const before = await catalog();
    const seen = await database.db.transaction().execute(async (trx) => {
      const query = kyselyQuery(trx);
      return withSecondaryIndexesDropped(query, TABLES, async () => {
        const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'records'`.execute(trx);
        return Number(rows[0]!.n);
      });
    });
    expect(seen).toBe(1); // only the primary key while the load runs
    expect(await catalog()).toEqual(before);
  });

  it('are all still there when the transaction that dropped them fails', async () => {
    const before = await catalog();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await dropSecondaryIndexes(kyselyQuery(trx), TABLES);
        throw new Error('crash mid-load');
      }),
    ).rejects.toThrow('crash mid-load');
    expect(await catalog()).toEqual(before);
  });

  it('a rebuilt unique index that the load broke fails the whole transaction, indexes and rows as before', async () => {
    const before = await catalog();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await withSecondaryIndexesDropped(kyselyQuery(trx), TABLES, async () => {
          await sql`INSERT INTO records (source, external_id, full_name) VALUES ('dup', '1', 'A'), ('dup', '1', 'B')`.execute(trx);
        });
      }),
    ).rejects.toThrow(/duplicate|unique/i);
    expect(await catalog()).toEqual(before);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM records WHERE source = 'dup'`.execute(database.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('foreign keys dropped for a load come back as defined, and a broken one fails the transaction', async () => {
    const keys = async () =>
      (await sql<{ def: string }>`SELECT conname || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' ORDER BY 1`.execute(database.db)).rows.map((r) => r.def);
    const before = await keys();
    await database.db.transaction().execute(async (trx) => {
      const dropped = await dropForeignKeys(kyselyQuery(trx), ['record_events', 'record_readings']);
      expect(dropped.map((k) => k.name).sort()).toEqual(['record_events_record_id_fkey', 'record_readings_record_id_fkey']);
      await restoreForeignKeys(kyselyQuery(trx), dropped);
    });
    expect(await keys()).toEqual(before);
    await expect(
      database.db.transaction().execute(async (trx) => {
        const dropped = await dropForeignKeys(kyselyQuery(trx), ['record_events']);
        await sql`INSERT INTO record_events (record_id, kind, actor) VALUES (987654321, 'x', 'test')`.execute(trx);
        await restoreForeignKeys(kyselyQuery(trx), dropped);
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await keys()).toEqual(before);
  });

  it('refuses to drop outside a transaction (a committed drop would leave the tables bare)', async () => {
    const before = await catalog();
    const query = kyselyQuery(database.db as never);
    await expect(dropSecondaryIndexes(query, TABLES)).rejects.toThrow(/inside a transaction/);
    expect(await catalog()).toEqual(before);
  });
});
