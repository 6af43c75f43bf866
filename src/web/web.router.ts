import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';
import { optionalUser } from '../auth/auth.middleware.ts';
import type { AppContext } from '../shared/context.ts';
import { languageMiddleware } from './language.ts';
import { importsPages } from './pages/imports.page.ts';
import { loginPages } from './pages/login.page.ts';
import { linksPages } from './pages/links.page.ts';
import { moderationPages } from './pages/moderation.page.ts';
import { recordPages } from './pages/record.page.ts';
import { searchPages } from './pages/search.page.ts';
import { isWebPath } from './web.errors.ts';

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** Runs a middleware for web pages only, so the JSON API is untouched by it. */
const forPages = (handler: RequestHandler): RequestHandler => (req, res, next) => (isWebPath(req.path) ? handler(req, res, next) : next());

/**
 * The web interface: server-rendered pages in zh/ru/en over the same services
 * as the JSON API, and the static CSS and script under /static (no CDN).
 */
export function webRouter(ctx: AppContext): Router {
  const router = Router();
  router.use('/static', express.static(PUBLIC_DIR, { index: false, maxAge: '1h', fallthrough: true }));
  router.use(forPages(languageMiddleware));
  router.use(forPages(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 50 })));
  router.use(forPages(optionalUser(ctx)));
  router.use(searchPages(ctx));
  router.use(recordPages(ctx));
  router.use(loginPages(ctx));
  router.use(moderationPages(ctx));
  router.use(linksPages(ctx));
  router.use(importsPages(ctx));
  return router;
}
