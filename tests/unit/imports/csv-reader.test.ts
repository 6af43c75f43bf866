import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { openCsv, type CsvRecord } from '../../../src/imports/csv-reader.ts';

async function* chunks(bytes: Buffer, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string | Buffer, options = {}) {
  const reader = await openCsv(chunks(Buffer.isBuffer(text) ? text : Buffer.from(text)), { headBytes: 16, ...options });
  const records: CsvRecord[] = [];
  for await (const r of reader.records) records.push(r);
  return { reader, records, trailing: reader.trailingErrors() };
}

describe('openCsv', () => {
  it('gives the physical start line of each record, counting CRLF inside quotes once', async () => {
    const { records } = await read('a,b\r\n1,2\r\n"x\r\ny",3\r\n4,5\r\n\r\n"p\nq\nr",6\r\n7,8');
    expect(records.map((r) => [r.fields[0], r.line])).toEqual([
      ['1', 2],
      ['x\r\ny', 3],
      ['4', 5],
      ['', 6],
      ['p\nq\nr', 7],
      ['7', 10],
    ]);
  });

  it('reads semicolons, tabs and a BOM, across chunk boundaries inside multi-byte characters', async () => {
    const { reader, records } = await read('\uFEFFФИО;Год рождения\r\nВан-Си-Сян;1890\r\n');
    expect(reader.headers).toEqual(['ФИО', 'Год рождения']);
    expect(reader.delimiter).toBe(';');
    expect(records[0]!.fields).toEqual(['Ван-Си-Сян', '1890']);
  });

  it('decodes Windows-1251 intact', async () => {
    const { reader, records } = await read(iconv.encode('ФИО,Место рождения\r\nЁлкина Прасковья,"Китай, Шаньдун"\r\n', 'win1251'));
    expect(reader.encoding.encoding).toBe('cp1251');
    expect(records[0]!.fields).toEqual(['Ёлкина Прасковья', 'Китай, Шаньдун']);
  });

  it('reports a broken quote on the line where its record starts and reads on', async () => {
    const { records } = await read('a,b\n1,"Китай, провинции\n3,"4"\n5,6\n');
    expect(records).toEqual([
      { fields: ['5', '6'], line: 4, errorsBefore: [{ line: 2, column: null, message: expect.stringMatching(/^broken quoting in the record starting on line 2/) }] },
    ]);
  });

  it('reports a quote never closed', async () => {
    const { records, trailing } = await read('a,b\n1,2\n3,"4\n5,6\n');
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(trailing).toEqual([{ line: 3, column: null, message: expect.stringMatching(/opened on line 3 is never closed/) }]);
  });

  it('skips a record past the size limit once, and reads on after its quote closes', async () => {
    const long = `"${'а'.repeat(60)}\n${'б'.repeat(60)}"`;
    const { records, trailing } = await read(`a,b\n1,2\n3,${long}\n4,"x""y"\r\n5,6`, { maxRecordChars: 40 });
    expect(records.map((r) => [r.fields, r.line, r.errorsBefore.length])).toEqual([
      [['1', '2'], 2, 0],
      [['4', 'x"y'], 5, 1],
      [['5', '6'], 6, 0],
    ]);
    expect(records[1]!.errorsBefore[0]).toEqual({ line: 3, column: null, message: expect.stringMatching(/^the record starting on line 3 is larger than 40 characters/) });
    expect(trailing).toEqual([]);
  });

  it('keeps doubled quotes and CRLF split across every chunk boundary', async () => {
    const text = 'a,b\r\n"he said ""hi""",2\r\n"x\r\ny",""\r\n';
    for (const size of [1, 2, 3, 5]) {
      const reader = await openCsv(chunks(Buffer.from(text), size), { headBytes: 1 });
      const rows: string[][] = [];
      for await (const r of reader.records) rows.push(r.fields);
      expect(rows).toEqual([
        ['he said "hi"', '2'],
        ['x\r\ny', ''],
      ]);
    }
  });

  it("reads chunks larger than the decoder's 32 KiB pieces with a Cyrillic letter across every piece boundary", async () => {
    // 256 KiB reads, as the file stream gives them. The first is the head (read whole for the
    // encoding and delimiter); the later ones are decoded in pieces, and with this header every
    // piece of theirs ends inside a two-byte letter (asserted).
    const row = `Ван-Си-Сян,${'я'.repeat(401)}`;
    const lines = Array.from({ length: 700 }, (_, i) => `${i},${row}`);
    const bytes = Buffer.from(`id,name\n${lines.join('\n')}\n`);
    const chunk = 256 * 1024;
    const boundaries: number[] = [];
    for (let at = chunk + 32768; at < bytes.length; at += 32768) if (at % chunk !== 0) boundaries.push(bytes[at]!);
    expect(boundaries.length).toBeGreaterThan(5);
    expect(boundaries.every((byte) => (byte & 0xc0) === 0x80)).toBe(true); // a continuation byte: the letter began in the piece before
    const reader = await openCsv(chunks(bytes, chunk));
    const rows: string[][] = [];
    for await (const r of reader.records) rows.push(r.fields);
    expect(rows).toHaveLength(700);
    expect(rows.every((f, i) => f[0] === String(i) && f[1] === 'Ван-Си-Сян' && f[2] === 'я'.repeat(401))).toBe(true);
  });

  it('refuses an empty file', async () => {
    await expect(read('')).rejects.toThrow(/The file is empty/);
    await expect(read('\uFEFF\r\n\r\n')).rejects.toThrow(/The file is empty/);
  });
});
