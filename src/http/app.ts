import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { healthRouter } from '../health/health.routes.ts';
import { recordsRouter } from '../records/records.routes.ts';
import { searchRouter } from '../search/search.routes.ts';
import { sessionRouter } from '../auth/session.routes.ts';
import { usersRouter } from '../auth/users.routes.ts';
import { correctionsRouter } from '../corrections/corrections.routes.ts';
import { importsRouter } from '../imports/imports.routes.ts';
import { exportRouter } from '../exports/export.routes.ts';
import { conflictsRouter } from '../records/conflicts.routes.ts';
import { linksRouter } from '../links/links.routes.ts';
import { renderWebErrorPage } from '../web/web.errors.ts';
import { webRouter } from '../web/web.router.ts';
import type { AppContext } from '../shared/context.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { openApiRouter } from './openapi.routes.ts';
import { httpMetrics } from '../metrics/http.metrics.ts';

export const JSON_BODY_LIMIT = '100kb';

/** The URL as logged: the path, with the query string only when asked for (debug). */
export function logUrl(url: string, keepQuery: boolean): string {
  const q = url.indexOf('?');
  return keepQuery || q < 0 ? url : url.slice(0, q);
}

/** Builds the app without listening, so tests drive it in process. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  // Same-origin scripts and styles only (the web pages have no inline script or style).
  // Over plain http (a local or offline install) neither HSTS nor upgrade-insecure-requests:
  // they would send the browser to an https that is not there.
  const csp = (secure: boolean) => ({
    directives: { scriptSrc: ["'self'"], styleSrc: ["'self'"], upgradeInsecureRequests: secure ? [] : null },
  });
  const overHttps = helmet({ contentSecurityPolicy: csp(true) });
  const overHttp = helmet({ contentSecurityPolicy: csp(false), strictTransportSecurity: false });
  app.use((req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next));
  const keepQuery = ctx.logger.isLevelEnabled('debug');
  app.use(
    pinoHttp({
      logger: ctx.logger,
      // Method, path and status are what an operator needs; headers would carry cookies, and the
      // query string the names families search for (personal data): kept only at LOG_LEVEL=debug.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: logUrl(req.url, keepQuery) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(httpMetrics);
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  app.use(healthRouter(ctx));
  app.use(recordsRouter(ctx));
  app.use(searchRouter(ctx));
  app.use(sessionRouter(ctx));
  app.use(usersRouter(ctx));
  app.use(correctionsRouter(ctx));
  app.use(importsRouter(ctx));
  app.use(exportRouter(ctx));
  app.use(conflictsRouter(ctx));
  app.use(linksRouter(ctx));
  app.use(openApiRouter());
  app.use(webRouter(ctx));

  app.use(notFoundHandler);
  app.use(errorHandler(renderWebErrorPage));
  return app;
}
