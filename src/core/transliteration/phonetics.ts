/**
 * Coarse phonetic classes of initials and finals, shared by the index keys and the
 * similarity. They encode the confusions of the records (notes: transliteration.md):
 * zh/z/j, ch/c/q, sh/s/x (Palladius цз/ц/с hide them, Shandong speech merges them),
 * p/b, t/d, k/g, h/f, r/l/n; -n/-ng (the lost or added soft sign), e/o/uo (э/е/о),
 * ü/u (юй/ю).
 */
import { splitPinyin, syllableByPinyin } from './inventory.ts';

const INITIAL_CLASS: Record<string, string> = {
  b: 'b', p: 'b', d: 'd', t: 'd', g: 'g', k: 'g', zh: 'z', z: 'z', j: 'z', ch: 'c', c: 'c', q: 'c',
  sh: 's', s: 's', x: 's', r: 'l', l: 'l', n: 'l', h: 'h', f: 'h', m: 'm', '': '',
};

const FINAL_CLASS: Record<string, string> = {
  a: 'a', ai: 'ai', an: 'an', ang: 'an', ao: 'ao', e: 'o', o: 'o', uo: 'o', ei: 'ei', ui: 'ui', en: 'en', eng: 'en',
  un: 'un', ueng: 'un', ong: 'un', iong: 'un', ün: 'un', er: 'er', ou: 'ou', iu: 'iu', i: 'i', ia: 'ia', ian: 'ian',
  iang: 'ian', iao: 'iao', ie: 'ie', in: 'in', ing: 'in', u: 'u', ü: 'u', ua: 'ua', uai: 'uai', uan: 'uan',
  uang: 'uan', üan: 'uan', üe: 'ue',
};

export interface Parts {
  initial: string;
  final: string;
}

/** Initial and canonical final of a pinyin syllable; unknown text is treated as its own final. */
export function parts(pinyin: string): Parts {
  const row = syllableByPinyin(pinyin);
  return row ? { initial: row.initial, final: row.final } : splitPinyin(pinyin.toLowerCase());
}

export function initialClass(initial: string): string {
  return INITIAL_CLASS[initial] ?? initial;
}

export function finalClass(final: string): string {
  return FINAL_CLASS[final] ?? final;
}

/** The phonetic class key of one syllable: "zhang" → "zan", "xiang" → "sian", "wang" → "uan". */
export function phoneticKey(pinyin: string): string {
  const p = parts(pinyin);
  return initialClass(p.initial) + finalClass(p.final);
}

/** Extra near pairs across classes: r~y (rong/yong) and n~zero initial (ngo/e). */
const NEAR_INITIALS = new Set(['r|', '|r', 'n|', '|n']);

export function initialDistance(a: string, b: string): { cost: number; note: string } {
  if (a === b) return { cost: 0, note: '' };
  if (initialClass(a) === initialClass(b) || NEAR_INITIALS.has(`${a}|${b}`)) return { cost: 0.25, note: `${a || '∅'}~${b || '∅'}` };
  return { cost: 0.6, note: `${a || '∅'}≠${b || '∅'}` };
}

function mainVowel(final: string): string {
  return final.replace(/^[iuü](?=[aeo])/, '').charAt(0);
}

export function finalDistance(a: string, b: string): { cost: number; note: string } {
  if (a === b) return { cost: 0, note: '' };
  if (finalClass(a) === finalClass(b)) return { cost: 0.2, note: `-${a}~-${b}` };
  if (mainVowel(a) === mainVowel(b)) return { cost: 0.45, note: `-${a}≈-${b}` };
  return { cost: 0.7, note: `-${a}≠-${b}` };
}
