import type { z } from 'zod';
import { BadRequestError, type FieldIssue } from './errors.ts';

/** zod at the edge: a failed parse becomes a 400 naming every offending field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    field: i.path.join('.') || what,
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new BadRequestError(`Invalid ${what}: ${summary}`, issues);
}

/** Record and other bigint ids: positive integers within JavaScript's safe range. */
export function parseId(raw: unknown, what = 'id'): number {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) {
    throw new BadRequestError(`${what} must be a positive integer, got "${String(raw).slice(0, 40)}"`);
  }
  return Number(raw);
}
