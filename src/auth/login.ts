import type { Request, Response } from 'express';
import type { AppContext } from '../shared/context.ts';
import { createSession, deleteSession, type Session } from './accounts.service.ts';
import { sessionCookie, sessionIdsIn } from './cookies.ts';
import type { AuthUser } from './user.types.ts';

/**
 * Starts a web session for an account whose password was just checked, for
 * POST /api/session and the /login form alike: whatever session the browser
 * held before ends (its id is never reused, and a session planted before
 * login dies with it), and the new cookie is set.
 */
export async function startSession(ctx: AppContext, req: Request, res: Response, user: AuthUser): Promise<Session> {
  await endSession(ctx, req);
  const ttlMs = ctx.config.SESSION_TTL_HOURS * 3600_000;
  const session = await createSession(ctx.database.db, user.id, ttlMs);
  res.append('Set-Cookie', sessionCookie(session.id, { secure: req.secure, maxAgeSeconds: Math.floor(ttlMs / 1000) }));
  return session;
}

/** Logging out: the browser's session (or both, if it sent two) ends. */
export async function endSession(ctx: AppContext, req: Request): Promise<void> {
  for (const id of sessionIdsIn(req.get('cookie'), req.secure)) await deleteSession(ctx.database.db, id);
}
