import { spreadsheetCsvLine } from '../exports/csv.ts';
import type { RowError } from '../core/records/index.ts';
import type { DuplicatePair } from './import.writer.ts';
import type { JobProgress } from './import-jobs.repository.ts';

/** Row errors kept in the report and the job; errorsTotal counts them all. */
export const MAX_STORED_ERRORS = 1_000;
export const MAX_DUPLICATE_SAMPLE = 20;

/** parse: reading the file (and decoding, when that runs beside it); decode: after it; load: the set-based moves; index build: the rebuild. */
export type ImportPhase = 'parse' | 'decode' | 'load' | 'index build';

/** The running tally of one import. Pure. */
export class ImportTally {
  rowsRead = 0;
  inserted = 0;
  updated = 0;
  unchanged = 0;
  invalid = 0;
  duplicates = 0;
  /** Conflicts opened (a changed source value under an approved correction); not kept in the job row. */
  conflicts = 0;
  bytesRead = 0;
  warnings: string[] = [];
  errors: RowError[] = [];
  errorsTotal = 0;
  duplicateSample: DuplicatePair[] = [];
  /** What the import is doing now (the progress bar's phase) and how far, when it is counted in steps. */
  phase: ImportPhase = 'parse';
  /** Which write path the import took (import-path.ts). */
  path: 'rows' | 'bulk' = 'rows';
  phaseDone = 0;
  phaseTotal = 0;

  constructor(readonly bytesTotal: number | null) {}

  addErrors(errors: readonly RowError[]): void {
    for (const e of errors) {
      this.errorsTotal++;
      if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(e);
    }
  }

  addDuplicates(pairs: readonly DuplicatePair[]): void {
    this.duplicates += pairs.length;
    for (const p of pairs) if (this.duplicateSample.length < MAX_DUPLICATE_SAMPLE) this.duplicateSample.push(p);
  }

  /** Pairs found set-wise (the bulk path): all counted, a sample kept. */
  addDuplicateCount(count: number, sample: readonly DuplicatePair[]): void {
    this.duplicates += count;
    for (const p of sample) if (this.duplicateSample.length < MAX_DUPLICATE_SAMPLE) this.duplicateSample.push(p);
  }

  enter(phase: ImportPhase, done = 0, total = 0): void {
    this.phase = phase;
    this.phaseDone = done;
    this.phaseTotal = total;
  }

  /** Counts of a pass that only validated (strict mode's first pass) are not kept. */
  resetForSecondPass(): void {
    this.rowsRead = 0;
    this.bytesRead = 0;
    this.warnings = [];
  }

  progress(): JobProgress {
    return {
      rowsRead: this.rowsRead,
      inserted: this.inserted,
      updated: this.updated,
      unchanged: this.unchanged,
      invalid: this.invalid,
      duplicates: this.duplicates,
      bytesRead: this.bytesRead,
      bytesTotal: this.bytesTotal,
      warnings: this.warnings,
      errors: this.errors,
      errorsTotal: this.errorsTotal,
      duplicateSample: this.duplicateSample,
    };
  }
}

/** The counters of an import's rows, as every report names them (the job row, the summary, the API). */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  duplicates: number;
}

/** The `--json` summary line: exactly these keys. */
export interface ImportSummary extends ImportCounts {
  warnings: string[];
  errors: RowError[];
  errorsTotal: number;
}

/** The summary of a file refused as a whole: nothing written, the one error at line 0. */
export function fileErrorSummary(message: string): ImportSummary {
  return { inserted: 0, updated: 0, unchanged: 0, invalid: 0, duplicates: 0, warnings: [], errors: [{ line: 0, column: null, message }], errorsTotal: 1 };
}

export function summaryOf(report: ImportSummary): ImportSummary {
  return {
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
    invalid: report.invalid,
    duplicates: report.duplicates,
    warnings: report.warnings,
    errors: report.errors,
    errorsTotal: report.errorsTotal,
  };
}

/**
 * The error report as CSV (line, column, message), RFC 4180 quoting. An
 * archivist opens it in a spreadsheet, and column names and messages quote the
 * uploaded file: cells are spreadsheet-safe (no formula runs).
 */
export function errorsToCsv(errors: readonly RowError[]): string {
  const rows = errors.map((e) => spreadsheetCsvLine([String(e.line), e.column ?? '', e.message]));
  return spreadsheetCsvLine(['line', 'column', 'message']) + rows.join('');
}
