/**
 * The explained record: facts in the visitor's language beside the record as
 * written. A fact is made of parts; a part the tables do not know stays in
 * Russian and is marked, so nothing is ever guessed.
 */
export type ExplainLang = 'zh' | 'en';

export interface Part {
  text: string;
  /** Kept in Russian because no table knows it: shown marked, never translated by guess. */
  untranslated?: true;
  /** A proper name (a street, a village, a quoted organisation) kept as written inside an explained phrase. */
  name?: true;
}

export interface Rendered {
  parts: Part[];
}

export interface Fact {
  /** The record field the fact explains, or a biography phrase kind (party). */
  field: string;
  label: string;
  text: string;
  /** The span of the record the fact comes from, exactly as written. */
  original: string;
  /** The Russian terms left untranslated inside `text` (empty when fully explained). */
  untranslated: string[];
  parts: Part[];
}

/** A glossary entry: the forms a term takes in the records, its renderings and, where not common knowledge, a source. */
export interface Term {
  ru: readonly string[];
  zh: string;
  en: string;
  source?: string;
}

export const known = (text: string): Part => ({ text });
export const unknown = (text: string): Part => ({ text, untranslated: true });
export const named = (text: string): Part => ({ text, name: true });

export function partsText(parts: readonly Part[]): string {
  return parts.map((p) => p.text).join('');
}
