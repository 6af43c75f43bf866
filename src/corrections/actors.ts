import type { Kysely } from 'kysely';
import { findUserLabels } from '../auth/accounts.service.ts';
import { userIdFromActor } from '../auth/user.types.ts';
import type { DB } from '../db/schema.ts';

/**
 * How an actor of the history is shown to the public: a role label or display
 * name, never an email. Stored actors are "public", "user:<id>" (accounts) or
 * a system name such as "import"; anything that looks like an address is
 * masked, whoever wrote it.
 */
export interface PublicActor {
  type: 'public' | 'archivist' | 'admin' | 'system';
  label: string;
}

export async function describeActors(db: Kysely<DB>, actors: string[]): Promise<(actor: string) => PublicActor> {
  const ids = [...new Set(actors.map(userIdFromActor).filter((id): id is number => id !== undefined))];
  const labels = await findUserLabels(db, ids);
  return (actor) => {
    if (actor === 'public') return { type: 'public', label: 'public' };
    const id = userIdFromActor(actor);
    if (id !== undefined) {
      const user = labels.get(id);
      const role = user?.role ?? 'archivist';
      return { type: role, label: user?.displayName ?? `${role === 'admin' ? 'Administrator' : 'Archivist'} #${id}` };
    }
    if (actor.includes('@')) return { type: 'system', label: 'staff' };
    return { type: 'system', label: actor };
  };
}

// extra_private: the private columns of a record, in import events' old/new values.
const PRIVATE_KEY = /email|submitter|contact|password|token|client|private/i;

/** Event data as the public sees it: any key that could carry a contact or secret is dropped. */
export function publicEventData(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(publicEventData);
  if (data === null || typeof data !== 'object') return data;
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>)
      .filter(([key]) => !PRIVATE_KEY.test(key))
      .map(([key, value]) => [key, publicEventData(value)]),
  );
}
