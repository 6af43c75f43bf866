/** Types of what JSON and enum-like columns hold, for the generated schema (.kysely-codegenrc.json imports them). */

export interface UndoOutcome {
  removed: number;
  restored: number;
  conflicts: number;
  details: Array<{ recordId: number; field: string | null; reason: string }>;
}

export type ImportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'undone';
