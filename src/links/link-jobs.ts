import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import { adapter, ensureQueue } from '../imports/job-queue.pgboss.ts';
import type { Logger } from '../shared/logger.ts';
import { countPending } from './link-pending.repository.ts';
import { linkPending } from './link-run.service.ts';

/**
 * The link job: proposing links for records new or changed since they were
 * last linked, off the path of whatever changed them (an import, an approved
 * correction, a reindex). What is to be done is durable on its own — the
 * records are marked in link_pending by triggers, in the transaction that
 * writes them — so the queue only says "link the marked records now":
 * - PostgreSQL: a pg-boss queue of its own (policy `short`: at most one job
 *   waits; any server process takes it). A server start queues one when marks
 *   are left (a crash after an import committed, a CLI import with no server).
 * - PGlite (one process): link_pending is the queue, looked at every few seconds.
 * A job claims marks with SKIP LOCKED, a batch per transaction, so jobs in
 * several processes share the work, and one stopped mid-way leaves the rest marked.
 */

const QUEUE = 'namebridge-link';
const POLL_MS = 2_000;

export interface LinkJobOptions {
  autoConfirmScore?: number | undefined;
}

export class LinkJobs {
  private boss: Promise<PgBoss> | undefined;
  private started = false;
  private stopping = false;
  private busy = false;
  private again = false;
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly options: LinkJobOptions,
  ) {}

  /** After a write that marked records has committed: a job will link them (here, in a server, or at the next start). */
  async enqueue(): Promise<void> {
    if (this.database.backend !== 'postgres') return this.wake();
    const boss = await this.open();
    await boss.send(QUEUE, {}, { singletonKey: 'pending' });
  }

  /** Takes link jobs in this process (a server); marks left from before are queued at once. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.database.backend !== 'postgres') {
      this.timer = setInterval(() => this.wake(), POLL_MS);
      this.timer.unref();
      return this.wake();
    }
    const boss = await this.open();
    await boss.work(QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, () => this.run());
    if ((await countPending(this.database.db)) > 0) await this.enqueue();
  }

  /** Takes no more jobs; the one being run stops after its batch in progress (the rest stay marked). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    const boss = await this.boss?.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, close: false, timeout: 60_000 });
  }

  private wake(): void {
    if (!this.started || this.stopping) return;
    if (this.busy) this.again = true;
    else this.running = this.run().catch(() => undefined);
  }

  private async run(): Promise<void> {
    if (this.stopping) return;
    if (this.busy) {
      this.again = true; // marked after the running drain looked: it looks once more
      return;
    }
    this.busy = true;
    const done = (async () => {
      try {
        do {
          this.again = false;
          const result = await linkPending(this.database.db, { autoConfirmScore: this.options.autoConfirmScore, shouldStop: () => this.stopping });
          if (result.records > 0) this.logger.info(result, 'link proposals for new and changed records');
        } while (this.again && !this.stopping);
      } catch (err) {
        this.logger.error({ err }, 'link job failed; the records stay marked for the next job or `namebridge link`');
        throw err;
      } finally {
        this.busy = false;
      }
    })();
    this.running = done.catch(() => undefined);
    return done;
  }

  /** pg-boss over our pool, without its maintenance (the import queue's instance in each server does that for the schema). */
  private open(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({ db: adapter(this.database.db), schema: 'pgboss', schedule: false, supervise: false });
      boss.on('error', (err) => this.logger.warn({ err }, 'pg-boss (links)'));
      await boss.start();
      // A job that fails is run again later; its records are still marked.
      await ensureQueue(boss, { name: QUEUE, policy: 'short', retryLimit: 5, retryDelay: 60, expireInSeconds: 60 * 60 });
      return boss;
    })();
    return this.boss;
  }
}

const jobs = new WeakMap<Database, LinkJobs>();

/** This process's link jobs for this database (one per database, so each test app has its own). */
export function linkJobs(database: Database, logger: Logger, options: LinkJobOptions = {}): LinkJobs {
  let found = jobs.get(database);
  if (!found) {
    found = new LinkJobs(database, logger, options);
    jobs.set(database, found);
  }
  return found;
}

/**
 * The import's follow-up, after it committed: a link job for the records it
 * marked. A failure to queue is logged, never thrown at the import — the marks
 * are kept, and the next server start or `namebridge link` links them.
 */
export async function queueLinking(database: Database, options: LinkJobOptions, logger?: Logger): Promise<void> {
  const log = logger ?? { warn: () => undefined, info: () => undefined, error: () => undefined };
  await linkJobs(database, log as Logger, options)
    .enqueue()
    .catch((err: unknown) => log.warn({ err }, 'could not queue the link job; the next server start or `namebridge link` links the records'));
}

/** Stops this database's link jobs, if any were made (server shutdown, the CLI's end, a test app's close). */
export async function stopLinkJobs(database: Database): Promise<void> {
  const found = jobs.get(database);
  jobs.delete(database);
  await found?.stop();
}
