import type { Term } from './explain.types.ts';

const CODE_1926 = 'Criminal Code of the RSFSR, 1926 edition (art. 21: the highest measure of social protection, shooting)';
const MEMORIAL = 'Memorial, «Жертвы политического террора в СССР»: conventions of the lists (lists.memo.ru)';

/**
 * Fates and sentences as the records write them. `{n}` in a pattern entry is a
 * number of years (see SENTENCE_PATTERNS); everything else is matched whole.
 */
export const FATES: readonly Term[] = [
  { ru: ['расстрелян', 'расстреляна', 'рассстрелян', 'рассстреляна', 'расстрел'], zh: '枪决', en: 'shot' },
  { ru: ['ВМН', 'высшая мера наказания', 'ВМН - расстрел', 'ВМН (расстрел)'], zh: '极刑（枪决）', en: 'the highest measure of punishment (shooting)', source: CODE_1926 },
  { ru: ['ВМСЗ', 'высшая мера социальной защиты'], zh: '最高社会保护措施（枪决）', en: 'the highest measure of social protection (shooting)', source: CODE_1926 },
  { ru: ['выслан', 'выслана', 'высылка'], zh: '被驱逐流放', en: 'deported' },
  { ru: ['выслан из СССР', 'выслана из СССР'], zh: '被驱逐出苏联', en: 'deported from the USSR' },
  { ru: ['ссылка', 'сослан', 'сослана'], zh: '被流放', en: 'exiled' },
  { ru: ['освобожден', 'освобождена'], zh: '获释', en: 'released' },
  { ru: ['умер в заключении', 'умерла в заключении', 'умер в лагере', 'умерла в лагере'], zh: '死于关押中', en: 'died in custody' },
  { ru: ['дело прекращено'], zh: '案件撤销', en: 'the case was dropped' },
  { ru: ['срок не отбывал', 'срок не отбывала'], zh: '未服刑', en: 'did not serve the term' },
  { ru: ['судимость снята'], zh: '前科被撤销', en: 'the conviction was lifted' },
];

/** Sentences with a term of years: «10 лет ИТЛ». `{n}` is the number as written. */
export const SENTENCE_PATTERNS: ReadonlyArray<{ pattern: RegExp; zh: string; en: string; source?: string }> = [
  { pattern: /^(\d+) (?:лет|год|года|годам|годами) ИТЛ$/i, zh: '劳动改造营{n}年', en: '{n} years in a corrective labour camp (ITL)', source: MEMORIAL },
  { pattern: /^(\d+) (?:лет|год|года) ссылки$/i, zh: '流放{n}年', en: '{n} years of exile', source: MEMORIAL },
  { pattern: /^(\d+) (?:лет|год|года) лишения свободы$/i, zh: '剥夺自由{n}年', en: '{n} years of deprivation of liberty' },
  { pattern: /^(\d+) (?:лет|год|года) тюремного заключения$/i, zh: '监禁{n}年', en: '{n} years of prison' },
];
