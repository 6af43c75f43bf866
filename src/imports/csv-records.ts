import Papa from 'papaparse';
import type { RowError } from '../core/records/index.ts';

/**
 * CSV text → records with the physical line each starts on, on papaparse's
 * chunk parser (the fastest of the maintained parsers we measured that reports
 * broken quoting: docs/benchmarks.md, "CSV parsers"). papaparse parses a
 * string; we feed it the text chunk by chunk, keep the unfinished last record
 * for the next chunk, and turn papaparse's quote errors into row errors that
 * skip the broken record and read on.
 */
export interface TextRecord {
  fields: string[];
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** Broken records skipped just before this one. */
  errorsBefore: RowError[];
}

export interface RecordOptions {
  delimiter: string;
  /** '\n' (also reads CRLF files: the CR is trimmed) or a lone '\r'. */
  newline: '\n' | '\r';
  /** Unfinished text past this many characters is a quote never closed. */
  maxRecordChars: number;
}

interface StepResult {
  data: string[][];
  errors: Array<{ code: string }>;
  meta: { cursor: number };
}

/** Yields the good records; broken ones travel as `errorsBefore` of the next, and those after the last end up in `trailing`. */
export async function* readRecords(chunks: AsyncIterable<string>, options: RecordOptions, trailing: RowError[]): AsyncGenerator<TextRecord> {
  const { newline, maxRecordChars } = options;
  let buffer = '';
  /** Physical line of the first character of `buffer`. */
  let line = 1;
  /** Inside an oversized record: discarding text until its quote closes (see skipOversized). */
  let skipping: SkipState | null = null;
  let out: TextRecord[] = [];
  let pending: RowError[] = [];
  const reject = (e: RowError) => void pending.push(e);

  const parser = new Papa.Parser({
    delimiter: options.delimiter,
    newline,
    step: (result: StepResult) => {
      const fields = result.data[0]!;
      const start = line;
      const end = result.meta.cursor;
      line += countBreaks(buffer, consumed, end, newline);
      consumed = end;
      if (result.errors.length > 0) {
        reject({ line: start, column: null, message: describe(result.errors[0]!.code, start) });
        return;
      }
      if (newline === '\n') trimCarriageReturn(fields);
      out.push({ fields, line: start, errorsBefore: pending });
      pending = [];
    },
  }) as unknown as { parse(input: string, baseIndex: number, ignoreLastRow: boolean): StepResult };
  /** How far into `buffer` the records stepped so far reach. */
  let consumed = 0;

  const parse = (last: boolean) => {
    consumed = 0;
    parser.parse(buffer, 0, !last);
    buffer = last ? '' : buffer.slice(consumed);
  };

  for await (const chunk of chunks) {
    if (skipping) {
      const rest = skipOversized(skipping, chunk, newline);
      if (rest === null) continue;
      line = skipping.line;
      skipping = null;
      buffer = rest;
    } else {
      buffer += chunk;
    }
    parse(false);
    yield* out;
    out = [];
    if (buffer.length > maxRecordChars) {
      reject({ line, column: null, message: `the record starting on line ${line} is larger than ${maxRecordChars.toLocaleString('en')} characters, so it and everything up to the next good record were skipped (a quote never closed?)` });
      skipping = startSkipping(buffer, line, newline);
      buffer = '';
    }
  }
  if (!skipping && buffer.length > 0) {
    parse(true);
    yield* out;
  }
  trailing.push(...pending);
}

/**
 * A record too large to hold is dropped without keeping it: we follow its
 * quotes (a doubled quote toggles twice) until one closes at the end of a
 * line, and read on from the next line.
 */
interface SkipState {
  inQuote: boolean;
  /** Physical line of the next character. */
  line: number;
}

function startSkipping(text: string, line: number, newline: string): SkipState {
  const state: SkipState = { inQuote: false, line };
  // The unfinished record so far only moves the quote state and the line count.
  skipOversized(state, text, newline, true);
  return state;
}

function skipOversized(state: SkipState, text: string, newline: string, wholeRecord = false): string | null {
  const nl = newline.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) state.inQuote = !state.inQuote;
    else if (c === nl) {
      state.line++;
      if (!state.inQuote && !wholeRecord) return text.slice(i + 1);
    }
  }
  return null;
}

function countBreaks(text: string, from: number, to: number, newline: string): number {
  let n = 0;
  for (let i = text.indexOf(newline, from); i !== -1 && i < to; i = text.indexOf(newline, i + 1)) n++;
  return n;
}

function trimCarriageReturn(fields: string[]): void {
  const last = fields.length - 1;
  const value = fields[last]!;
  if (value.charCodeAt(value.length - 1) === 13) fields[last] = value.slice(0, -1);
}

function describe(code: string, line: number): string {
  switch (code) {
    case 'MissingQuotes':
      return `a quoted field opened on line ${line} is never closed, so the rest of the file could not be read (add the closing " or double the quotes inside the field)`;
    case 'InvalidQuotes':
      return `broken quoting in the record starting on line ${line}: a quoted field is closed and followed by more text (a quote inside a quoted field must be doubled ""), so this record and any lines it swallowed could not be read`;
    default:
      return `the record starting on line ${line} could not be read (${code})`;
  }
}
