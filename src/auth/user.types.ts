export const ROLES = ['archivist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated account, as res.locals.user. No secret and no hash here. */
export interface AuthUser {
  id: number;
  email: string;
  role: Role;
}

/**
 * How an account is named in the append-only history (record_events.actor,
 * corrections.decided_by, attested_names.approved_by): by id, never by email,
 * so the public history can show a role label without leaking an address.
 */
export function actorRef(user: Pick<AuthUser, 'id'>): string {
  return `user:${user.id}`;
}

export function userIdFromActor(actor: string): number | undefined {
  const m = /^user:([1-9]\d{0,14})$/.exec(actor);
  return m ? Number(m[1]) : undefined;
}
