import type { Token } from './occupation.tokens.ts';

/**
 * «пом. по кадрам начальника …», «зам. по хозяйственной части начальника …»: what a deputy is for may be
 * written between the deputy and whose deputy he is; it is read after the position's chain, as «пом.
 * начальника … по кадрам» would be written (assistant head of … for personnel).
 */
export function deputyForLast(tokens: readonly Token[]): Token[] {
  const at = tokens.findIndex((t, i) => t.t === 'prep' && t.rel === 'по' && tokens[i - 1]?.t === 'word' && (tokens[i - 1] as Token & { t: 'word' }).lex.role === 'deputy');
  if (at < 0) return [...tokens];
  const whose = tokens.findIndex((t, i) => i > at && t.t === 'word' && t.lex.kind === 'person' && t.lex.oblique && !t.lex.nominative);
  if (whose < 0 || tokens.slice(at + 1, whose).some((t) => t.t !== 'word' || t.lex.kind === 'person')) return [...tokens];
  const end = tokens.findIndex((t, i) => i > whose && (t.t === 'sep' || t.t === 'and' || t.t === 'prep' || t.t === 'date'));
  const stop = end < 0 ? tokens.length : end;
  return [...tokens.slice(0, at), ...tokens.slice(whose, stop), ...tokens.slice(at, whose), ...tokens.slice(stop)];
}
