import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { adapter, ensureQueue } from '../../src/imports/job-queue.pgboss.ts';
import { createPostgresCopy, POSTGRES_ONLY, testBackend } from '../helpers/test-database.ts';

/**
 * pg-boss over our pool (src/imports/job-queue.pgboss.ts). Server processes
 * starting together race to create the same queues; pg-boss sends some
 * commands as one `BEGIN; …; COMMIT` text, and the loser's failure must not
 * leave a pooled connection inside an aborted transaction (a cluster worker
 * died of exactly that, "current transaction is aborted", in CI).
 */
describe.skipIf(testBackend() !== 'postgres')(`pg-boss on our pool (${POSTGRES_ONLY}: pg-boss runs only on PostgreSQL)`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    ({ url, drop } = await createPostgresCopy());
    // One connection, so the query after a failure borrows the very connection that failed.
    database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('a command that fails inside its own BEGIN leaves the pooled connection usable', async () => {
    const db = adapter(database.db);
    await expect(db.executeSql('BEGIN; SELECT 1 / 0; COMMIT;', [])).rejects.toThrow(/division by zero/);
    expect((await db.executeSql('SELECT 1 AS one', [])).rows).toEqual([{ one: 1 }]);
  });

  it("inside a caller's transaction a failure is the caller's to roll back", async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await adapter(tx).executeSql('CREATE TEMP TABLE kept (x int)', []);
        await expect(adapter(tx).executeSql('SELECT 1 / 0', [])).rejects.toThrow(/division by zero/);
        // Not rolled back by the adapter: the transaction is still the caller's, and now aborted.
        await adapter(tx).executeSql('SELECT 1', []);
      }),
    ).rejects.toThrow(/current transaction is aborted/);
    expect((await adapter(database.db).executeSql('SELECT 2 AS two', [])).rows).toEqual([{ two: 2 }]);
  });

  it('servers starting together each end with the queue, none with an error', async () => {
    const servers = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const own = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
        const boss = new PgBoss({ db: adapter(own.db), schema: 'pgboss', schedule: false, supervise: false });
        return { own, boss };
      }),
    );
    try {
      await Promise.all(servers.map(({ boss }) => boss.start()));
      await Promise.all(servers.map(({ boss }) => ensureQueue(boss, { name: 'namebridge-race', retryLimit: 1 })));
      for (const { boss } of servers) expect((await boss.getQueue('namebridge-race'))?.name).toBe('namebridge-race');
    } finally {
      for (const { own, boss } of servers) {
        await boss.stop({ graceful: false, close: false, wait: true });
        await own.close();
      }
    }
  }, 60_000);
});
