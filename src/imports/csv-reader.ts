import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { parse, type CsvError, type Options as CsvOptions } from 'csv-parse';
import iconv from 'iconv-lite';
import { ImportFileError, type RowError } from './import.errors.ts';
import { countLineBreaks } from './row-validation.ts';
import { detectEncoding, sniffDelimiter, type EncodingDecision, type TextEncoding } from './text-encoding.ts';

/**
 * Streams a CSV byte stream as records with their physical line numbers.
 * Memory stays flat: bytes are decoded and parsed chunk by chunk.
 */
export interface CsvRecord {
  fields: string[];
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** Broken records the parser skipped just before this one. */
  errorsBefore: RowError[];
}

export interface CsvReader {
  headers: string[];
  headerLine: number;
  delimiter: string;
  encoding: EncodingDecision;
  records: AsyncIterable<CsvRecord>;
  /** Broken records after the last good one (read when `records` is done). */
  trailingErrors(): RowError[];
  bytesRead(): number;
}

export interface CsvReaderOptions {
  encoding?: TextEncoding;
  /** Bytes looked at to decide the encoding and delimiter. */
  headBytes?: number;
  /** A record larger than this (a quote never closed) is skipped as broken. */
  maxRecordChars?: number;
}

const HEAD_BYTES = 64 * 1024;
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export async function openCsv(input: AsyncIterable<Buffer | string>, options: CsvReaderOptions = {}): Promise<CsvReader> {
  const iterator = input[Symbol.asyncIterator]();
  let bytes = 0;
  const headChunks: Buffer[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < (options.headBytes ?? HEAD_BYTES)) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    headChunks.push(chunk);
    headSize += chunk.length;
  }
  const head = Buffer.concat(headChunks);
  bytes = head.length;
  const encoding = detectEncoding(head, options.encoding);
  const decoder = makeDecoder(encoding.encoding);
  const headText = decoder.write(head.subarray(encoding.bomLength));
  if (ended && headText.trim() === '') {
    throw new ImportFileError('empty', 'The file is empty: a header row and at least one record are needed. Nothing was imported.');
  }
  const delimiter = sniffDelimiter(/^[^\r\n]*/.exec(headText)![0]);

  // UTF-8 goes to the parser as bytes (it decodes them itself; invalid bytes
  // become U+FFFD, which row validation reports). cp1251 is decoded here.
  const passBytes = encoding.encoding === 'utf8';
  const headBody = head.subarray(encoding.bomLength);
  async function* text(): AsyncGenerator<Buffer | string> {
    if (passBytes) {
      if (headBody.length) yield headBody;
    } else if (headText) {
      yield headText;
    }
    if (!ended) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        bytes += chunk.length;
        if (passBytes) {
          yield chunk;
          continue;
        }
        const decoded = decoder.write(chunk);
        if (decoded) yield decoded;
      }
    }
    if (!passBytes) {
      const rest = decoder.end();
      if (rest) yield rest;
    }
  }

  // Line bookkeeping runs inside the parser, in record order. csv-parse counts
  // a CRLF inside a quoted field as two lines; we count it as one.
  let crlfInside = 0;
  let lastEndLine = 0;
  let pending: RowError[] = [];
  const csvOptions: CsvOptions<CsvRecord, string[]> = {
    delimiter,
    relax_column_count: true,
    relax_quotes: false,
    skip_records_with_error: true,
    // A valid record is at most a 1 MB biography and some short fields; a larger
    // one is a quote never closed, and must not grow the CLI's bounded heap.
    max_record_size: options.maxRecordChars ?? MAX_RECORD_CHARS,
    on_record: (record, context) => {
      let breaks = 0;
      for (const field of record) {
        if (field.length === 0 || !/[\r\n]/.test(field)) continue;
        breaks += countLineBreaks(field);
        crlfInside += (field.match(/\r\n/g) ?? []).length;
      }
      const endLine = context.lines - crlfInside;
      lastEndLine = endLine;
      const errorsBefore = pending;
      pending = [];
      inOversized = false;
      return { fields: record, line: endLine - breaks, errorsBefore } satisfies CsvRecord;
    },
  };
  const parser = parse(csvOptions as unknown as CsvOptions);
  // After an oversized record the parser goes on cutting the rest of it into
  // oversized pieces: one error says it all, until a good record is read.
  let inOversized = false;
  parser.on('skip', (err: CsvError) => {
    const line = lastEndLine + 1;
    const oversized = err.code === 'CSV_MAX_RECORD_SIZE';
    if (!(oversized && inOversized)) pending.push({ line, column: null, message: describeCsvError(err, line) });
    inOversized = oversized;
    // The broken record's own lines are not counted again for the next one.
    lastEndLine = Math.max(lastEndLine, Number((err as { lines?: number }).lines ?? line) - crlfInside);
  });
  const source = Readable.from(text(), { objectMode: false });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  const records = parser as AsyncIterable<CsvRecord>;
  const it = records[Symbol.asyncIterator]();
  // The first non-blank record is the header.
  let header: CsvRecord | undefined;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    if (next.value.fields.some((f) => f.trim() !== '')) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    throw new ImportFileError('empty', 'The file is empty: a header row and at least one record are needed. Nothing was imported.');
  }
  const rest: AsyncIterable<CsvRecord> = { [Symbol.asyncIterator]: () => it };
  return {
    headers: header.fields,
    headerLine: header.line,
    delimiter,
    encoding,
    records: rest,
    trailingErrors: () => {
      const out = pending;
      pending = [];
      return out;
    },
    bytesRead: () => bytes,
  };
}

function makeDecoder(encoding: TextEncoding): { write(b: Buffer): string; end(): string } {
  if (encoding === 'cp1251') {
    const d = iconv.getDecoder('win1251');
    return { write: (b) => d.write(b), end: () => d.end() ?? '' };
  }
  // Invalid bytes become U+FFFD, which row validation reports with its line.
  const d = new StringDecoder('utf8');
  return { write: (b) => d.write(b), end: () => d.end() };
}

function describeCsvError(err: CsvError, line: number): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted field opened on line ${line} is never closed, so the rest of the file could not be read (add the closing " or double the quotes inside the field)`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `broken quoting in the record starting on line ${line}: a quoted field is closed and followed by more text (a quote inside a quoted field must be doubled ""), so this record and any lines it swallowed could not be read`;
    case 'INVALID_OPENING_QUOTE':
      return `a quote in the middle of an unquoted field in the record starting on line ${line}: quote the whole field and double the quotes inside it`;
    case 'CSV_MAX_RECORD_SIZE':
      return `the record starting on line ${line} is larger than ${MAX_RECORD_CHARS.toLocaleString('en')} characters, so it and everything up to the next good record were skipped (a quote never closed?)`;
    default:
      return `the record starting on line ${line} could not be read: ${err.message}`;
  }
}
