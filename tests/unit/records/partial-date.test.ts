import { describe, expect, it } from 'vitest';
import { normalisePartialDate } from '../../../src/core/records/partial-date.ts';

describe('normalisePartialDate', () => {
  it.each([
    ['1937', '1937'],
    ['09.1937', '1937-09'],
    ['9.1937', '1937-09'],
    ['17.05.1938', '1938-05-17'],
    ['1.2.1938', '1938-02-01'],
    ['1938-05-17', '1938-05-17'],
    ['1938-05', '1938-05'],
    [' 29.02.1936 ', '1936-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePartialDate(input)).toEqual({ ok: true, normalised: expected });
  });

  it.each([
    ['31.02.1938', /day 31 does not exist/],
    ['29.02.1937', /day 29 does not exist/],
    ['13.1937', /month 13/],
    ['1938-00-10', /month 0/],
    ['1066', /outside/],
    ['2937', /outside/],
    ['вчера', /not a date/],
    ['17/05/1938', /not a date/],
    ['', /not a date/],
  ])('rejects %s', (input, message) => {
    const result = normalisePartialDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('sorts normalised forms in time order as text', () => {
    const forms = ['17.05.1938', '1937', '09.1937', '01.01.1938'].map((d) => {
      const r = normalisePartialDate(d);
      return r.ok ? r.normalised : '';
    });
    expect([...forms].sort()).toEqual(['1937', '1937-09', '1938-01-01', '1938-05-17']);
  });
});
