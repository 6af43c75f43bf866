import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from '../../../src/web/multipart.ts';

const B = '----nbBoundary7MA4YWxk';
const body = (parts: string[]) => Buffer.from(parts.map((p) => `--${B}\r\n${p}\r\n`).join('') + `--${B}--\r\n`, 'utf8');

describe('multipart form reader', () => {
  it('finds the boundary, quoted or not', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${B}`)).toBe(B);
    expect(boundaryOf(`multipart/form-data; boundary="${B}"`)).toBe(B);
    expect(boundaryOf('application/x-www-form-urlencoded')).toBeUndefined();
    expect(boundaryOf(undefined)).toBeUndefined();
  });

  it('reads fields and a file byte for byte (CRLF inside the file kept)', () => {
    const csv = 'full_name,birth_year\r\nВан-Си-Сян,1899\r\n';
    const parts = parseMultipart(
      body([
        'Content-Disposition: form-data; name="_csrf"\r\n\r\ntok123',
        `Content-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}`,
        'Content-Disposition: form-data; name="dryRun"\r\n\r\n1',
      ]),
      B,
    );
    expect(parts.map((p) => p.name)).toEqual(['_csrf', 'file', 'dryRun']);
    expect(parts[0]!.data.toString()).toBe('tok123');
    expect(parts[1]!.filename).toBe('list.csv');
    expect(parts[1]!.contentType).toBe('text/csv');
    expect(parts[1]!.data.toString('utf8')).toBe(csv);
  });

  it('reads an empty file part', () => {
    const parts = parseMultipart(body(['Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n']), B);
    expect(parts[0]!.filename).toBe('');
    expect(parts[0]!.data.length).toBe(0);
  });

  it('refuses a body that is not multipart', () => {
    expect(() => parseMultipart(Buffer.from('hello'), B)).toThrow();
    expect(() => parseMultipart(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end`), B)).toThrow();
  });
});
