import { describe, expect, it } from 'vitest';
import { components, personIdOf } from '../../../src/links/link.components.ts';
import { scorePair, reasonsLine } from '../../../src/links/link.model.ts';
import { isCandidatePair, russianParts, type LinkSubject } from '../../../src/links/link.subject.ts';
import { DEFAULT_LINK_THRESHOLD, WEIGHTS } from '../../../src/links/link-weights.data.ts';
import { searchFieldsFor } from '../../../src/core/match/search-fields.ts';

let nextId = 1;
/** A subject as the repository builds it, with readings and places derived by the same code as a stored record. */
function subject(fullName: string, birthYear: number | null, birthplace: string | null, extra: Partial<LinkSubject> = {}): LinkSubject {
  const fields = searchFieldsFor(fullName, birthplace);
  const parts = russianParts(fullName, null, null);
  return {
    id: nextId++,
    source: `source-${nextId}`,
    fullName,
    birthYear,
    birthplace,
    places: fields.birthplacePlaces,
    dates: { arrested: null, sentenced: null, died: null },
    readings: fields.readings.map((r) => ({ key: r.key, phonetic: r.phonetic, origin: r.origin, cost: r.cost })),
    nameHead: fields.nameLatin.split(' ').slice(0, 2).join(' '),
    patronymic: parts.patronymic,
    givenRussian: parts.given,
    ...extra,
  };
}
const executed = (text: string, norm: string) => ({ arrested: null, sentenced: null, died: { text, norm, kind: 'executed' as const } });

describe('the link model', () => {
  const moscow = subject('Ван-Си-Сян', 1888, 'Китай, г. Шаньдун а', { dates: executed('10.09.1938', '1938-09-10') });
  const book = subject('Ван Си Сян', 1888, 'пров. Шаньдун');
  const chinese = subject('王希祥', 1888, '山东');

  it('scores the three lists of one man above the threshold, with the reasons in words', () => {
    for (const [a, b] of [[moscow, book], [moscow, chinese], [book, chinese]] as const) {
      expect(isCandidatePair(a, b)).toBe(true);
      expect(scorePair(a, b).score).toBeGreaterThanOrEqual(0.95);
    }
    expect(reasonsLine(scorePair(moscow, book).reasons)).toBe('same reading wang xi xiang · born 1888 both · Shandong both · executed 10.09.1938 vs none');
  });

  it('keeps a man of the same name born years apart out of the blocks and below the threshold', () => {
    const other = subject('Ван-Си-Сян', 1895, 'Шаньдун');
    expect(isCandidatePair(moscow, other)).toBe(false);
    expect(scorePair(moscow, other).score).toBeLessThan(DEFAULT_LINK_THRESHOLD);
    expect(scorePair(moscow, other).reasons.find((r) => r.code === 'year.different')?.points).toBe(WEIGHTS.yearFar);
  });

  it('does not block Russian-form names on the syllables the decoder finds in them («Юзеф» → iu zie), but by surname and given name', () => {
    const a = subject('Демидов Юзеф Эдуардович', 1890, null);
    const b = subject('Чернов Юзеф Леонидович', 1890, null);
    expect(a.readings.some((r) => r.phonetic.includes(' '))).toBe(true);
    expect(isCandidatePair(a, b)).toBe(false);
    expect(isCandidatePair(a, subject('Демидов Юзеф Эдуардович', 1891, null))).toBe(true);
    // A Chinese surname before the Russian given name and patronymic still blocks by its reading.
    expect(isCandidatePair(subject('Хан-Гу-Го Василий Васильевич', 1890, null), subject('Хан Гу Го', 1890, null))).toBe(true);
  });

  it('counts a contradicting date strongly against, and an agreeing one for', () => {
    const same = subject('Ван Си-Сян', 1888, 'Шаньдун', { dates: executed('10.9.1938', '1938-09-10') });
    const other = subject('Ван Си-Сян', 1888, 'Шаньдун', { dates: executed('02.03.1938', '1938-03-02') });
    const contradiction = scorePair(moscow, other);
    expect(contradiction.reasons.find((r) => r.code === 'date.contradicts')).toMatchObject({ points: WEIGHTS.dateContradicts, text: 'executed 10.09.1938 vs 02.03.1938' });
    expect(contradiction.score).toBeLessThan(DEFAULT_LINK_THRESHOLD);
    expect(scorePair(moscow, same).score).toBeGreaterThan(scorePair(moscow, book).score);
    // A month-only date agrees with a day in that month.
    const month = subject('Ван Си-Сян', 1888, 'Шаньдун', { dates: executed('09.1938', '1938-09') });
    expect(scorePair(moscow, month).reasons.some((r) => r.code === 'date.agree')).toBe(true);
  });

  it('explains a dialect spelling syllable by syllable and still links it', () => {
    const a = subject('Чжао-Ин-Чуан', 1897, 'Шаньдун');
    const b = subject('Цзао Ин Цуан', 1897, 'Шандун');
    const { score, reasons } = scorePair(a, b);
    expect(reasons[0]!.code).toBe('name.similar');
    expect(String(reasons[0]!.params.syllables)).toMatch(/\//);
    expect(score).toBeGreaterThanOrEqual(DEFAULT_LINK_THRESHOLD);
  });

  it('weighs the Russian given name and patronymic, and two rows of one source', () => {
    expect(russianParts('Хан-Гу-Го Василий Васильевич', null, null)).toEqual({ given: 'василий', patronymic: 'васильевич' });
    const a = subject('Хан-Гу-Го Василий Васильевич', 1900, null);
    const b = subject('Хан Гу Го Петр Иванович', 1900, null);
    expect(scorePair(a, b).reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['patronymic.different', 'given.different']));
    expect(scorePair(a, b).score).toBeLessThan(0.5);
    const sameSource = scorePair(moscow, { ...book, source: moscow.source });
    expect(sameSource.reasons.at(-1)!.code).toBe('source.same');
    expect(sameSource.score).toBeLessThan(scorePair(moscow, book).score);
  });

  it('is symmetric', () => {
    for (const [a, b] of [[moscow, book], [moscow, chinese]] as const) expect(scorePair(a, b).score).toBe(scorePair(b, a).score);
  });
});

describe('persons as connected components', () => {
  it('joins through shared records and names each by its smallest id', () => {
    const parts = components(['5', '3', '9', '12', '40'], [['9', '12'], ['3', '9'], ['40', '41']]);
    expect(parts).toEqual([['5'], ['3', '9', '12'], ['40']]);
    expect(personIdOf(['12', '3', '9'])).toBe('3');
  });
});
