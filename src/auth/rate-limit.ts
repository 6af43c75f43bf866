import type { Request, RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo, type Store } from 'express-rate-limit';
import type { AppContext } from '../shared/context.ts';
import { RateLimitedError } from '../shared/errors.ts';
import { PostgresRateLimitStore } from './rate-limit.store.ts';
import { sha256 } from './secrets.ts';

export interface LimitOptions {
  /** Requests allowed per client address in one window. */
  limit: number;
  windowMs: number;
  /** Where the counts live; the app's limiters use the database (rate-limit.store.ts). */
  store?: Store;
  /** What is counted; the client address (req.ip, see TRUST_PROXY) unless given. */
  keyGenerator?: (req: Request) => string;
  /** Requests the limit leaves alone (neither counted nor refused). */
  skip?: (req: Request) => boolean;
  /** Count only refused requests (status ≥ 400): a successful login costs nothing. */
  skipSuccessfulRequests?: boolean;
  /** Whose limit it is, in the 429 message. */
  per?: string;
}

/**
 * Per-client-address limit (express-rate-limit). A refused request goes
 * through the one error handler as a 429 rate_limited with Retry-After.
 */
export function rateLimiter(what: string, options: LimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    ...(options.store ? { store: options.store } : {}),
    ...(options.keyGenerator ? { keyGenerator: options.keyGenerator } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    // TRUST_PROXY decides whose X-Forwarded-For counts; from an untrusted peer the
    // header is a forgery to ignore, not the misconfiguration this check warns of.
    validate: { xForwardedForHeader: false },
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, _res, next) => {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const resetMs = info?.resetTime ? info.resetTime.getTime() - Date.now() : options.windowMs;
      const seconds = Math.max(1, Math.ceil(resetMs / 1000));
      next(new RateLimitedError(`Too many ${what} ${options.per ?? 'from this address'}; try again in ${seconds} s`, seconds));
    },
  });
}

export interface AppLimits {
  login: RequestHandler;
  /** Failed logins per email (after `login`, per address). */
  loginAccount: RequestHandler;
  submissions: RequestHandler;
  /** GET /api/search and the web's /search: one budget (SEARCH_RATE_LIMIT=0: none). */
  search: RequestHandler;
}

const unlimited: RequestHandler = (_req, _res, next) => next();

const limitsByApp = new WeakMap<AppContext, AppLimits>();

/**
 * The app's limiters, made once per app: the JSON API and the web forms are
 * two doors to the same action, so they must share one count per address
 * (separate limiters would let a client through twice as often). The counts
 * are in the database, so every server process shares them too.
 */
export function appLimits(ctx: AppContext): AppLimits {
  let limits = limitsByApp.get(ctx);
  if (!limits) {
    const { config } = ctx;
    limits = {
      login: rateLimiter('login attempts', {
        limit: config.LOGIN_RATE_LIMIT,
        windowMs: config.LOGIN_RATE_WINDOW_MINUTES * 60_000,
        store: new PostgresRateLimitStore(ctx.database.db, 'login'),
      }),
      // Per account as well: many addresses (a botnet, or every client behind one
      // proxy) guessing one account's password. Keyed by the email as typed, so an
      // address that has no account is limited exactly like one that has: the
      // answer never tells whether the account exists. Only failures count.
      loginAccount: rateLimiter('failed logins', {
        limit: config.LOGIN_ACCOUNT_RATE_LIMIT,
        windowMs: config.LOGIN_RATE_WINDOW_MINUTES * 60_000,
        store: new PostgresRateLimitStore(ctx.database.db, 'login-account'),
        keyGenerator: (req) => sha256(loginEmailOf(req)!),
        skip: (req) => loginEmailOf(req) === undefined,
        skipSuccessfulRequests: true,
        per: 'for this email',
      }),
      submissions: rateLimiter('correction submissions', {
        limit: config.CORRECTION_RATE_LIMIT,
        windowMs: config.CORRECTION_RATE_WINDOW_MINUTES * 60_000,
        store: new PostgresRateLimitStore(ctx.database.db, 'submissions'),
      }),
      search:
        config.SEARCH_RATE_LIMIT === 0
          ? unlimited
          : rateLimiter('searches', {
              limit: config.SEARCH_RATE_LIMIT,
              windowMs: config.SEARCH_RATE_WINDOW_SECONDS * 1000,
              store: new PostgresRateLimitStore(ctx.database.db, 'search'),
            }),
    };
    limitsByApp.set(ctx, limits);
  }
  return limits;
}

/** The email a login request names, normalised as accounts are looked up; undefined without one. */
function loginEmailOf(req: Request): string | undefined {
  const body: unknown = req.body;
  const email = body && typeof body === 'object' ? (body as Record<string, unknown>).email : undefined;
  if (typeof email !== 'string') return undefined;
  const normalised = email.trim().toLowerCase();
  return normalised ? normalised.slice(0, 320) : undefined;
}
