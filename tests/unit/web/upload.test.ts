import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUploadForm } from '../../../src/web/upload.ts';

const B = 'nbUploadBoundary42';
// A temporary directory of this file's own (os.tmpdir() reads TMPDIR), so other tests' spooled files never show up here.
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-upload-test-'));
const SPOOL = path.join(TMP, 'namebridge-imports');
const previousTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = TMP;
});
afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  fs.rmSync(TMP, { recursive: true, force: true });
});

/** A request whose body arrives in the given chunks. */
function fakeRequest(chunks: Buffer[], headers: Record<string, string> = {}): Request {
  const all: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${B}`, ...headers };
  return Object.assign(Readable.from(chunks), { get: (name: string) => all[name.toLowerCase()] }) as unknown as Request;
}
const field = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (name: string, filename: string, data: Buffer) =>
  Buffer.concat([Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`), data, Buffer.from('\r\n')]);
const closing = Buffer.from(`--${B}--\r\n`);
const spooled = () => new Set(fs.existsSync(SPOOL) ? fs.readdirSync(SPOOL) : []);

describe('readUploadForm', () => {
  it('streams the file to the spool (byte for byte, in many chunks) and keeps the text fields', async () => {
    const csv = Buffer.from('full_name,birth_year\r\n' + 'Ван-Си-Сян,1888\r\n'.repeat(20_000));
    const body = Buffer.concat([Buffer.from(field('_csrf', 'tok') + field('source', 'Список №1')), filePart('file', 'list.csv', csv), Buffer.from(field('dryRun', '1')), closing]);
    const chunks = Array.from({ length: Math.ceil(body.length / 7_001) }, (_, i) => body.subarray(i * 7_001, (i + 1) * 7_001));
    const form = await readUploadForm(fakeRequest(chunks), 'file');
    try {
      expect(form.fields).toEqual({ _csrf: 'tok', source: 'Список №1', dryRun: '1' });
      expect(form.file).toMatchObject({ filename: 'list.csv', size: csv.length });
      expect(path.dirname(form.file!.path)).toBe(SPOOL);
      expect(fs.readFileSync(form.file!.path).equals(csv)).toBe(true);
    } finally {
      fs.rmSync(form.file!.path, { force: true });
    }
  });

  it('reports no file when the form had none', async () => {
    const form = await readUploadForm(fakeRequest([Buffer.from(field('_csrf', 'tok')), closing]), 'file');
    expect(form).toEqual({ fields: { _csrf: 'tok' }, file: null });
  });

  it('leaves nothing on disk when the body is cut off in the middle of the file (400)', async () => {
    const before = spooled();
    expect(fs.existsSync(SPOOL)).toBe(true); // the first test spooled here
    const cut = Buffer.concat([Buffer.from(field('_csrf', 'tok')), filePart('file', 'a.csv', Buffer.alloc(100_000, 0x61))]);
    await expect(readUploadForm(fakeRequest([cut]), 'file')).rejects.toMatchObject({ code: 'bad_request' });
    expect(before.size).toBe(0);
    expect([...spooled()]).toEqual([]);
  });

  it('refuses an over-long field, too many fields and a body that is not multipart', async () => {
    await expect(readUploadForm(fakeRequest([Buffer.from(field('source', 'x'.repeat(5_000))), closing]), 'file')).rejects.toMatchObject({ code: 'bad_request' });
    const many = Array.from({ length: 21 }, (_, i) => field(`f${i}`, 'v')).join('');
    await expect(readUploadForm(fakeRequest([Buffer.from(many), closing]), 'file')).rejects.toMatchObject({ code: 'bad_request' });
    await expect(readUploadForm(fakeRequest([Buffer.from('a=b')], { 'content-type': 'application/x-www-form-urlencoded' }), 'file')).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('refuses a declared body over the import limit before reading it (413)', async () => {
    const req = fakeRequest([closing], { 'content-length': String(3 * 1024 ** 3) });
    await expect(readUploadForm(req, 'file')).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
