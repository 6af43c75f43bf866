import type { ExplainLang, Term } from './explain.types.ts';

/** The comparison form of a Russian term: lower case, ё as е, one space, no trailing dot or comma. */
export function termKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»„“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

export interface Glossary {
  readonly terms: readonly Term[];
  lookup(text: string): Term | undefined;
  /** The longest known term at the start of `text` (whole words), with the rest. */
  prefix(text: string): { term: Term; matched: string; rest: string } | undefined;
}

/** An index over a table; a form listed twice is a table bug (the invariant tests check it). */
export function glossary(terms: readonly Term[]): Glossary {
  const index = new Map<string, Term>();
  for (const term of terms) for (const form of term.ru) index.set(termKey(form), term);
  const longest = Math.max(0, ...[...index.keys()].map((k) => k.split(' ').length));
  return {
    terms,
    lookup: (text) => index.get(termKey(text)),
    prefix(text) {
      const words = text.trim().split(/\s+/);
      for (let n = Math.min(longest, words.length); n > 0; n -= 1) {
        const matched = words.slice(0, n).join(' ');
        const term = index.get(termKey(matched));
        if (term) return { term, matched, rest: words.slice(n).join(' ') };
      }
      return undefined;
    },
  };
}

/** Every form of every term, for the invariant tests: duplicates across entries are ambiguous. */
export function duplicateForms(terms: readonly Term[]): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const term of terms) {
    for (const form of term.ru) {
      const key = termKey(form);
      if (seen.has(key)) dupes.push(form);
      seen.add(key);
    }
  }
  return dupes;
}

export const render = (term: Term, lang: ExplainLang): string => term[lang];
