import fs from 'node:fs';
import { once } from 'node:events';
import type { Request } from 'express';
import { IMPORT_MAX_BYTES, spoolPath, tooLarge } from '../imports/import.queue.ts';
import { BadRequestError } from '../shared/errors.ts';
import { MultipartError, MultipartParser, boundaryOf, type MultipartEvent, type PartHeader } from './multipart.ts';

/** A form's text fields are short (a token, a source name, a checkbox). */
const MAX_FIELD_BYTES = 4 * 1024;
const MAX_FIELDS = 20;

export interface UploadedFile {
  /** The spooled file; whoever takes it (the import queue) removes it, else discardUpload does. */
  path: string;
  filename: string;
  size: number;
}

export interface UploadForm {
  fields: Record<string, string>;
  /** The first part named `fileField` that came with a file name; null when there was none. */
  file: UploadedFile | null;
}

/**
 * Reads a multipart/form-data upload as it arrives: text fields into memory
 * (bounded), the file straight to a temporary file in the import spool, waiting
 * for the disk when it is slower than the network. The same byte limit as
 * POST /api/imports (413 past it); a malformed body is a 400. Nothing is left
 * on disk when it fails.
 */
export async function readUploadForm(req: Request, fileField: string): Promise<UploadForm> {
  const boundary = boundaryOf(req.get('content-type'));
  if (!boundary) throw new BadRequestError('Send the form as multipart/form-data');
  if (Number(req.get('content-length') ?? NaN) > IMPORT_MAX_BYTES + MAX_FIELDS * MAX_FIELD_BYTES) throw tooLarge();
  const parser = new MultipartParser(boundary);
  const reader = new FormReader(fileField);
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      for (const event of parser.push(chunk)) await reader.handle(event);
    }
    parser.end();
  } catch (err) {
    reader.abort();
    if (err instanceof MultipartError) throw new BadRequestError(`Unreadable form: ${err.message}`);
    throw err;
  }
  return reader.form;
}

type Spool = { stream: fs.WriteStream; path: string; error?: Error };

/** Where each part of the form goes: text fields to memory, the file to the spool, other files nowhere. */
class FormReader {
  readonly form: UploadForm = { fields: {}, file: null };
  private current: { part: PartHeader; sink: 'field' | 'file' | 'skip'; chunks: Buffer[]; bytes: number } | undefined;
  private spool: Spool | undefined;
  private fieldCount = 0;

  constructor(private readonly fileField: string) {}

  async handle(event: MultipartEvent): Promise<void> {
    if (event.type === 'part') this.start(event.part);
    else if (event.type === 'data') await this.data(event.data);
    else await this.finish();
  }

  /** Removes a half-written spool file. */
  abort(): void {
    if (!this.spool) return;
    this.spool.stream.destroy();
    fs.rmSync(this.spool.path, { force: true });
  }

  private start(part: PartHeader): void {
    const isFile = part.filename !== null;
    const sink = isFile && part.name === this.fileField && !this.spool ? 'file' : isFile ? 'skip' : 'field';
    if (sink === 'field' && ++this.fieldCount > MAX_FIELDS) throw new BadRequestError('The form has too many fields');
    if (sink === 'file') this.spool = openSpool();
    this.current = { part, sink, chunks: [], bytes: 0 };
  }

  private async data(data: Buffer): Promise<void> {
    const current = this.current!;
    current.bytes += data.length;
    if (current.sink === 'field') {
      if (current.bytes > MAX_FIELD_BYTES) throw new BadRequestError(`The form field "${current.part.name}" is too long`);
      current.chunks.push(data);
    } else if (current.sink === 'file') {
      const spool = this.spool!;
      if (current.bytes > IMPORT_MAX_BYTES) throw tooLarge();
      if (spool.error) throw spool.error;
      // Wait for the disk when it is slower than the network: memory stays at a chunk or two.
      if (!spool.stream.write(data)) await once(spool.stream, 'drain');
    }
  }

  private async finish(): Promise<void> {
    const current = this.current!;
    if (current.sink === 'field') this.form.fields[current.part.name] = Buffer.concat(current.chunks).toString('utf8');
    if (current.sink === 'file') {
      const spool = this.spool!;
      spool.stream.end();
      await once(spool.stream, 'finish');
      this.form.file = { path: spool.path, filename: current.part.filename ?? '', size: current.bytes };
    }
    this.current = undefined;
  }
}

/** Removes an upload nobody took (the form was refused, or had no file). */
export function discardUpload(form: UploadForm): void {
  if (form.file) fs.rmSync(form.file.path, { force: true });
}

/** A new spool file; a write error (a full disk) is kept to be thrown at the next write, never left unhandled. */
function openSpool(): Spool {
  const path = spoolPath();
  const out: Spool = { stream: fs.createWriteStream(path), path };
  out.stream.on('error', (err) => (out.error = err));
  return out;
}
