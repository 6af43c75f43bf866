/**
 * The case forms of a Russian noun or adjective, from its dictionary form and
 * declension class, so a glossary lists a word once («завод») and still reads
 * «завода», «заводе», «заводом». Used only to recognise forms in the records:
 * a form the rules over-generate is harmless unless it is another word, which
 * the invariant tests check across the whole glossary.
 */
export type Declension =
  | 'm' // hard masculine: завод, цех
  | 'm-soft' // masculine in -ь or -й: секретарь, музей
  | 'f' // feminine in -а/-я: фабрика, кухня
  | 'f-soft' // feminine in -ь: часть, область
  | 'n' // neuter in -о/-е: хозяйство, управление
  | 'adj' // adjective and adjectival noun: тяжелый, рабочий, заведующий
  | 'pl' // a plural (only or as listed): кадры, финансы, политкаторжане — its genitive, not regular, in the entry's `also`
  | 'fixed'; // does not decline: НКВД, бюро, депо

/** A form and what it can be: the nominative (a head), an oblique case (a dependent «of …», «in …»), or both. */
export interface Form {
  form: string;
  nominative: boolean;
  oblique: boolean;
}

const HUSHING = /[жшчщ]$/;
const VELAR_OR_HUSHING = /[гкхжшчщ]$/;

const forms = (nominative: readonly string[], oblique: readonly string[]): Form[] =>
  [...new Set([...nominative, ...oblique])].map((form) => ({ form, nominative: nominative.includes(form), oblique: oblique.includes(form) }));

function hardCases(stem: string): { nominative: string[]; oblique: string[] } {
  const y = VELAR_OR_HUSHING.test(stem) ? 'и' : 'ы';
  // After ц the ending is -ом or -ем, -ов or -ев as the stress falls (отцом, торговцем; отцов, торговцев).
  const genPl = HUSHING.test(stem) ? ['ей'] : stem.endsWith('ц') ? ['ов', 'ев'] : ['ов'];
  const ins = HUSHING.test(stem) || stem.endsWith('ц') ? ['ом', 'ем'] : ['ом'];
  return { nominative: [stem + y], oblique: ['а', 'у', ...ins, 'е', ...genPl, 'ам', 'ами', 'ах'].map((e) => stem + e) };
}

/**
 * «участок» → «участка», «продавец» → «продавца», «красноармеец» → «красноармейца»: the -о-/-е- of a final
 * -ок or -ец often drops before an ending. Whether it does is not written in the word (кузнец → кузнеца), so
 * both stems are generated; a form of the wrong one is no word of Russian, and the invariant tests check
 * that none is another word of the tables.
 */
const FLEETING = /(?<=[а-яё]{2})(?:ок|ец)$/;
const dropVowel = (word: string) => word.replace(/(?<=[аеиоуыэюя])ец$/, 'йц').replace(/ец$/, 'ц').replace(/ок$/, 'к');

function masculine(word: string): Form[] {
  const full = hardCases(word);
  const short = FLEETING.test(word) ? hardCases(dropVowel(word)) : { nominative: [], oblique: [] };
  return forms([word, ...full.nominative, ...short.nominative], [...full.oblique, ...short.oblique]);
}

function masculineSoft(word: string): Form[] {
  const stem = word.slice(0, -1);
  const genPl = word.endsWith('й') ? 'ев' : 'ей';
  return forms([word, stem + 'и'], ['я', 'ю', 'ем', 'е', genPl, 'ям', 'ями', 'ях'].map((e) => stem + e));
}

function feminine(word: string): Form[] {
  const stem = word.slice(0, -1);
  const soft = word.endsWith('я');
  if (word.endsWith('ия')) return forms([word, stem + 'и'], ['и', 'ю', 'ей', 'й', 'ям', 'ями', 'ях'].map((e) => stem + e));
  const y = soft || VELAR_OR_HUSHING.test(stem) ? 'и' : 'ы';
  const oblique = soft ? ['и', 'е', 'ю', 'ей', 'ь', 'ям', 'ями', 'ях'] : [y, 'е', 'у', 'ой', 'ей', '', 'ам', 'ами', 'ах'];
  // «машинистка» → «машинисток», «прачка» → «прачек»: a vowel comes into the genitive plural between two consonants.
  const genPl = !soft && /[^аеиоуыэюяй]к$/.test(stem) ? [`${stem.slice(0, -1)}ок`, `${stem.slice(0, -1)}ек`] : [];
  return forms([word, stem + y], [...oblique.map((e) => stem + e), ...genPl]);
}

function feminineSoft(word: string): Form[] {
  const stem = word.slice(0, -1);
  return forms([word, stem + 'и'], ['и', 'ью', 'ей', 'ям', 'ями', 'ях'].map((e) => stem + e));
}

function neuter(word: string): Form[] {
  const stem = word.slice(0, -1);
  if (word.endsWith('ие')) return forms([word, stem + 'я'], ['я', 'ю', 'ем', 'и', 'й', 'ям', 'ями', 'ях'].map((e) => stem + e));
  // училище, жилище: -е after a hushing consonant declines hard (училища), not soft.
  if (/[жшчщц]е$/.test(word)) return forms([word, stem + 'а'], ['а', 'у', 'ем', 'е', '', 'ам', 'ами', 'ах'].map((e) => stem + e));
  const soft = word.endsWith('е');
  const oblique = soft ? ['я', 'ю', 'ем', 'е', 'ей', 'ям', 'ями', 'ях'] : ['а', 'у', 'ом', 'е', '', 'ам', 'ами', 'ах'];
  return forms([word, stem + (soft ? 'я' : 'а')], oblique.map((e) => stem + e));
}

/**
 * «кадры» → «кадрам», «кадрами», «кадрах»; «овощи» → «овощам»; «политкаторжане» → «политкаторжанам»: the
 * dative, instrumental and prepositional plural are regular (-ам/-ами/-ах, after a soft consonant -ям/-ями/-ях);
 * the genitive is not (кадров, овощей, политкаторжан, войск) and is listed with the word.
 */
function plural(word: string): Form[] {
  const stem = word.replace(/[ыиеа]$/, '');
  const soft = /ь$/.test(stem) || (/и$/.test(word) && !VELAR_OR_HUSHING.test(stem));
  // The accusative of a thing is its nominative («на курсы»): the word itself can stand as a dependent too.
  return forms([word], [word, ...(soft ? ['ям', 'ями', 'ях'] : ['ам', 'ами', 'ах']).map((e) => stem.replace(/ь$/, '') + e)]);
}

/** тяжелый, главный, рабочий, русский, средний: every gender and number. */
function adjective(word: string): Form[] {
  const stem = word.slice(0, -2);
  const ending = word.slice(-2);
  const soft = ending === 'ий' && !VELAR_OR_HUSHING.test(stem);
  const hushing = HUSHING.test(stem) && ending !== 'ой';
  const i = VELAR_OR_HUSHING.test(stem) || soft ? 'и' : 'ы';
  const o = soft || hushing ? 'е' : 'о';
  const a = soft ? 'я' : 'а';
  const u = soft ? 'ю' : 'у';
  const nominative = [word, `${a}я`, `${o}е`, `${i}е`].map((e, n) => (n === 0 ? e : stem + e));
  const oblique = [`${o}го`, `${o}му`, `${i}м`, `${o}м`, `${o}й`, `${u}ю`, `${i}х`, `${i}ми`].map((e) => stem + e);
  return forms(nominative, oblique);
}

/** A class from the word's ending where it is unambiguous (a word in -ь must say its gender). */
export function declensionOf(word: string): Declension {
  if (/(?:ый|ой|ий)$/.test(word) && word.length > 3) return 'adj';
  if (/[ая]$/.test(word)) return 'f';
  if (/[ое]$/.test(word)) return 'n';
  if (/й$/.test(word)) return 'm-soft';
  if (/ь$/.test(word)) throw new Error(`«${word}»: a word in -ь needs its declension (m-soft or f-soft)`);
  return 'm';
}

/** Every form of a word (lower case); a phrase of several words declines its last word only if it is a noun. */
export function inflect(word: string, declension: Declension = declensionOf(word)): Form[] {
  const w = word.toLowerCase();
  switch (declension) {
    case 'm': return masculine(w);
    case 'm-soft': return masculineSoft(w);
    case 'f': return feminine(w);
    case 'f-soft': return feminineSoft(w);
    case 'n': return neuter(w);
    case 'adj': return adjective(w);
    case 'pl': return plural(w);
    case 'fixed': return [{ form: w, nominative: true, oblique: true }];
  }
}

/**
 * A single word of the phrase tables (occupations.data.ts) declines when it is written there in its
 * dictionary form — a noun in a consonant or -а («наборщик» → «наборщика», «наборщиком»; «прачка» →
 * «прачки») or a masculine adjectival noun («вагоновожатый» → «вагоновожатого») — so the phrase tables
 * need not list cases. A form listed in a case («прачечной»), a feminine adjectival form («рабочая»:
 * its masculine declines), an abbreviation («зав.», «з-д»), a word in -ь (its gender is not written in
 * it), a neuter (an indeclinable loan: «депо», «бюро») and a compound in a hyphen stay as written.
 */
export function phraseWordDeclension(ru: string): Declension {
  if (!/^[а-яё]+$/i.test(ru)) return 'fixed';
  if (/(?:ый|ий)$/.test(ru) && ru.length > 4) return 'adj';
  if (/(?:ой|ая|яя|ую|ое|ее|ые|ие|ого|его|ым|им)$/.test(ru)) return 'fixed';
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(ru) || /[^иа]а$/.test(ru)) return declensionOf(ru);
  return 'fixed';
}
