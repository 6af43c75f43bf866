import crypto from 'node:crypto';
import { RECORD_FIELDS } from './record.fields.ts';
import type { ValidRow } from './row-validation.ts';

/**
 * Hashes that make re-imports idempotent. Pure (hashing is not I/O).
 *
 * content hash: sha256 (hex) of the canonical JSON of what the row records —
 * every record field in RECORD_FIELDS order (null when absent) followed by the
 * extra columns sorted by header. Equal hash ⇒ the row is unchanged.
 *
 * derived id, for rows without an external id: `sha256:` + the first 32 hex
 * digits of sha256 of the same canonical JSON after normalising every value
 * (Unicode NFC, runs of white space as one space, trimmed). So the same person
 * written the same way gets the same id on every import, and two identical rows
 * in one file are reported as a repeated id.
 */
export function contentHash(row: ValidRow): string {
  return sha256(canonical(row, (v) => v));
}

export function derivedExternalId(row: ValidRow): string {
  return `sha256:${sha256(canonical(row, normaliseValue)).slice(0, 32)}`;
}

function canonical(row: ValidRow, normalise: (v: string) => string): string {
  const values = RECORD_FIELDS.map((f) => {
    const v = row.values[f.name];
    return v === undefined || v === null ? null : typeof v === 'string' ? normalise(v) : v;
  });
  const extra = Object.keys(row.extra)
    .sort()
    .map((k) => [k, normalise(row.extra[k]!)]);
  return JSON.stringify([values, extra]);
}

const normaliseValue = (v: string) => v.normalize('NFC').replace(/\s+/g, ' ').trim();

// crypto.hash (Node ≥ 20.12) is the one-shot form: same digest, no Hash object per row.
const sha256: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');
