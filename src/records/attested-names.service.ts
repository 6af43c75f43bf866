import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { listAttestedNameRows } from './attested-names.repository.ts';

/**
 * A record's attested names as the public sees them. Corrections write them
 * (on approval); records, links and exports read them through here.
 */
export interface AttestedNameDto {
  hanzi: string | null;
  pinyin: string;
  evidence: string;
  approvedAt: string;
}

/** The names attested for a record by approved corrections (GET /api/records/:id). */
export async function listAttestedNames(db: Kysely<DB>, recordId: number): Promise<AttestedNameDto[]> {
  const rows = await listAttestedNameRows(db, recordId);
  return rows.map((r) => ({ hanzi: r.hanzi, pinyin: r.pinyin, evidence: r.evidence, approvedAt: new Date(r.approved_at).toISOString() }));
}
