import type { Request, RequestHandler, Response } from 'express';

/**
 * Cache-Control for the API. Express already sends a (weak) ETag for every
 * JSON body and answers a matching If-None-Match with 304; these say who may
 * keep a copy and for how long.
 */

/** The same for everyone (stats): any cache may keep it for maxAge seconds. */
export function cachePublic(maxAgeSeconds: number): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
    next();
  };
}

/**
 * The same for the public, but staff may see more (records): anonymous
 * requests are cacheable, ones with credentials are private and revalidated,
 * and Vary tells a shared cache never to hand one to the other.
 */
export function cacheUnlessStaff(maxAgeSeconds: number): RequestHandler {
  return (req, res, next) => {
    res.vary('Authorization').vary('Cookie');
    res.setHeader('Cache-Control', carriesCredentials(req) ? 'private, no-cache' : `public, max-age=${maxAgeSeconds}`);
    next();
  };
}

/** Staff responses (moderation queue, accounts, imports): never stored by a shared cache. */
export function markPrivate(res: Response): void {
  res.vary('Authorization').vary('Cookie');
  res.setHeader('Cache-Control', 'private, no-store');
}

function carriesCredentials(req: Request): boolean {
  return req.get('authorization') !== undefined || /(?:^|;\s*)(?:__Host-)?nb_session=/.test(req.get('cookie') ?? '');
}
