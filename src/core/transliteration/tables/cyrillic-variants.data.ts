/**
 * Non-standard Cyrillic spellings, as rewrite rules applied to the standard Palladius
 * spelling of a syllable. Each rule names a deviation listed in
 * docs/transliteration.md ("Costs", with an example record); the cost says how much less likely the
 * deviation is than the standard form. At most two rules combine on one syllable
 * (spelling.tables.ts), their costs adding up.
 *
 * where: 'initial' = `from` at the start, 'final' = at the end, 'any' = every
 * occurrence, 'whole' = the entire spelling. `pinyin` restricts the rule to
 * syllables whose pinyin matches; `next` restricts an initial rule to spellings whose
 * next letter is one of the given letters.
 */
export interface SpellingRule {
  name: string;
  cost: number;
  where: 'initial' | 'final' | 'any' | 'whole';
  from: string;
  to: string;
  pinyin?: RegExp;
  next?: string;
}

/** Orthographic variants seen in the records (clerks, older texts, print). */
export const CYRILLIC_VARIANTS: readonly SpellingRule[] = [
  { name: 'е-for-э', cost: 0.2, where: 'any', from: 'э', to: 'е' },
  { name: 'soft-sign-lost', cost: 0.3, where: 'final', from: 'нь', to: 'н' },
  { name: 'soft-sign-added', cost: 0.35, where: 'final', from: 'н', to: 'нь' },
  { name: 'english-ng', cost: 0.5, where: 'final', from: 'н', to: 'нг' },
  { name: 'older-ын', cost: 0.3, where: 'any', from: 'эн', to: 'ын' },
  { name: 'older-ы', cost: 0.45, where: 'final', from: 'э', to: 'ы' },
  { name: 'dzh-for-zh', cost: 0.3, where: 'initial', from: 'чж', to: 'дж' },
  { name: 'ж-for-zh', cost: 0.5, where: 'initial', from: 'чж', to: 'ж' },
  { name: 'ч-for-zh', cost: 0.5, where: 'initial', from: 'чж', to: 'ч' },
  { name: 'dz-for-z', cost: 0.3, where: 'initial', from: 'цз', to: 'дз' },
  { name: 'з-for-цз', cost: 0.35, where: 'initial', from: 'цз', to: 'з' },
  { name: 'dzh-for-j', cost: 0.4, where: 'initial', from: 'цз', to: 'дж' },
  { name: 'ц-for-цз', cost: 0.5, where: 'initial', from: 'цз', to: 'ц' },
  { name: 'uo-variant', cost: 0.2, where: 'final', from: 'о', to: 'уо', pinyin: /uo$/ },
  { name: 'бо-for-bai', cost: 0.5, where: 'whole', from: 'бай', to: 'бо' },
  { name: 'хой-for-hui', cost: 0.4, where: 'whole', from: 'хуэй', to: 'хой' },
  { name: 'хуй-for-hui', cost: 0.3, where: 'whole', from: 'хуэй', to: 'хуй' },
  { name: 'ой-for-оу', cost: 0.5, where: 'final', from: 'оу', to: 'ой' },
  { name: 'ау-for-ао', cost: 0.25, where: 'final', from: 'ао', to: 'ау' },
  { name: 'doubled-vowel', cost: 0.5, where: 'final', from: 'о', to: 'оо' },
  { name: 'ий-for-и', cost: 0.5, where: 'final', from: 'и', to: 'ий' },
  { name: 'ю-for-юй', cost: 0.4, where: 'final', from: 'юй', to: 'ю' },
  { name: 'postal-fung', cost: 0.4, where: 'whole', from: 'фэн', to: 'фун' },
  { name: 'postal-k', cost: 0.6, where: 'initial', from: 'цз', to: 'к', next: 'ияюе' },
  { name: 'postal-h', cost: 0.7, where: 'initial', from: 'с', to: 'х', next: 'ияюе' },
];

/**
 * Consonants as heard rather than as written (dialect or mishearing). Each pair
 * works both ways on the initial consonant. Shandong/Hebei Mandarin merges zh/ch/sh
 * into z/c/s and r into y or l.
 */
export const DIALECT_PAIRS: readonly (readonly [string, string, string])[] = [
  ['п', 'б', 'p~b'],
  ['т', 'д', 't~d'],
  ['к', 'г', 'k~g'],
  ['ш', 'с', 'sh~s'],
  ['чж', 'цз', 'zh~z'],
  ['ч', 'ц', 'ch~c'],
  ['ж', 'л', 'r~l'],
  ['х', 'ф', 'h~f'],
  ['н', 'л', 'n~l'],
];

/** Cost of one dialect confusion (an object so bench/decode-costs.ts can flatten it). */
export const DIALECT = { cost: 0.8 };

/** r → y: жу… read as ю… (rong → yong). */
export const DIALECT_EXTRA: readonly SpellingRule[] = [
  { name: 'dialect:r~y', cost: 0.8, where: 'initial', from: 'жу', to: 'ю' },
  { name: 'dialect:ng', cost: 0.8, where: 'initial', from: 'а', to: 'на' },
  { name: 'dialect:ng', cost: 0.8, where: 'initial', from: 'э', to: 'нэ' },
  { name: 'dialect:ng', cost: 0.8, where: 'initial', from: 'о', to: 'но' },
];

/** Russian case endings on the last syllable in running text (genitive, dative, instrumental). */
export const CASE_ENDINGS: readonly string[] = ['а', 'я', 'у', 'ю', 'ом', 'ем', 'ым', 'ой', 'ей', 'е'];
/** Endings that take the place of a final й or ь (genitive, dative, instrumental, prepositional): «Цзинвэя», «Суню». */
export const SOFT_STEM_ENDINGS: readonly string[] = ['я', 'ю', 'ем', 'е'];
