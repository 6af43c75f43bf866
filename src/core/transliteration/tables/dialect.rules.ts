import { DIALECT, DIALECT_EXTRA, DIALECT_PAIRS, type SpellingRule } from './cyrillic-variants.data.ts';

/** Expand the symmetric consonant pairs into initial rewrite rules (both directions). */
export function dialectRules(): SpellingRule[] {
  const rules: SpellingRule[] = [];
  for (const [a, b, label] of DIALECT_PAIRS) {
    rules.push({ name: `dialect:${label}`, cost: DIALECT.cost, where: 'initial', from: a, to: b });
    rules.push({ name: `dialect:${label}`, cost: DIALECT.cost, where: 'initial', from: b, to: a });
  }
  return [...rules, ...DIALECT_EXTRA];
}
