import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { completeUtf8Prefix, detectEncoding, firstInvalidUtf8, looksLikeCyrillic, sniffDelimiter } from '../../../src/core/records/text-encoding.ts';
import { ROOT } from '../../helpers/processes.ts';

const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'tests/fixtures/imports', name));

describe('detectEncoding', () => {
  it('takes UTF-8 with and without BOM', () => {
    expect(detectEncoding(Buffer.from('ФИО\nВан-Си-Сян\n'))).toEqual({ encoding: 'utf8', bomLength: 0, detected: true });
    expect(detectEncoding(fixture('bom-semicolon-crlf.csv'))).toEqual({ encoding: 'utf8', bomLength: 3, detected: true });
  });

  it('detects Windows-1251 Russian text', () => {
    expect(detectEncoding(fixture('cp1251.csv'))).toEqual({ encoding: 'cp1251', bomLength: 0, detected: true });
  });

  it('refuses Latin-1 text rather than read it as cp1251 mojibake', () => {
    expect(() => detectEncoding(fixture('latin1.csv'))).toThrow(/not valid UTF-8 \(byte 0xe9 at byte 42\).*does not read as Windows-1251/);
  });

  it('refuses binary files and UTF-16', () => {
    expect(() => detectEncoding(fixture('binary.xlsx'))).toThrow(/not text: it contains a NUL byte at byte 6/);
    expect(() => detectEncoding(Buffer.from('\uFEFFФИО', 'utf16le'))).toThrow(/UTF-16/);
  });

  it('obeys a forced encoding', () => {
    expect(detectEncoding(Buffer.from('ФИО'), 'cp1251')).toEqual({ encoding: 'cp1251', bomLength: 0, detected: false });
  });

  it('does not take a multi-byte character cut by the chunk boundary for invalid UTF-8', () => {
    const bytes = Buffer.from('ФИО,Ван-Си-Сян');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(completeUtf8Prefix(cut).length).toBe(bytes.length - 2);
    expect(detectEncoding(cut).encoding).toBe('utf8');
    expect(firstInvalidUtf8(cut)).toBe(cut.length);
  });
});

describe('looksLikeCyrillic', () => {
  it('accepts Russian and refuses mixed-script words', () => {
    expect(looksLikeCyrillic(iconv.decode(iconv.encode('Китай, провинции Шаньдун', 'win1251'), 'win1251')).ok).toBe(true);
    expect(looksLikeCyrillic(iconv.decode(Buffer.from('René Müller, Besançon', 'latin1'), 'win1251')).ok).toBe(false);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['external_id,full_name,birth_year', ','],
    ['external_id;Фамилия;Имя', ';'],
    ['external_id\tfull_name', '\t'],
    ['"a;b",c,d', ','],
    ['ФИО', ','],
  ])('%j → %j', (line, expected) => {
    expect(sniffDelimiter(line)).toBe(expected);
  });
});
