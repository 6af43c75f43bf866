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

  it('reserve grows once, keeps what it holds, and then takes that many keys without growing', () => {
    const set = new IdSet(4);
    for (let i = 0; i < 100; i++) set.firstLine(`k${i}`, i + 1);
    set.reserve(100_000);
    const reserved = set.capacity;
    expect(reserved).toBeGreaterThanOrEqual(125_000); // filled to at most 80%
    expect(reserved).toBeLessThan(2 * 125_000);
    for (let i = 0; i < 100; i++) expect(set.firstLine(`k${i}`, 999)).toBe(i + 1);
    for (let i = 100; i < 100_000; i++) expect(set.firstLine(`k${i}`, i + 1)).toBeUndefined();
    expect(set.capacity).toBe(reserved);
    set.reserve(10); // never shrinks
    expect(set.capacity).toBe(reserved);
  });
});
