import { describe, expect, it } from 'vitest';
import { MultipartParser, boundaryOf, parseMultipart } from '../../../src/web/multipart.ts';

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

describe('multipart form reader, streaming', () => {
  // A file whose bytes look like the start of a delimiter, split at every position: the data must come out whole.
  const file = Buffer.concat([Buffer.from(`a,b\r\n--${B.slice(0, 10)}\r\n-`), Buffer.from([0, 255, 13, 10]), Buffer.from(`\r\n--${B.slice(0, -1)}`)]);
  const whole = Buffer.concat([
    Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntok\r\n`),
    Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${B}--\r\n`),
  ]);

  function collect(chunks: Buffer[]) {
    const parser = new MultipartParser(B);
    const parts: Array<{ name: string; data: Buffer }> = [];
    for (const chunk of chunks) {
      for (const e of parser.push(chunk)) {
        if (e.type === 'part') parts.push({ name: e.part.name, data: Buffer.alloc(0) });
        else if (e.type === 'data') parts.at(-1)!.data = Buffer.concat([parts.at(-1)!.data, e.data]);
      }
    }
    parser.end();
    return parts;
  }

  it('gives the same parts whatever the chunking (every split point, and byte by byte)', () => {
    for (let i = 0; i <= whole.length; i++) {
      const parts = collect([whole.subarray(0, i), whole.subarray(i)]);
      expect(parts.map((p) => p.name)).toEqual(['_csrf', 'file']);
      expect(parts[0]!.data.toString()).toBe('tok');
      expect(parts[1]!.data.equals(file), `split at ${i}`).toBe(true);
    }
    const bytes = [...whole].map((b) => Buffer.from([b]));
    expect(collect(bytes)[1]!.data.equals(file)).toBe(true);
  });

  it('never holds more than a delimiter of a file part back', () => {
    const parser = new MultipartParser(B);
    parser.push(whole.subarray(0, whole.indexOf('x.csv') + 10));
    const big = Buffer.alloc(1_000_000, 0x61);
    const events = parser.push(big);
    const out = events.filter((e) => e.type === 'data').reduce((n, e) => n + (e.type === 'data' ? e.data.length : 0), 0);
    expect(out).toBeGreaterThan(big.length - B.length - 10);
  });

  it('refuses a body that stops before its closing boundary', () => {
    const parser = new MultipartParser(B);
    parser.push(whole.subarray(0, whole.length - 10));
    expect(() => parser.end()).toThrow(/closing boundary/);
  });
});
