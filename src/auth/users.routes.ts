import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { parseId } from '../shared/validate.ts';
import { parseOrThrow } from '../shared/validate.ts';
import { changePassword, disableAccount, enableAccount, findAccount, listAccountTokens, listAccounts } from './account-lifecycle.service.ts';
import { MAX_TOKEN_DAYS, createUser, issueApiToken, revokeApiToken } from './accounts.service.ts';
import { requireRole } from './auth.middleware.ts';
import { ROLES } from './user.types.ts';

export const newUserBody = z
  .object({
    email: z.string().max(320),
    password: z.string().max(1024),
    role: z.enum(ROLES),
    displayName: z.string().trim().min(1).max(200).refine((v) => !v.includes('\u0000'), 'must not contain the NUL character').optional(),
  })
  .strict();
export const passwordBody = z.object({ password: z.string().max(1024) }).strict();
export const newTokenBody = z.object({ expiresDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional() }).strict();

/**
 * Account management, admins only: the CLI's `user` and `token` commands over
 * HTTP. Accounts by id (GET /api/users lists them), tokens by prefix.
 */
export function usersRouter(ctx: AppContext): Router {
  const router = Router();
  const adminOnly = requireRole(ctx, 'admin');
  const db = ctx.database.db;

  router.get('/api/users', adminOnly, async (_req, res) => {
    res.json({ users: await listAccounts(db) });
  });

  router.post('/api/users', adminOnly, async (req, res) => {
    const body = parseOrThrow(newUserBody, req.body ?? {}, 'account');
    const { id } = await createUser(db, body);
    res.status(201).json({ id, email: body.email.trim(), role: body.role });
  });

  router.post('/api/users/:id/disable', adminOnly, async (req, res) => {
    res.json({ ...(await disableAccount(db, { id: parseId(req.params.id, 'user id') })), disabled: true });
  });

  router.post('/api/users/:id/enable', adminOnly, async (req, res) => {
    res.json({ ...(await enableAccount(db, { id: parseId(req.params.id, 'user id') })), disabled: false });
  });

  router.put('/api/users/:id/password', adminOnly, async (req, res) => {
    const id = parseId(req.params.id, 'user id');
    const body = parseOrThrow(passwordBody, req.body ?? {}, 'password');
    res.json(await changePassword(db, { id }, body.password));
  });

  router.get('/api/users/:id/tokens', adminOnly, async (req, res) => {
    res.json({ tokens: await listAccountTokens(db, { id: parseId(req.params.id, 'user id') }) });
  });

  router.post('/api/users/:id/tokens', adminOnly, async (req, res) => {
    const user = await findAccount(db, { id: parseId(req.params.id, 'user id') });
    const body = parseOrThrow(newTokenBody, req.body ?? {}, 'token');
    const issued = await issueApiToken(db, user.email, body);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ token: issued.token, prefix: issued.prefix, expiresAt: issued.expiresAt.toISOString() });
  });

  router.delete('/api/tokens/:prefix', adminOnly, async (req, res) => {
    res.json(await revokeApiToken(db, String(req.params.prefix)));
  });

  return router;
}
