import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendRecordEvent } from '../records/record.writer.ts';

export type LinkEventKind = 'link.confirmed' | 'link.auto_confirmed' | 'link.rejected' | 'link.unlinked' | 'link.rescored';

/**
 * A link decision in the history of both records. The one call site of the
 * records' event writer for links: when the one record write path lands
 * (src/records/), redirect this call to it.
 */
export async function appendLinkEvents(
  trx: Transaction<DB>,
  kind: LinkEventKind,
  link: { id: string; a: string; b: string; score: number },
  actor: string,
  reason: string | null,
  personId: string | null,
): Promise<void> {
  for (const [self, other] of [[link.a, link.b], [link.b, link.a]] as const) {
    const data = { linkId: Number(link.id), otherRecordId: Number(other), score: link.score, personId: personId === null ? null : Number(personId) };
    await appendRecordEvent(trx, { recordId: self, kind, actor, reason, data });
  }
}
