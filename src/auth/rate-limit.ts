import type { Request, RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { RateLimitedError } from '../shared/errors.ts';

export interface LimitOptions {
  /** Requests allowed per client address in one window. */
  limit: number;
  windowMs: number;
}

/**
 * Per-client-address limit (express-rate-limit, in-memory: each process counts
 * its own). A refused request goes through the one error handler as a 429
 * rate_limited with Retry-After.
 */
export function rateLimiter(what: string, options: LimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, _res, next) => {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const resetMs = info?.resetTime ? info.resetTime.getTime() - Date.now() : options.windowMs;
      const seconds = Math.max(1, Math.ceil(resetMs / 1000));
      next(new RateLimitedError(`Too many ${what} from this address; try again in ${seconds} s`, seconds));
    },
  });
}
