import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError, CsrfError, NotFoundError, RateLimitedError, type ErrorCode } from '../shared/errors.ts';

/** The status of each error code (the OpenAPI document lists them per route from this). */
export const STATUS: Record<ErrorCode, number> = {
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

export interface HttpError {
  status: number;
  body: { code: string; message: string; details?: unknown };
  retryAfterSeconds?: number;
  /** A refused form token: same status and body, but the web explains it differently from "not allowed". */
  csrf?: true;
}

/** What an error means over HTTP; unknown errors are a 500 that says nothing about internals. */
export function toHttpError(err: unknown): HttpError | undefined {
  const known = err instanceof AppError ? err : fromExpressError(err as never);
  if (!known) return undefined;
  const body: HttpError['body'] = { code: known.code, message: known.message };
  if (known.details !== undefined) body.details = known.details;
  return {
    status: STATUS[known.code],
    body,
    ...(known instanceof RateLimitedError ? { retryAfterSeconds: known.retryAfterSeconds } : {}),
    ...(known instanceof CsrfError ? { csrf: true as const } : {}),
  };
}

const INTERNAL: HttpError = { status: 500, body: { code: 'internal', message: 'Internal server error' } };

/** Renders an error as a page (the web interface) and says so, or leaves it to the JSON body. */
export type HtmlErrorRenderer = (req: Request, res: Response, error: HttpError) => boolean;

/**
 * The one place errors become HTTP responses. Every JSON body is
 * {"error": {"code", "message"}}; a 500 says nothing about internals, and the
 * details go to the log with the request id instead. Web pages get the same
 * status with a page instead of the JSON (renderHtml).
 */
export function errorHandler(renderHtml?: HtmlErrorRenderer): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const error = toHttpError(err) ?? INTERNAL;
    if (error === INTERNAL) req.log?.error({ err }, 'unhandled error');
    if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.status(error.status);
    if (renderHtml?.(req, res, error)) return;
    res.json({ error: error.body });
  };
}
