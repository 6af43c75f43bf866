import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../src/core/records/id-set.ts';

describe('IdSet', () => {
  it('remembers the first line of each key, across growth', () => {
    const set = new IdSet(4);
    for (let i = 0; i < 50_000; i++) expect(set.firstLine(`src\u0001id-${i}`, i + 2)).toBeUndefined();
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(set.firstLine(`src\u0001id-${i}`, 999_999)).toBe(i + 2);
    expect(set.firstLine('other\u0001id-1', 7)).toBeUndefined();
  });
});
