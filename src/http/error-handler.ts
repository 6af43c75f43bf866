import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, NotFoundError, RateLimitedError, type ErrorCode } from '../shared/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** Errors Express's own body parsers raise, mapped to our codes. */
function fromExpressError(err: { type?: string; status?: number; message?: string }): AppError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The request body is too large');
    case 'entity.parse.failed':
      return new AppError('bad_request', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', err.message ?? 'Unsupported encoding');
    default:
      return undefined;
  }
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}`));
};

/**
 * The one place errors become HTTP responses. Every body is
 * {"error": {"code", "message"}}; a 500 says nothing about internals, and the
 * details go to the log with the request id instead.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = err instanceof AppError ? err : fromExpressError(err as never);
  if (!known) {
    req.log?.error({ err }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error' } });
    return;
  }
  const status = STATUS[known.code];
  if (known instanceof RateLimitedError) res.setHeader('Retry-After', String(known.retryAfterSeconds));
  const body: { code: string; message: string; details?: unknown } = { code: known.code, message: known.message };
  if (known.details !== undefined) body.details = known.details;
  res.status(status).json({ error: body });
};
