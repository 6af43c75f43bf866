import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../shared/logger.ts';
import { PgBossJobQueue } from './job-queue.pgboss.ts';
import { TableJobQueue } from './job-queue.table.ts';

/**
 * Where an upload's job waits until a process runs it. import_jobs holds the
 * job's state (its status changes are guarded in SQL); the queue only says
 * "run job N" and must survive a restart. Two implementations:
 * - PostgreSQL: pg-boss (its own `pgboss` schema). A message is sent in the
 *   transaction that creates the job, so a job never exists without its
 *   message, nor a message without its job; any server process may take it.
 * - PGlite (one process): import_jobs itself, claimed with
 *   FOR UPDATE SKIP LOCKED (job-queue.table.ts). pg-boss needs
 *   multi-statement scripts and a connection of its own, which the embedded
 *   database's one in-process connection cannot give it.
 */
export interface JobQueue {
  readonly kind: 'pg-boss' | 'table';
  /** Makes sure job `jobId` will be run: inside the creating transaction (`db` is it), or for a job resumed after a crash. */
  enqueue(db: Kysely<DB>, jobId: number): Promise<void>;
  /** After the creating transaction committed: look for work now rather than at the next poll. */
  wake(): void;
  /** Starts taking jobs, one at a time in this process; `run` claims the job in import_jobs and runs it. */
  start(run: (jobId: number) => Promise<void>): Promise<void>;
  /** Takes no more jobs; resolves when the one being run (if any) has returned. */
  stop(): Promise<void>;
}

export function createJobQueue(database: Database, logger: Logger): JobQueue {
  return database.backend === 'postgres' ? new PgBossJobQueue(database.db, logger) : new TableJobQueue(database.db, logger);
}
