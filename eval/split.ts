// The tuning / checking split of the development set, fixed before any tuning
// (eval/devset.README.md, "Tuning and checking"). Whole records go to one part,
// so no query of a checking record is ever seen while tuning.
import { createHash } from 'node:crypto';

export type Part = 'tuning' | 'checking';
export type Group = 'real' | 'wk' | 'syn' | 'south';

export const GROUPS: readonly Group[] = ['real', 'wk', 'syn', 'south'];

/** The record part of a row id: `real-11-143-04` → `real-11-143`, `wk-zhou-enlai-03` → `wk-zhou-enlai`. */
export function recordStem(rowId: string): string {
  return rowId.replace(/-\d+$/, '');
}

export function groupOf(rowId: string): Group {
  const g = rowId.split('-')[0]!;
  if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`devset row ${rowId}: unknown group ${g}`);
  return g as Group;
}

/**
 * Well-known people are all checking: an alias lexicon or a cost tuned on
 * famous names would score there without generalising. The other groups are
 * split by a hash of the record stem (the first hex digit even → tuning), a
 * rule nobody can bend toward easy records.
 */
export function partOf(rowId: string): Part {
  const stem = recordStem(rowId);
  if (groupOf(rowId) === 'wk') return 'checking';
  const digit = parseInt(createHash('sha256').update(stem).digest('hex')[0]!, 16);
  return digit % 2 === 0 ? 'tuning' : 'checking';
}

/** Tuning scripts call this: it throws when any given row is in the checking part. */
export function refuseCheckingRows(rowIds: readonly string[], script: string): void {
  const checking = rowIds.filter((id) => partOf(id) === 'checking');
  if (checking.length > 0) {
    throw new Error(`${script}: refuses ${checking.length} checking rows of the devset (tune on the tuning part only): ${checking.slice(0, 5).join(', ')}${checking.length > 5 ? ', …' : ''}`);
  }
}
