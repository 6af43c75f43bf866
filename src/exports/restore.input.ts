import { z } from 'zod';
import type { RestoredAttestedName } from '../corrections/attested.restore.ts';
import { ImportFileError } from '../core/records/index.ts';
import type { RestoredClaim, RestoredConflict } from '../records/claims.restore.ts';
import { FIELD_BY_NAME } from '../core/records/index.ts';
import type { JsonColumnKey } from './export.layout.ts';

/**
 * The edge of a restore: what an export's JSON columns (CSV) or keys (JSONL)
 * may hold — attested names, claims and open conflicts — checked with zod
 * before anything is written. A file that fails here is refused whole.
 */
const iso = z.iso.datetime({ offset: true });
/** A field's value in column form: text, a year, or nothing. */
const value = z.union([z.string().max(100_000), z.number(), z.null()]);
const field = z.string().refine((name) => FIELD_BY_NAME.has(name), { message: 'not a record field' });

const attestedNameSchema = z
  .object({
    hanzi: z.string().min(1).max(50).nullable(),
    pinyin: z.string().min(1).max(200),
    evidence: z.string().min(1).max(10_000),
    approvedAt: iso,
  })
  .strict();

const claimSchema = z
  .object({ field, value, sourceValue: value, evidence: z.string().max(10_000).nullable(), approvedAt: iso })
  .strict();

const conflictSchema = z
  .object({ field, correctedValue: value, sourceValue: value, previousSourceValue: value, createdAt: iso })
  .strict();

export type ExportClaimInput = z.output<typeof claimSchema>;

const LISTS = {
  attestedNames: { schema: z.array(attestedNameSchema).max(1_000), what: 'attested names', shape: '{hanzi, pinyin, evidence, approvedAt}' },
  claims: { schema: z.array(claimSchema).max(100), what: 'claims', shape: '{field, value, sourceValue, evidence, approvedAt}' },
  conflicts: { schema: z.array(conflictSchema).max(1_000), what: 'conflicts', shape: '{field, correctedValue, sourceValue, previousSourceValue, createdAt}' },
} as const;

/** What a record of the file carries besides its columns. */
export interface Annotations {
  attestedNames: RestoredAttestedName[];
  claims: ExportClaimInput[];
  conflicts: RestoredConflict[];
}

export const hasAnnotations = (a: Annotations) => a.attestedNames.length > 0 || a.claims.length > 0 || a.conflicts.length > 0;

/** One JSON column's value (already parsed JSON, or undefined/'' when absent), checked. */
export function parseList<K extends JsonColumnKey>(key: K, input: unknown, line: number): Annotations[K] {
  if (input === undefined || input === null || input === '') return [] as Annotations[K];
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      throw new ImportFileError('unreadable', `line ${line}: the ${LISTS[key].what} are not JSON. Nothing was imported.`);
    }
  }
  const parsed = LISTS[key].schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportFileError(
      'unreadable',
      `line ${line}: the ${LISTS[key].what} are not a list of ${LISTS[key].shape} (${issue.path.join('.')}: ${issue.message}). Nothing was imported.`,
    );
  }
  return parsed.data as Annotations[K];
}

/** A claim as the records module restores it (its source value went to the importer instead). */
export const toRestoredClaim = (c: ExportClaimInput): RestoredClaim => ({ field: c.field, value: c.value, evidence: c.evidence, approvedAt: c.approvedAt });

/** A value in column form as a CSV cell for the importer. */
export const cellOf = (v: string | number | null): string => (v === null ? '' : String(v));
