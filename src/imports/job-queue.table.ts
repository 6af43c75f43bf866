import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../shared/logger.ts';
import { claimNextQueuedJob } from './import-jobs.repository.ts';
import { JOB_OWNER } from './import.service.ts';
import type { JobQueue } from './job-queue.ts';

const POLL_MS = 1_000;

/**
 * The embedded database's queue: import_jobs is the queue. A queued upload is
 * claimed by `UPDATE … WHERE id = (SELECT … WHERE status = 'queued' ORDER BY id
 * LIMIT 1 FOR UPDATE SKIP LOCKED)`, which is what pg-boss's fetch does on its
 * own table; PGlite is one process, so only this loop takes jobs. Jobs resumed
 * after a crash (still `running`, their owner gone) are run first, from memory:
 * the start sweep finds them again after every restart.
 */
export class TableJobQueue implements JobQueue {
  readonly kind = 'table' as const;
  private readonly resumed: number[] = [];
  private run: ((jobId: number) => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> = Promise.resolve();
  private busy = false;
  private stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Logger,
  ) {}

  async enqueue(_db: Kysely<DB>, jobId: number): Promise<void> {
    // A new job is its queued row; only a resumed (running) one needs remembering.
    if (!this.resumed.includes(jobId)) this.resumed.push(jobId);
  }

  wake(): void {
    if (!this.run || this.stopped || this.busy) return;
    this.busy = true;
    this.loop = this.drain().finally(() => (this.busy = false));
  }

  async start(run: (jobId: number) => Promise<void>): Promise<void> {
    this.run = run;
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.loop;
  }

  /** Runs jobs until none waits. */
  private async drain(): Promise<void> {
    while (!this.stopped) {
      try {
        const resumed = this.resumed.shift();
        const jobId = resumed ?? (await claimNextQueuedJob(this.db, JOB_OWNER));
        if (jobId === undefined) return;
        await this.run!(jobId);
      } catch (err) {
        this.logger.error({ err }, 'import queue: could not take the next job');
        return;
      }
    }
  }
}
