import type { z } from 'zod';
import { BadRequestError, type FieldIssue } from '../shared/errors.ts';

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
