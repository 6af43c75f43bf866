/**
 * What the link model knows of a record, and the blocking rule that decides
 * which pairs are scored at all. Pure: no I/O.
 */
import { ancestorsOf } from '../core/match/index.ts';

export interface LinkReading {
  /** Toneless pinyin, space separated (record_readings.key). */
  key: string;
  phonetic: string;
  origin: 'decoded' | 'attested';
  cost: number;
}

export interface LinkDates {
  arrested: { text: string; norm: string } | null;
  sentenced: { text: string; norm: string } | null;
  /** Executed, or else died: for those shot they are one event. */
  died: { text: string; norm: string; kind: 'executed' | 'died' } | null;
}

export interface LinkSubject {
  id: number;
  source: string;
  fullName: string;
  birthYear: number | null;
  birthplace: string | null;
  /** Gazetteer place ids with their ancestors (records.birthplace_places). */
  places: string[];
  dates: LinkDates;
  readings: LinkReading[];
  /** Surname and given name as a Latin skeleton (records.name_head), for names with no Chinese reading. */
  nameHead: string;
  patronymic: string | null;
  givenRussian: string | null;
}

const PATRONYMIC = /(?:ович|евич|ьич|ич|овна|евна|ична|инична)$/iu;

/**
 * The Russian given name and patronymic of a name («Хан-Гу-Го Василий
 * Васильевич», «Кузьмин Василий Иванович»), from the record's own columns
 * when it has them, else from the words of the full name: a word with a
 * patronymic ending, and the word before it if that is not the first.
 */
export function russianParts(fullName: string, givenColumn: string | null, patronymicColumn: string | null): { given: string | null; patronymic: string | null } {
  const words = fullName.replace(/[()«»",.]/g, ' ').split(/\s+/).filter(Boolean);
  let patronymic = patronymicColumn?.trim() || null;
  let given = givenColumn?.trim() || null;
  if (!patronymic) {
    const i = words.findIndex((w, n) => n > 0 && /^\p{Script=Cyrillic}+$/u.test(w) && PATRONYMIC.test(w));
    if (i > 0) {
      patronymic = words[i]!;
      if (!given && i > 1 && !words[i - 1]!.includes('-')) given = words[i - 1]!;
    }
  }
  return { given: given ? fold(given) : null, patronymic: patronymic ? fold(patronymic) : null };
}

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/**
 * A name in Russian form — surname, given name, patronymic, no hyphen in the
 * surname («Демидов Юзеф Эдуардович»). The decoder finds Chinese-looking
 * syllables in some of its words («Юзеф» → iu zie): read as a Chinese name, every
 * Юзеф born within a year would block together. The same pattern is in SQL
 * (links.repository.ts, RUSSIAN_FORM_SQL).
 */
export const RUSSIAN_FORM = /^[^\s-]+\s+[^\s-]+\s+[^\s-]*(?:ович|евич|ьич|ич|овна|евна|ична|инична)(?:\s|$)/u;

/**
 * Phonetic keys of a record's readings of two or more syllables: the
 * Chinese-name blocking keys. A name in Russian form blocks by its Latin
 * surname and given name instead (an attested Chinese name still blocks).
 */
export function readingKeys(s: Pick<LinkSubject, 'readings' | 'fullName'>): string[] {
  const decodedCounts = !RUSSIAN_FORM.test(s.fullName);
  return [...new Set(s.readings.filter((r) => decodedCounts || r.origin === 'attested').map((r) => r.phonetic).filter((p) => p.includes(' ')))];
}

/**
 * The blocking rule: a pair is scored only if it shares a reading key and
 * either both birth years are known and at most one apart, or a year is
 * missing and the birthplaces share a gazetteer place (or one has none); or
 * it has the same Latin surname and given name and birth years at most one
 * apart. (The SQL probe in links.repository.ts implements it with indexes.)
 */
export function isCandidatePair(a: LinkSubject, b: LinkSubject): boolean {
  const near = a.birthYear !== null && b.birthYear !== null && Math.abs(a.birthYear - b.birthYear) <= 1;
  if (near && a.nameHead.includes(' ') && a.nameHead === b.nameHead) return true;
  const keys = new Set(readingKeys(a));
  if (!readingKeys(b).some((k) => keys.has(k))) return false;
  if (a.birthYear !== null && b.birthYear !== null) return near;
  return a.places.length === 0 || b.places.length === 0 || a.places.some((p) => b.places.includes(p));
}

/** The most specific places of a set that holds ancestors too (a town, not also its province). */
export function leafPlaces(places: readonly string[]): string[] {
  const ancestors = new Set(places.flatMap((p) => ancestorsOf(p)));
  return places.filter((p) => !ancestors.has(p));
}
