import { describe, expect, it } from 'vitest';
import { checkEncoding } from '../../../src/db/database.ts';

describe('checkEncoding', () => {
  it('accepts UTF8', () => {
    expect(() => checkEncoding('UTF8')).not.toThrow();
  });
  it.each(['SQL_ASCII', 'LATIN1', 'WIN1251'])('refuses %s, naming it and the fix', (encoding) => {
    expect(() => checkEncoding(encoding)).toThrow(new RegExp(`encoding is ${encoding}.*UTF8`));
  });
});
