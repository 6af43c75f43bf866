import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { ImportFileError, type RowError } from '../core/records/index.ts';
import { readRecords } from './csv-records.ts';
import { detectEncoding, sniffDelimiter, type EncodingDecision, type TextEncoding } from '../core/records/index.ts';

/**
 * Streams a CSV byte stream as records with their physical line numbers.
 * Memory stays flat: bytes are decoded and parsed chunk by chunk.
 */
export type { TextRecord as CsvRecord } from './csv-records.ts';
import type { TextRecord as CsvRecord } from './csv-records.ts';

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
/**
 * Bytes decoded at a time. A string past ~128 KB is born in V8's old
 * generation (its large-object space), so the 256 KiB chunks the file is read
 * in, decoded whole, put ~1 MB of text (the chunk, then papaparse's flattened
 * buffer) into the old generation for every 256 KiB read, and the bounded heap
 * collected it with a full mark-compact every few batches. Pieces of 32 KiB
 * stay in the young generation and die there.
 */
const DECODE_PIECE = 32 * 1024;

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

  const newline = /\n/.test(headText) || !/\r/.test(headText) ? '\n' : '\r';
  const headBody = headText;
  async function* text(): AsyncGenerator<string> {
    if (headBody) yield headBody;
    if (!ended) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        bytes += chunk.length;
        for (let at = 0; at < chunk.length; at += DECODE_PIECE) {
          const decoded = decoder.write(chunk.subarray(at, at + DECODE_PIECE));
          if (decoded) yield decoded;
        }
      }
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  const trailing: RowError[] = [];
  const it = readRecords(text(), { delimiter, newline, maxRecordChars: options.maxRecordChars ?? MAX_RECORD_CHARS }, trailing);
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
    trailingErrors: () => trailing.splice(0),
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
