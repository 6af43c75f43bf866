import { BadRequestError } from './errors.ts';

/** An archivist's reason for a decision (a correction, a conflict, a person link), kept in the record's history. */
export const REASON_MAX = 2000;

/**
 * The reason as stored: trimmed, null when blank. A decision that needs one
 * (`required`: the 400's message and the field's issue) refuses a blank
 * reason, and no reason may pass REASON_MAX characters.
 */
export function decisionReason(reason: string | null | undefined, required?: { message: string; issue: string }): string | null {
  const why = reason?.trim() ? reason.trim() : null;
  if (required && !why) throw new BadRequestError(required.message, [{ field: 'reason', message: required.issue }]);
  if (why && why.length > REASON_MAX) throw new BadRequestError('reason is too long', [{ field: 'reason', message: `must be at most ${REASON_MAX} characters` }]);
  return why;
}
