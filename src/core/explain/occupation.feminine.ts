/**
 * The woman's word for a position, made from the man's by the suffixes Russian makes them with:
 * «журналист» → «журналистка», «лаборант» → «лаборантка», «студент» → «студентка», «работник» →
 * «работница», «воспитатель» → «воспитательница», «переводчик» → «переводчица», «уборщик» →
 * «уборщица». The tables give a position once, as the man's word, in renderings that say no gender
 * (journalist, 记者), so the woman's word reads as the man's. Only these regular pairs are made;
 * a woman's word that means another thing («машинистка», a typist, not an engine driver) or is made
 * otherwise («продавщица») is an entry of its own, and an entry of the tables always wins over a
 * word made here (occupation.tokens.ts adds these last).
 */
const SUFFIXES: ReadonlyArray<[RegExp, string]> = [
  [/ист$/, 'истка'],
  [/ант$/, 'антка'],
  [/ент$/, 'ентка'],
  [/тель$/, 'тельница'],
  [/ник$/, 'ница'],
  [/([чщ])ик$/, '$1ица'],
];

/**
 * «полковница» was the colonel's wife, not a colonel: ranks and orders in -ник make no woman's position.
 * A word the rules make that Russian does not have («техница») is harmless: no record writes it.
 */
const NOT_A_POSITION = /(?:полковник|священник)$/;

/** The woman's word for a man's position in its dictionary form, or undefined where no regular suffix makes one. */
export function feminineOf(ru: string): string | undefined {
  if (!/^[а-яё]+$/.test(ru) || NOT_A_POSITION.test(ru)) return undefined;
  const rule = SUFFIXES.find(([pattern]) => pattern.test(ru));
  return rule ? ru.replace(rule[0], rule[1]) : undefined;
}

/** «швейцарский» is Swiss, «курьерский» (поезд) express, «мастерский» masterly: not "of the doorman", "of the courier", "of the foreman". */
const ANOTHER_ADJECTIVE = new Set(['швейцар', 'курьер', 'мастер']);

/**
 * «инструкторских кадров», «кондукторском резерве», «тренерской работы», «слесарской мастерской»: the
 * adjective Russian makes of a person's word with -ский says "of that person", which English and
 * Chinese say with the word itself before the noun (instructor cadres, 教员干部). Made only from a word
 * in a hard consonant other than к, г, х, ц and the hushing ones, or in -ь: a word in -ик makes
 * -ический («механический» is mechanical, not "of mechanics"), and an entry of the tables always wins.
 */
export function personAdjectiveOf(ru: string): string | undefined {
  if (!/^[а-яё]+$/.test(ru) || !/(?:[бвдзлмнпрстф]|ь)$/.test(ru) || ANOTHER_ADJECTIVE.has(ru)) return undefined;
  // «учитель» → «учительский» (a soft л keeps its sign), «слесарь» → «слесарский».
  return `${ru.replace(/(?<!л)ь$/, '')}ский`;
}
