import type { PublicActor } from './actors.ts';
import type { CorrectionWithRecord } from './corrections.repository.ts';

/** A correction as archivists see it: with evidence and the submitter's contact. Never public. */
export interface CorrectionDto {
  id: number;
  recordId: number;
  recordFullName: string;
  kind: 'chinese-name' | 'field';
  hanzi: string | null;
  pinyin: string | null;
  field: string | null;
  value: string | null;
  evidence: string;
  submitter: { name: string | null; email: string | null };
  /** Short hash of the submitting client address: spots floods without storing the address. */
  client: string | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
  decidedAt: string | null;
  decidedBy: PublicActor | null;
  decisionReason: string | null;
}

export function toCorrectionDto(row: CorrectionWithRecord, actor: (a: string) => PublicActor): CorrectionDto {
  return {
    id: Number(row.id),
    recordId: Number(row.record_id),
    recordFullName: row.record_full_name,
    kind: row.kind,
    hanzi: row.hanzi,
    pinyin: row.pinyin,
    field: row.field,
    value: row.value,
    evidence: row.evidence,
    submitter: { name: row.submitter_name, email: row.submitter_email },
    client: row.client_hash ? row.client_hash.slice(0, 12) : null,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decidedBy: row.decided_by ? actor(row.decided_by) : null,
    decisionReason: row.decision_reason,
  };
}
