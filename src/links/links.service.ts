import type { Kysely, Transaction } from 'kysely';
import { actorRef, type AuthUser } from '../auth/user.types.ts';
import { describeActors } from '../corrections/actors.ts';
import type { DB } from '../db/schema.ts';
import { decodeCursor, keysetPage } from '../shared/pagination.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors.ts';
import { components, personIdOf } from './link.components.ts';
import { toLinkDto, type LinkDto } from './link.dto.ts';
import { appendLinkEvents, type LinkEventKind } from './link.events.ts';
import { DEFAULT_LINK_THRESHOLD } from './link-weights.data.ts';
import { findLink, listLinkRows, setLinkStatus, type LinkRow, type LinkStatus } from './links.repository.ts';
import { assignPerson, clearPersons, confirmedLinksAmong, lockPersons, personIdsOf, recordIdsOfPerson } from './persons.repository.ts';

/**
 * Archivist review of link proposals. A decision changes the link's status,
 * the persons it joins or splits (record_persons) and both records' history,
 * in one transaction. Records themselves are never changed or merged.
 */

import { decisionReason } from '../shared/decision-reason.ts';

export type LinkDecision = 'confirm' | 'reject' | 'unlink';

/** Which current states each decision may be taken from: an automatic confirmation stays open to review. */
const ALLOWED: Record<LinkDecision, (row: LinkRow) => boolean> = {
  confirm: (r) => r.status === 'proposed' || (r.status === 'confirmed' && r.automatic),
  reject: (r) => r.status === 'proposed' || (r.status === 'confirmed' && r.automatic),
  unlink: (r) => r.status === 'confirmed',
};

export async function decideLink(db: Kysely<DB>, id: number, decision: LinkDecision, actor: AuthUser, reason?: string | null): Promise<{ link: LinkDto; personId: number | null }> {
  const why = decisionReason(reason, decision === 'confirm' ? undefined : { message: `A link needs a reason to ${decision}`, issue: `is required to ${decision}` });
  const personId = await db.transaction().execute(async (trx) => {
    await lockPersons(trx);
    const row = await findLink(trx, id, true);
    if (!row) throw new NotFoundError(`No link with id ${id}`);
    if (!ALLOWED[decision](row)) throw new ConflictError(`Link ${id} is already ${row.status}${row.automatic ? ' (automatic)' : ''}`);
    return applyDecision(trx, row, decision, actorRef(actor), why, false);
  });
  return { link: await getLink(db, id), personId: personId === null ? null : Number(personId) };
}

/**
 * Takes a decision on a locked link. Confirming a pair already joined through
 * other confirmed links changes no person (the link is confirmed all the same,
 * so unlinking another link later does not split them).
 */
export async function applyDecision(trx: Transaction<DB>, row: LinkRow, decision: LinkDecision, by: string, why: string | null, automatic: boolean): Promise<string | null> {
  const a = String(row.record_a);
  const b = String(row.record_b);
  const wasConfirmed = row.status === 'confirmed';
  const status: LinkStatus = decision === 'confirm' ? 'confirmed' : decision === 'reject' ? 'rejected' : 'unlinked';
  await setLinkStatus(trx, String(row.id), { status, automatic, by, reason: why });
  let personId: string | null;
  if (decision === 'confirm') personId = await joinPersons(trx, a, b);
  else personId = wasConfirmed ? await splitPerson(trx, a) : null;
  const kind: LinkEventKind = decision === 'confirm' ? (automatic ? 'link.auto_confirmed' : 'link.confirmed') : decision === 'reject' ? 'link.rejected' : 'link.unlinked';
  await appendLinkEvents(trx, kind, { id: String(row.id), a, b, score: Number(row.score) }, by, why, personId);
  return personId;
}

/** Joins the persons of a and b (or the records themselves); the union is named by its smallest record id. */
async function joinPersons(trx: Transaction<DB>, a: string, b: string): Promise<string> {
  const persons = await personIdsOf(trx, [a, b]);
  const pa = persons.get(a);
  const pb = persons.get(b);
  if (pa !== undefined && pa === pb) return pa;
  const members = new Set([a, b]);
  for (const p of [pa, pb]) if (p !== undefined) for (const id of await recordIdsOfPerson(trx, p)) members.add(id);
  const personId = personIdOf([...members]);
  await assignPerson(trx, [...members], personId);
  return personId;
}

/** Re-derives the persons of a's former person from its remaining confirmed links; returns a's person, if any. */
async function splitPerson(trx: Transaction<DB>, a: string): Promise<string | null> {
  const before = (await personIdsOf(trx, [a])).get(a);
  if (before === undefined) return null;
  const members = await recordIdsOfPerson(trx, before);
  const parts = components(members, await confirmedLinksAmong(trx, members));
  await clearPersons(trx, members);
  let mine: string | null = null;
  for (const part of parts) {
    if (part.length < 2) continue;
    await assignPerson(trx, part, personIdOf(part));
    if (part.includes(a)) mine = personIdOf(part);
  }
  return mine;
}

export async function getLink(db: Kysely<DB>, id: number): Promise<LinkDto> {
  const row = await findLink(db, id);
  if (!row) throw new NotFoundError(`No link with id ${id}`);
  const label = await describeActors(db, row.decided_by ? [row.decided_by] : []);
  return toLinkDto(row, (actor) => label(actor).label);
}

export interface LinkListOptions {
  status: LinkStatus | 'automatic';
  minScore?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The review queue, best first. By default only proposals at or above the default threshold. */
export async function listLinks(db: Kysely<DB>, options: LinkListOptions): Promise<{ links: LinkDto[]; nextCursor: string | null }> {
  const after = parseCursor(options.cursor);
  const rows = await listLinkRows(db, {
    status: options.status === 'automatic' ? 'confirmed' : options.status,
    automaticOnly: options.status === 'automatic',
    minScore: options.minScore ?? DEFAULT_LINK_THRESHOLD,
    after,
    limit: options.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, options.limit, (last) => `${Number(last.score)}:${last.id}`);
  const label = await describeActors(db, page.flatMap((r) => (r.decided_by ? [r.decided_by] : [])));
  return { links: page.map((r) => toLinkDto(r, (actor) => label(actor).label)), nextCursor };
}

function parseCursor(cursor: string | undefined): { score: number; id: number } | undefined {
  const value = decodeCursor(cursor);
  if (value === undefined) return undefined;
  const m = /^(\d(?:\.\d+)?(?:e-\d+)?):(\d{1,15})$/.exec(value);
  if (!m) throw new BadRequestError('cursor is not a cursor this server issued');
  return { score: Number(m[1]), id: Number(m[2]) };
}
