import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { pageFor } from '../../../src/web/web.auth.ts';
import { ForbiddenError } from '../../../src/shared/errors.ts';

function call(user: { id: number; email: string; role: 'archivist' | 'admin' } | undefined, ...roles: Array<'archivist' | 'admin'>) {
  const res = { locals: { user }, redirect: vi.fn() } as unknown as Response & { redirect: ReturnType<typeof vi.fn> };
  const next = vi.fn() as unknown as NextFunction;
  const req = { originalUrl: '/moderation?status=approved' } as Request;
  let error: unknown;
  try {
    void pageFor(...roles)(req, res, next);
  } catch (err) {
    error = err;
  }
  return { res, next, error };
}

describe('pageFor (staff pages)', () => {
  it('sends an anonymous visitor to the login with the page to come back to', () => {
    const { res, next } = call(undefined, 'archivist');
    expect(res.redirect).toHaveBeenCalledWith(303, '/login?next=%2Fmoderation%3Fstatus%3Dapproved');
    expect(next).not.toHaveBeenCalled();
  });

  it('refuses an account without the role with a 403 (forbidden)', () => {
    const { error, next } = call({ id: 1, email: 'a@example.org', role: 'archivist' }, 'admin');
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(next).not.toHaveBeenCalled();
  });

  it('lets the role in, and an admin everywhere an archivist may go', () => {
    expect(call({ id: 1, email: 'a@example.org', role: 'archivist' }, 'archivist').next).toHaveBeenCalled();
    expect(call({ id: 2, email: 'b@example.org', role: 'admin' }, 'archivist').next).toHaveBeenCalled();
  });
});
