import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../http/context.ts';
import { parseOrThrow } from '../http/validate.ts';
import { listUsers } from './accounts.repository.ts';
import { createUser } from './accounts.service.ts';
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

/** Account management: admins only. */
export function usersRouter(ctx: AppContext): Router {
  const router = Router();
  const adminOnly = requireRole(ctx, 'admin');

  router.get('/api/users', adminOnly, async (_req, res) => {
    const rows = await listUsers(ctx.database.db);
    res.json({
      users: rows.map((u) => ({
        id: Number(u.id),
        email: u.email,
        displayName: u.display_name,
        role: u.role,
        createdAt: new Date(u.created_at).toISOString(),
        disabled: u.disabled_at !== null,
      })),
    });
  });

  router.post('/api/users', adminOnly, async (req, res) => {
    const body = parseOrThrow(newUserBody, req.body ?? {}, 'account');
    const { id } = await createUser(ctx.database.db, body);
    res.status(201).json({ id, email: body.email.trim(), role: body.role });
  });

  return router;
}
