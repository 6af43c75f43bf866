import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The SQL of undo: what an import job wrote, read from the history (a sequential scan of record_events: see migration 0006). */

export interface JobEventRow {
  id: string;
  record_id: string;
  kind: 'record.inserted' | 'record.updated';
  data: Record<string, unknown>;
  /** For inserts: whether anything happened to the record after it. */
  later: boolean;
}

export async function jobRecordEvents(trx: Transaction<DB>, jobId: number): Promise<JobEventRow[]> {
  const { rows } = await sql<JobEventRow>`
    SELECT e.id, e.record_id, e.kind, e.data,
           EXISTS (SELECT 1 FROM record_events l WHERE l.record_id = e.record_id AND l.id > e.id) AS later
    FROM record_events e
    WHERE e.data ? 'importJob' AND e.data ->> 'importJob' = ${String(jobId)}
      AND e.kind IN ('record.inserted', 'record.updated')
    ORDER BY e.record_id, e.id
  `.execute(trx);
  return rows;
}
