/**
 * Separating the Russian parts of a record name — given name, patronymic, initials,
 * a Russian surname — from the Chinese part: «Хан-Гу-Го Василий Васильевич»,
 * «Лю-Фа В.», «Травин Григорий Максимович».
 */
import { PATRONYMIC_ENDINGS, RUSSIAN_GIVEN_NAMES, RUSSIAN_SURNAME_ENDINGS } from './tables/russian-names.data.ts';
import { CYRILLIC_SPELLINGS } from './channels.ts';
import type { Range } from './units.ts';

const GIVEN = new Set(RUSSIAN_GIVEN_NAMES);
/** Words scanned at most: a name has a handful; the rest of a long input is ignored. */
const MAX_WORDS = 12;

export interface Word {
  text: string;
  start: number;
  end: number;
  /** Lower case, ё → е, letters only. */
  key: string;
  hyphenated: boolean;
}

export function splitWords(input: string): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null && words.length < MAX_WORDS) {
    const text = m[0];
    const key = text.toLowerCase().replace(/ё/g, 'е').replace(/[^а-я]/g, '');
    words.push({ text, start: m.index, end: m.index + text.length, key, hyphenated: /[-‐‑–—]/.test(text) });
  }
  return words;
}

function isInitials(w: Word): boolean {
  // Only with a dot: a bare capital letter (Е, Я, У, И) is a syllable.
  return /^([А-ЯЁ]\.)+([А-ЯЁ]\.?)?$/.test(w.text);
}

/**
 * The word and the nominatives it may be an inflected form of (running text:
 * «Ивана Петровича», «Андрею», «Марией Ивановной»), so a Russian name in any
 * case is found as Russian and no case ending is ever stripped from it as Chinese.
 */
function nominatives(key: string): string[] {
  const out = [key];
  for (const ending of RUSSIAN_CASE_ENDINGS) {
    if (key.length <= ending.length + 2 || !key.endsWith(ending)) continue;
    const stem = key.slice(0, -ending.length);
    out.push(stem, `${stem}й`, `${stem}ь`, `${stem}а`, `${stem}я`);
  }
  return out;
}
const RUSSIAN_CASE_ENDINGS = ['ами', 'ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ом', 'ем', 'ою', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и'];

/** Inflected, only the long patronymic endings count: «Ацзичи» is a + ji + chi, not a form of -ич. */
const INFLECTED_PATRONYMIC_ENDINGS = PATRONYMIC_ENDINGS.filter((e) => e.length >= 4);

function isPatronymic(w: Word): boolean {
  if (w.hyphenated || w.key.length < 6) return false;
  if (PATRONYMIC_ENDINGS.some((e) => w.key.endsWith(e))) return true;
  return nominatives(w.key).slice(1).some((k) => INFLECTED_PATRONYMIC_ENDINGS.some((e) => k.endsWith(e)));
}

function isGivenName(w: Word, index: number): boolean {
  // A name that is also one standard syllable (Ян) stays Chinese.
  const oneSyllable = CYRILLIC_SPELLINGS.get(w.key)?.some((e) => e.cost === 0) ?? false;
  return index > 0 && !w.hyphenated && !oneSyllable && nominatives(w.key).some((k) => GIVEN.has(k));
}

function hasRussianSurnameShape(w: Word): boolean {
  return !w.hyphenated && w.key.length >= 5 && RUSSIAN_SURNAME_ENDINGS.some((e) => w.key.endsWith(e));
}

export interface Split {
  chinese: Range[];
  russian: string[];
  /** A Russian-shaped word that stands alone: Chinese only if it decodes cleanly. */
  doubtful: Word | null;
}

/** Classify the words of a Cyrillic name. */
export function splitRussianParts(input: string): Split {
  const words = splitWords(input).filter((w) => w.key.length > 0 || isInitials(w));
  const russian = words.map((w, i) => isInitials(w) || isPatronymic(w) || isGivenName(w, i));
  const anyRussian = russian.some(Boolean);
  let doubtful: Word | null = null;
  words.forEach((w, i) => {
    if (russian[i] || !hasRussianSurnameShape(w)) return;
    if (anyRussian) russian[i] = true;
    else if (words.length === 1) doubtful = w;
  });
  return {
    chinese: words.filter((_, i) => !russian[i]).map((w) => [w.start, w.end] as const),
    russian: words.filter((_, i) => russian[i]).map((w) => w.text),
    doubtful,
  };
}
