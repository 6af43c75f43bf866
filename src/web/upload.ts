import fs from 'node:fs';
import { once } from 'node:events';
import type { Request } from 'express';
import { newSpoolFile, tooLarge } from '../imports/import.spool.ts';
import { BadRequestError } from '../shared/errors.ts';
import { MultipartError, MultipartParser, boundaryOf, type MultipartEvent, type PartHeader } from './multipart.ts';

/** A form's text fields are short (a token, a source name, a checkbox). */
const MAX_FIELD_BYTES = 4 * 1024;
const MAX_FIELDS = 20;
/** Delimiters and part headers around the file and the fields. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface UploadedFile {
  /** The spooled file; whoever takes it (the import queue) removes it, else discardUpload does. */
  path: string;
  /** Its name in the spool (import.spool.ts). */
  name: string;
  filename: string;
  size: number;
}

export interface UploadForm {
  fields: Record<string, string>;
  /** The form's one file part (named `fileField`); null when there was none. */
  file: UploadedFile | null;
}

export interface UploadLimits {
  /** DATA_DIR: the file goes to its spool. */
  dataDir: string;
  /** IMPORT_MAX_BYTES: the file's bytes at most (413 past it). */
  maxBytes: number;
  /**
   * Runs when the file part starts, with the fields read so far (`_csrf` comes
   * before the file in the form): the role and CSRF check, so a refused post
   * writes nothing. Throwing stops the upload.
   */
  beforeFile: (fields: Record<string, string>) => Promise<void>;
}

/**
 * Reads a multipart/form-data upload as it arrives: text fields into memory
 * (bounded), the one file part straight to a file in the import spool, waiting
 * for the disk when it is slower than the network. Everything is bounded: the
 * bytes read in all (whatever the headers say; 413), each field, the number of
 * fields, the part headers and what follows the closing boundary; a second
 * file part, a part without a name or a malformed body is a 400. Nothing is
 * left on disk when it fails. The request is never destroyed here, so the
 * refusal can still be sent.
 */
export async function readUploadForm(req: Request, fileField: string, limits: UploadLimits): Promise<UploadForm> {
  const boundary = boundaryOf(req.get('content-type'));
  if (!boundary) throw new BadRequestError('Send the form as multipart/form-data');
  const maxTotal = limits.maxBytes + MAX_FIELDS * MAX_FIELD_BYTES + FORM_OVERHEAD_BYTES;
  if (Number(req.get('content-length') ?? NaN) > maxTotal) throw tooLarge(limits.maxBytes);
  const parser = new MultipartParser(boundary);
  const reader = new FormReader(fileField, limits);
  let total = 0;
  try {
    for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxTotal) throw tooLarge(limits.maxBytes);
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

type Spool = { stream: fs.WriteStream; path: string; name: string; error?: Error };

/** Where each part of the form goes: text fields to memory, the one file to the spool. */
class FormReader {
  readonly form: UploadForm = { fields: {}, file: null };
  private current: { part: PartHeader; sink: 'field' | 'file'; chunks: Buffer[]; bytes: number } | undefined;
  private spool: Spool | undefined;
  private fieldCount = 0;
  private fileSeen = false;

  constructor(
    private readonly fileField: string,
    private readonly limits: UploadLimits,
  ) {}

  async handle(event: MultipartEvent): Promise<void> {
    if (event.type === 'part') await this.start(event.part);
    else if (event.type === 'data') await this.data(event.data);
    else await this.finish();
  }

  /** Removes a half-written spool file. */
  abort(): void {
    if (!this.spool) return;
    this.spool.stream.destroy();
    fs.rmSync(this.spool.path, { force: true });
  }

  private async start(part: PartHeader): Promise<void> {
    if (part.filename !== null) {
      if (part.name !== this.fileField || this.fileSeen) throw new BadRequestError(`The form may carry one file, as "${this.fileField}"`);
      this.fileSeen = true;
      await this.limits.beforeFile(this.form.fields);
      this.spool = openSpool(this.limits.dataDir);
      this.current = { part, sink: 'file', chunks: [], bytes: 0 };
      return;
    }
    if (++this.fieldCount > MAX_FIELDS) throw new BadRequestError('The form has too many fields');
    this.current = { part, sink: 'field', chunks: [], bytes: 0 };
  }

  private async data(data: Buffer): Promise<void> {
    const current = this.current!;
    current.bytes += data.length;
    if (current.sink === 'field') {
      if (current.bytes > MAX_FIELD_BYTES) throw new BadRequestError(`The form field "${current.part.name}" is too long`);
      current.chunks.push(data);
      return;
    }
    const spool = this.spool!;
    if (current.bytes > this.limits.maxBytes) throw tooLarge(this.limits.maxBytes);
    if (spool.error) throw spool.error;
    // Wait for the disk when it is slower than the network: memory stays at a chunk or two.
    if (!spool.stream.write(data)) await once(spool.stream, 'drain');
  }

  private async finish(): Promise<void> {
    const current = this.current!;
    if (current.sink === 'field') this.form.fields[current.part.name] = Buffer.concat(current.chunks).toString('utf8');
    else {
      const spool = this.spool!;
      spool.stream.end();
      await once(spool.stream, 'finish');
      this.form.file = { path: spool.path, name: spool.name, filename: current.part.filename ?? '', size: current.bytes };
    }
    this.current = undefined;
  }
}

/** Removes an upload nobody took (the form was refused, or had no file). */
export function discardUpload(form: UploadForm): void {
  if (form.file) fs.rmSync(form.file.path, { force: true });
}

/** A new spool file; a write error (a full disk) is kept to be thrown at the next write, never left unhandled. */
function openSpool(dataDir: string): Spool {
  const file = newSpoolFile(dataDir);
  const out: Spool = { stream: fs.createWriteStream(file.path), ...file };
  out.stream.on('error', (err) => (out.error = err));
  return out;
}
