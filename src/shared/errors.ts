/**
 * Typed domain errors. Code anywhere throws these; the one HTTP error handler
 * (src/http/error-handler.ts) maps them to a status and a JSON body, and the CLI
 * maps them to an exit code. Nothing else decides how an error is shown.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: unknown) {
    super('bad_request', message, details);
  }
}

/** Input that parsed but broke a rule; `details` lists each offending field. */
export class ValidationError extends AppError {
  constructor(message: string, details?: FieldIssue[]) {
    super('validation_failed', message, details);
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required') {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed for this account') {
    super('forbidden', message);
  }
}

/**
 * A form post without its CSRF token (or with a wrong one): 403 `forbidden`
 * like any refusal, but the web shows the "form expired, reload it" page.
 */
export class CsrfError extends ForbiddenError {
  constructor(message = 'CSRF token missing or invalid') {
    super(message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super('payload_too_large', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

/** Thrown at start-up; the process prints the message and exits non-zero. */
export class StartupError extends Error {
  override name = 'StartupError';
}
