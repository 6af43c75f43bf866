import { afterAll, describe, expect, it } from 'vitest';
import { createSearchFieldsComputer } from '../../../src/imports/search-fields.pool.ts';
import { searchFieldsFor } from '../../../src/core/match/search-fields.ts';

// Regression: under tsx a `.ts` worker entry failed to start and every import
// silently decoded on the main thread. The pool must really run its worker.
describe('the import decode worker', () => {
  const pool = createSearchFieldsComputer(1);
  afterAll(() => pool.close());

  it('starts, and decodes exactly as searchFieldsFor does', async () => {
    const deadline = Date.now() + 30_000;
    while (pool.status().ready < 1 && !pool.status().broken && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(pool.status()).toEqual({ workers: 1, ready: 1, broken: false });
    const items: Array<[string, string | null]> = [
      ['Ван-Си-Сян', 'Китай, провинции Шаньдун'],
      ['Мын-Бин-Юй Франц Эдуардович', null],
      ['Кузьмин Василий Иванович', 'Самарская губ.'],
    ];
    const fromWorker = await pool.computeBatch(items);
    expect(pool.status().broken).toBe(false);
    expect(fromWorker).toEqual(items.map(([name, place]) => searchFieldsFor(name, place)));
  }, 40_000);
});
