import { inflect } from './inflect.ts';
import { ORG_STEMS, type OrgStem } from './org-names.data.ts';

/**
 * Names that stay names, by rule: the own name of a body that no table lists is recognised by its
 * shape and kept as written (zh) or romanised (en), never translated and never guessed at. Two
 * shapes are unambiguous: an abbreviation in capitals («СВАРЗ», «ЦСУ», «ОГИЗом»), which is always
 * the name of a body or a unit, and a name built of the syllables Soviet bodies were named with
 * («Станкоимпорт» = станко + импорт), which says what kind of body it is only where its last
 * syllable does («-импорт»: an import organisation).
 */
export interface OrgName {
  /** The name in its dictionary form, as English writes it (romanised by the caller): «Учпедгизе» → «Учпедгиз». */
  nominative: string;
  /** What the name's syllables say the body is: "(a trust)", or "(an organisation)" where they say nothing certain. */
  zh: string;
  en: string;
  /** Written in its dictionary form, so it can stand after a kind word as that place's name: «трест Фундаментстрой». */
  asWritten: boolean;
}

const SOME_BODY = { zh: '（机构）', en: ' (an organisation)' };

/** A stem ending in a vowel («центро», «электро») is a prefix, not a noun: it does not decline at the end of a name. */
const finalForms = (s: OrgStem) =>
  (/[оеи]$/.test(s.ru) ? [{ form: s.ru, nominative: true }] : inflect(s.ru, s.decl)).map((f) => ({ form: f.form, stem: s }));

const FINALS = ORG_STEMS.flatMap(finalForms);

type Reading = { stems: OrgStem[]; end: number };

/** Every way `word` (lower case) splits into stems, an «о» allowed between two, the last in any case form. */
function readings(word: string, from: number, stems: OrgStem[]): Reading[] {
  const out: Reading[] = [];
  const at = stems.length > 0 && word[from] === 'о' ? [from, from + 1] : [from];
  for (const start of at) {
    if (stems.length > 0) {
      for (const f of FINALS) if (word.length - start === f.form.length && word.endsWith(f.form)) out.push({ stems: [...stems, f.stem], end: start });
    }
    for (const s of ORG_STEMS) {
      if (word.startsWith(s.ru, start) && start + s.ru.length < word.length) out.push(...readings(word, start + s.ru.length, [...stems, s]));
    }
  }
  return out;
}

/**
 * «Облмосторге» → Облмосторг (a trading organisation); «Металлолом» (scrap metal) → undefined: a word
 * of two or more stems is a body's name only when one of them names a level or branch of administration
 * («Обл-», «Гос-», «Транс-») or the last says what kind of body it is («-трест», «-снаб»).
 */
export function readCompoundName(word: string): OrgName | undefined {
  if (!/^[А-ЯЁ][а-яё]{5,}$/.test(word)) return undefined;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  const names = readings(lower, 0, [])
    .filter((r) => r.stems.some((s) => s.body) || r.stems.at(-1)!.kind)
    .map((r) => {
      const last = r.stems.at(-1)!;
      const note = last.kind ?? SOME_BODY;
      const nominative = word.slice(0, r.end) + last.ru;
      return { nominative, zh: note.zh, en: note.en, asWritten: nominative.toLowerCase() === lower };
    });
  // «Главрыба» is глав + рыба as written, not глав + рыб in the genitive: the reading that needs no case ending wins.
  return names.find((n) => n.asWritten) ?? names[0];
}

/** A Latin capital typed among Cyrillic ones («ГУШОCДОР») is the Cyrillic letter to the clerk. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };

/**
 * «СВАРЗ», «НИИ-20», «ОУРа», «ОГИЗом»: an abbreviation in capitals, with a number after a hyphen or a
 * case ending in small letters. The name is the capitals (and the number): the ending is only the case.
 */
export function readAcronym(word: string): { raw: string; name: string } | undefined {
  const cyrillic = /[А-ЯЁ]/.test(word) ? word.replace(/[ABCEHKMOPTX]/g, (c) => LATIN_LOOKALIKES[c]!) : word;
  const m = /^([А-ЯЁ]{2,10}(?:-\d+)?)(?:а|у|ом|е|ы|ов)?$/.exec(cyrillic);
  // «ХХ лет Октября»: Roman numerals typed in Cyrillic Х are a number, not an abbreviation.
  if (!m || /^Х+$/.test(m[1]!)) return undefined;
  return { raw: word, name: m[1]! };
}
