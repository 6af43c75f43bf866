/**
 * A streaming multipart/form-data reader for the one upload form (/imports)
 * when the browser runs no script. Chunks go in as they arrive; out come
 * events — a part starts (its name, file name, type), a piece of its data, it
 * ends — so a file part can be written to disk as it comes and never held in
 * memory. Pure: no I/O; src/web/upload.ts drives it from the request.
 */
export interface PartHeader {
  name: string;
  filename: string | null;
  contentType: string | null;
}

export type MultipartEvent = { type: 'part'; part: PartHeader } | { type: 'data'; data: Buffer } | { type: 'end' };

/** Header block of one part (Content-Disposition, Content-Type): anything longer is not a browser's. */
const MAX_HEADER_BYTES = 16 * 1024;
/** After the closing boundary browsers send a CRLF at most; more is refused, not read on forever. */
const MAX_EPILOGUE_BYTES = 1024;

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

export class MultipartError extends Error {}

type State = 'preamble' | 'afterBoundary' | 'headers' | 'body' | 'done';

export class MultipartParser {
  /** "\r\n--boundary": what ends a part's data (the first delimiter has no CRLF before it). */
  private readonly delimiter: Buffer;
  private state: State = 'preamble';
  /** Starts with CRLF, so the opening "--boundary" is found like every later delimiter. */
  private pending: Buffer = Buffer.from('\r\n');
  /** Data events of the current part: whether a part is open (only parts with a name are reported). */
  private inNamedPart = false;
  private epilogueBytes = 0;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /** Feeds the next chunk of the body; returns what it completed. */
  push(chunk: Buffer): MultipartEvent[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const events: MultipartEvent[] = [];
    while (this.step(events));
    return events;
  }

  /** The body is over: it must have ended with the closing delimiter. */
  end(): void {
    if (this.state !== 'done') throw new MultipartError('the form ended before its closing boundary');
  }

  /** One transition; false when it needs more input. */
  private step(events: MultipartEvent[]): boolean {
    switch (this.state) {
      case 'preamble': {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          if (this.pending.length > MAX_HEADER_BYTES) throw new MultipartError('multipart body without its boundary');
          return false;
        }
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = 'afterBoundary';
        return true;
      }
      case 'afterBoundary': {
        if (this.pending.length < 2) return false;
        const two = this.pending.subarray(0, 2).toString('latin1');
        if (two === '--') {
          this.state = 'done';
          this.pending = this.pending.subarray(2); // the epilogue: counted, then dropped
          return true;
        }
        if (two !== '\r\n') throw new MultipartError('malformed multipart delimiter line');
        this.pending = this.pending.subarray(2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        if (this.pending.length < 2) return false;
        // A part with no header lines at all has its blank line straight away.
        const none = this.pending.subarray(0, 2).toString('latin1') === '\r\n';
        const end = none ? 0 : this.pending.indexOf('\r\n\r\n');
        if (end < 0) {
          if (this.pending.length > MAX_HEADER_BYTES) throw new MultipartError('multipart part headers too long');
          return false;
        }
        const part = partHeader(this.pending.subarray(0, end).toString('utf8'));
        // A part without a name is no form field: its data would be read for nothing.
        if (!part) throw new MultipartError('a part without a name');
        this.pending = this.pending.subarray(none ? 2 : end + 4);
        this.inNamedPart = part !== undefined;
        if (part) events.push({ type: 'part', part });
        this.state = 'body';
        return true;
      }
      case 'body': {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          // Keep what could be the start of a delimiter split across chunks; the rest is data.
          const safe = this.pending.length - (this.delimiter.length - 1);
          if (safe > 0) {
            this.data(events, this.pending.subarray(0, safe));
            this.pending = this.pending.subarray(safe);
          }
          return false;
        }
        this.data(events, this.pending.subarray(0, at));
        if (this.inNamedPart) events.push({ type: 'end' });
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = 'afterBoundary';
        return true;
      }
      case 'done':
        this.epilogueBytes += this.pending.length;
        this.pending = Buffer.alloc(0);
        if (this.epilogueBytes > MAX_EPILOGUE_BYTES) throw new MultipartError('too much data after the closing boundary');
        return false;
    }
  }

  private data(events: MultipartEvent[], data: Buffer): void {
    // A copy: the chunk it came from may be reused by the stream.
    if (this.inNamedPart && data.length > 0) events.push({ type: 'data', data: Buffer.from(data) });
  }
}

function partHeader(block: string): PartHeader | undefined {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  const name = paramOf(disposition, 'name');
  if (name === undefined) return undefined;
  return { name, filename: paramOf(disposition, 'filename') ?? null, contentType: headers.get('content-type') ?? null };
}

function paramOf(header: string, param: string): string | undefined {
  const m = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${param}=([^;\\s]+)`, 'i').exec(header);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** A whole body at once (tests, and the shape the form reader builds): each named part with its bytes. */
export function parseMultipart(body: Buffer, boundary: string): Array<PartHeader & { data: Buffer }> {
  const parser = new MultipartParser(boundary);
  const parts: Array<PartHeader & { data: Buffer }> = [];
  const chunks: Buffer[] = [];
  for (const event of parser.push(body)) {
    if (event.type === 'part') parts.push({ ...event.part, data: Buffer.alloc(0) });
    else if (event.type === 'data') chunks.push(event.data);
    else {
      parts.at(-1)!.data = Buffer.concat(chunks.splice(0));
    }
  }
  parser.end();
  return parts;
}
