import { describe, expect, it } from 'vitest';
import { afterIdOf, decodeCursor, keysetPage } from '../../../src/shared/pagination.ts';

describe('keysetPage', () => {
  const rows = [{ id: '3' }, { id: '5' }, { id: '8' }];

  it('gives the first `limit` rows and a cursor of the last one when the extra row came back', () => {
    const { page, nextCursor } = keysetPage(rows, 2, (last) => last.id);
    expect(page.map((r) => r.id)).toEqual(['3', '5']);
    expect(afterIdOf(nextCursor ?? undefined)).toBe(5);
  });

  it('has no next page when no extra row came back, however full the page', () => {
    expect(keysetPage(rows, 3, (last) => last.id)).toEqual({ page: rows, nextCursor: null });
    expect(keysetPage([], 3, (last: { id: string }) => last.id)).toEqual({ page: [], nextCursor: null });
  });

  it('carries a ranked position ("score:id") as it was given', () => {
    const ranked = [{ score: 0.9, id: 7 }, { score: 0.5, id: 2 }];
    expect(decodeCursor(keysetPage(ranked, 1, (last) => `${last.score}:${last.id}`).nextCursor ?? undefined)).toBe('0.9:7');
  });
});
