import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { readUploadForm, type UploadLimits } from '../../../src/web/upload.ts';

const B = 'nbUploadBoundary42';
// A DATA_DIR of this file's own, so other tests' spooled files never show up here.
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-upload-test-'));
const SPOOL = path.join(TMP, 'spool');
afterAll(() => {
  fs.rmSync(TMP, { recursive: true, force: true });
});
const limits = (over: Partial<UploadLimits> = {}): UploadLimits => ({ dataDir: TMP, maxBytes: 2 * 1024 ** 3, beforeFile: async () => undefined, ...over });

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
    const form = await readUploadForm(fakeRequest(chunks), 'file', limits());
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
    const form = await readUploadForm(fakeRequest([Buffer.from(field('_csrf', 'tok')), closing]), 'file', limits());
    expect(form).toEqual({ fields: { _csrf: 'tok' }, file: null });
  });

  it('leaves nothing on disk when the body is cut off in the middle of the file (400)', async () => {
    const before = spooled();
    expect(fs.existsSync(SPOOL)).toBe(true); // the first test spooled here
    const cut = Buffer.concat([Buffer.from(field('_csrf', 'tok')), filePart('file', 'a.csv', Buffer.alloc(100_000, 0x61))]);
    await expect(readUploadForm(fakeRequest([cut]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    expect(before.size).toBe(0);
    expect([...spooled()]).toEqual([]);
  });

  it('refuses an over-long field, too many fields and a body that is not multipart', async () => {
    await expect(readUploadForm(fakeRequest([Buffer.from(field('source', 'x'.repeat(5_000))), closing]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    const many = Array.from({ length: 21 }, (_, i) => field(`f${i}`, 'v')).join('');
    await expect(readUploadForm(fakeRequest([Buffer.from(many), closing]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    await expect(readUploadForm(fakeRequest([Buffer.from('a=b')], { 'content-type': 'application/x-www-form-urlencoded' }), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('refuses a declared body over the import limit before reading it (413)', async () => {
    const req = fakeRequest([closing], { 'content-length': String(3 * 1024 ** 3) });
    await expect(readUploadForm(req, 'file', limits())).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('runs the role and CSRF check at the file part, with the fields before it, and a refusal writes nothing', async () => {
    const seen: Array<Record<string, string>> = [];
    const body = Buffer.concat([Buffer.from(field('_csrf', 'tok')), filePart('file', 'a.csv', Buffer.alloc(50_000, 0x61)), closing]);
    const refuse = async (fields: Record<string, string>) => {
      seen.push({ ...fields });
      throw Object.assign(new Error('no'), { code: 'forbidden' });
    };
    await expect(readUploadForm(fakeRequest([body]), 'file', limits({ beforeFile: refuse }))).rejects.toMatchObject({ code: 'forbidden' });
    expect(seen).toEqual([{ _csrf: 'tok' }]);
    expect([...spooled()]).toEqual([]);
  });

  it('413s a body with no length that passes the cap as it arrives, and leaves nothing on disk', async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const big = [Buffer.from(field('_csrf', 'tok')), filePart('file', 'a.csv', Buffer.alloc(0)).subarray(0, -2), ...Array.from({ length: 20 }, () => chunk)];
    await expect(readUploadForm(fakeRequest(big), 'file', limits({ maxBytes: 100 * 1024 }))).rejects.toMatchObject({ code: 'payload_too_large' });
    expect([...spooled()]).toEqual([]);
  });

  it('refuses a second file, a part without a name and a long epilogue (400), leaving nothing on disk', async () => {
    const two = Buffer.concat([filePart('file', 'a.csv', Buffer.from('x\r\n')), filePart('file', 'b.csv', Buffer.from('y\r\n')), closing]);
    await expect(readUploadForm(fakeRequest([two]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    const other = Buffer.concat([filePart('other', 'a.csv', Buffer.from('x\r\n')), closing]);
    await expect(readUploadForm(fakeRequest([other]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    const unnamed = Buffer.from(`--${B}\r\nContent-Type: text/plain\r\n\r\n${'z'.repeat(1000)}\r\n--${B}--\r\n`);
    await expect(readUploadForm(fakeRequest([unnamed]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    const epilogue = Buffer.concat([Buffer.from(field('_csrf', 'tok')), closing, Buffer.alloc(4096, 0x61)]);
    await expect(readUploadForm(fakeRequest([epilogue]), 'file', limits())).rejects.toMatchObject({ code: 'bad_request' });
    const short = Buffer.concat([Buffer.from(field('_csrf', 'tok')), closing]);
    expect((await readUploadForm(fakeRequest([short]), 'file', limits())).fields).toEqual({ _csrf: 'tok' });
    expect([...spooled()]).toEqual([]);
  });
});
