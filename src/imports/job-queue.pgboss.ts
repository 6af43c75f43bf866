import os from 'node:os';
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../shared/logger.ts';
import type { JobQueue } from './job-queue.ts';

/**
 * One queue per host: an upload's file is in that host's DATA_DIR/spool, so
 * only that host's processes can run it (docs/importing.md: several machines).
 */
const QUEUE = `namebridge-import-${os.hostname().replace(/[^\w-]/g, '_')}`;

/**
 * Uploads' jobs on PostgreSQL, through pg-boss (why pg-boss: docs/importing.md).
 * pg-boss reaches the database through our Kysely pool, so sending a message
 * can join the transaction that creates the import job.
 *
 * A message only says which import job to run; the runner claims the job in
 * import_jobs with a guarded UPDATE, so a message delivered twice (a retry
 * after its worker died, a resume sent at start) runs the import at most once
 * at a time and never reopens a finished job. Messages of a worker killed
 * mid-import are retried by pg-boss after `expireInSeconds`; a server start
 * resumes its own host's jobs at once (import.runner.ts).
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private boss: PgBoss | undefined;
  private starting: Promise<PgBoss> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Logger,
  ) {}

  async enqueue(db: Kysely<DB>, jobId: number): Promise<void> {
    const boss = await this.open();
    await boss.send(QUEUE, { importJobId: jobId }, { db: adapter(db) });
  }

  wake(): void {
    // pg-boss polls every second; nothing to hurry.
  }

  async start(run: (jobId: number) => Promise<void>): Promise<void> {
    const boss = await this.open();
    await boss.work<{ importJobId: number }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await run(job.data.importJobId);
    });
  }

  async stop(): Promise<void> {
    const boss = await this.starting?.catch(() => undefined);
    // Graceful: waits for the import being run (the runner has already asked it to stop).
    await boss?.stop({ graceful: true, wait: true, close: false, timeout: 60_000 });
  }

  /** Starts pg-boss once (installing or migrating its schema under its own advisory lock) and makes the queue. */
  private open(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({ db: adapter(this.db), schema: 'pgboss', schedule: false });
      boss.on('error', (err) => this.logger.warn({ err }, 'pg-boss'));
      await boss.start();
      // Retries are for a worker that died mid-import; the runner decides whether there is anything left to do.
      await ensureQueue(boss, { name: QUEUE, retryLimit: 20, retryDelay: 30, expireInSeconds: 15 * 60 });
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }
}

/**
 * pg-boss's database interface over a Kysely handle (the pool, or a transaction).
 *
 * Some of pg-boss's commands are one text `BEGIN; …; COMMIT` (creating a queue,
 * installing its schema). When one fails half-way (two servers creating the same
 * queue), the pooled connection is left inside an aborted transaction, and the
 * next query to borrow it fails with "current transaction is aborted". So on the
 * pool a failed command is rolled back on its own connection before the
 * connection goes back; inside a caller's transaction the caller decides.
 */
export function adapter(db: Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const query = CompiledQuery.raw(text, values);
      if (db.isTransaction) return { rows: (await db.executeQuery(query)).rows as unknown[] };
      return db.connection().execute(async (connection) => {
        try {
          return { rows: (await connection.executeQuery(query)).rows as unknown[] };
        } catch (err) {
          await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
          throw err;
        }
      });
    },
  };
}

/**
 * Creates the queue unless it exists. Server processes starting together race to
 * create it: pg-boss makes a partition table per queue, and the loser sees a
 * duplicate or a deadlock while the winner's transaction is still open. So a
 * failure is tried again, a little later, until the queue is there.
 */
export async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue, withinMs = 30_000): Promise<void> {
  const until = Date.now() + withinMs;
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(queue.name)) return;
    try {
      return await boss.createQueue(queue.name, queue);
    } catch (err) {
      if (Date.now() > until) {
        if (await boss.getQueue(queue.name)) return;
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1_000)));
    }
  }
}
