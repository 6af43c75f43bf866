import type { LinkReason } from './link.model.ts';
import type { LinkRow } from './links.repository.ts';

/** The public JSON shape of a link: numeric ids, the two records as [smaller, larger]. */
export interface LinkDto {
  id: number;
  recordIds: [number, number];
  score: number;
  reasons: LinkReason[];
  status: 'proposed' | 'confirmed' | 'rejected' | 'unlinked';
  automatic: boolean;
  model: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
  /** A decided link whose records changed since the decision: what the model says now (the decision stands). */
  rescored: { score: number; reasons: LinkReason[]; at: string } | null;
}

export function toLinkDto(row: LinkRow, actorLabel: (actor: string) => string = (a) => a): LinkDto {
  return {
    id: Number(row.id),
    recordIds: [Number(row.record_a), Number(row.record_b)],
    score: Math.round(Number(row.score) * 10_000) / 10_000,
    reasons: row.reasons as LinkReason[],
    status: row.status,
    automatic: row.automatic,
    model: row.model,
    decidedBy: row.decided_by ? actorLabel(row.decided_by) : null,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decisionReason: row.decision_reason,
    createdAt: new Date(row.created_at).toISOString(),
    rescored:
      row.rescored_score === null || row.rescored_at === null
        ? null
        : { score: Math.round(Number(row.rescored_score) * 10_000) / 10_000, reasons: (row.rescored_reasons ?? []) as LinkReason[], at: new Date(row.rescored_at).toISOString() },
  };
}
