import { termKey } from './glossary.ts';
import { inflect, phraseWordDeclension } from './inflect.ts';
import { ADJECTIVES, NAMESAKES, ORGANISATIONS } from './occupation-modifiers.data.ts';
import { DEPUTY_NOUNS, FIELD_NOUNS, PERSON_NOUNS, PLACE_NOUNS, type WordEntry } from './occupation-words.data.ts';
import { CITIES } from './places.data.ts';
import { STREET_KINDS } from './address.data.ts';
import { POSITIONS, WORKPLACES } from './occupations.data.ts';
import type { Term } from './explain.types.ts';
import { glossary } from './glossary.ts';
import { explainDayOfMonth } from './dates.explain.ts';
import { readWhen } from './occupation.when.ts';
import { readAcronym, readCompoundName } from './org-names.ts';
import { readCompound, readContraction, readShortProper } from './occupation.compounds.ts';
import { feminineOf, personAdjectiveOf } from './occupation.feminine.ts';
import { STATION_KINDS } from './org-names.data.ts';
import { PHRASE_PREPOSITIONS, PREPOSITIONS } from './occupation.prepositions.ts';
import { ADJECTIVE_ENDING, COMMON_ADJECTIVE, GLAV, PROPER_ADJECTIVE, SHORT_NAMES, STATION_NAME, knownPlace, surnameOf } from './occupation.names.ts';

/** What a word does in an occupation phrase. */
export type Role = 'noun' | 'adj' | 'deputy' | 'org' | 'aside';

/** Which table a noun comes from: "worker at the works", but "head of the department". */
export type Kind = 'person' | 'place' | 'field' | 'other';

export interface Lexeme {
  entry: WordEntry;
  role: Role;
  kind: Kind;
  /** Can this form be the nominative (a head) or an oblique case (a dependent)? */
  nominative: boolean;
  oblique: boolean;
  /** Made by rule from a word of the tables (occupation.feminine.ts), not listed: «пионерский», «журналистка». */
  made?: true;
}

export type Token =
  | { t: 'word'; raw: string; lex: Lexeme }
  | { t: 'prep'; raw: string; rel: string }
  | { t: 'and'; raw: string }
  | { t: 'sep'; raw: string }
  | { t: 'ordinal'; raw: string; n: number }
  | { t: 'number'; raw: string; n: string }
  | { t: 'quoted'; raw: string }
  | { t: 'namesake'; raw: string; entry?: WordEntry; name: string }
  | { t: 'place'; raw: string; zh: string; en: string; station: boolean; name: boolean; settlement?: true }
  | { t: 'name'; raw: string }
  /** A body's or a station's own name kept as a name (org-names.ts): «СВАРЗ», «депо Москва-Сортировочная». */
  | { t: 'title'; raw: string; name: string; note?: { zh: string; en: string }; apposed: boolean; person?: true }
  | { t: 'street'; raw: string; name: string; zh: string; en: string; nameEn?: string }
  | { t: 'date'; raw: string; zh: string; en: string }
  | { t: 'unknown'; raw: string };

/** Adverbial phrases («на момент ареста») say when, not what: they are shown beside the position. */
const ASIDES = new Set(['на момент ареста', 'перед арестом', 'в прошлом', 'ранее', 'прежде', 'до этого', 'затем', 'в запасе', 'по болезни', 'до ареста', 'до революции', 'в момент ареста', 'к моменту ареста', 'по профессии', 'на дому'].map(termKey));

function buildLexicon(): Map<string, Lexeme> {
  const lexicon = new Map<string, Lexeme>();
  const add = (entries: readonly WordEntry[], role: Role, kind: Kind = 'other', made = false) => {
    for (const entry of entries) {
      // Abbreviations and names of bodies do not decline; nor does a phrase of several words.
      const decl = entry.decl ?? (role === 'org' ? 'fixed' : undefined);
      const generated = decl === 'fixed' || /[\s(]/.test(entry.ru) ? [{ form: entry.ru, nominative: true, oblique: true }] : inflect(entry.ru, decl);
      const extra = (entry.also ?? []).map((form) => ({ form, nominative: false, oblique: true }));
      // «без определенного места работы» says there was no position: beside the position, not "of" it.
      const r = (role === 'org' && ASIDES.has(termKey(entry.ru))) || /^без /.test(entry.ru) ? 'aside' : role;
      for (const f of [...generated, ...extra]) {
        const key = termKey(f.form);
        // The first table to claim a form keeps it: organisations, then persons, places, fields, adjectives.
        if (!lexicon.has(key)) lexicon.set(key, { entry, role: r, kind, nominative: f.nominative, oblique: f.oblique, ...(made ? { made: true as const } : {}) });
      }
    }
  };
  // The phrase tables first: «Музей революции» is the Museum of the Revolution, not a museum of a revolution.
  // Their single words come after the word tables, which know the words' cases and roles.
  const phrases = (terms: readonly Term[], several: boolean) =>
    terms.flatMap((t) => t.ru.filter((ru) => /\s/.test(ru) === several).map((ru) => ({ ru, zh: t.zh, en: t.en, decl: several ? 'fixed' as const : phraseWordDeclension(ru) })));
  add(phrases(WORKPLACES, true), 'noun', 'place');
  add(phrases(POSITIONS, true), 'noun', 'person');
  add(ORGANISATIONS, 'org');
  add(DEPUTY_NOUNS, 'deputy');
  add(PERSON_NOUNS, 'noun', 'person');
  add(PLACE_NOUNS, 'noun', 'place');
  add(FIELD_NOUNS, 'noun', 'field');
  add(ADJECTIVES, 'adj');
  add(phrases(WORKPLACES, false), 'noun', 'place');
  add(phrases(POSITIONS, false), 'noun', 'person');
  // «журналистка», «воспитательницы»: the woman's word for a position of the tables, last, so every table wins over it.
  add(PERSON_NOUNS.flatMap((e) => {
    const ru = feminineOf(e.ru);
    const { also: _also, decl: _decl, ...said } = e;
    return ru ? [{ ...said, ru }] : [];
  }), 'noun', 'person', true);
  add(PERSON_NOUNS.flatMap((e) => {
    // Not from a word the tables keep as written (a verb «работал», an abbreviation, a word whose cases clash).
    const ru = e.decl === 'fixed' ? undefined : personAdjectiveOf(e.ru);
    // Said before its noun, without the gloss in parentheses: «кондукторском резерве» → conductor reserve.
    return ru ? [{ ru, zh: e.zh.replace(/（[^）]*）/g, ''), en: e.en.replace(/\s*\([^)]*\)/g, '') }] : [];
  }), 'adj', 'other', true);
  return lexicon;
}

export const LEXICON: ReadonlyMap<string, Lexeme> = buildLexicon();
const LONGEST = Math.max(...[...LEXICON.keys()].map((k) => k.split(' ').length));
const NAMESAKE = glossary(NAMESAKES.map((n) => ({ ru: [n.ru, ...(n.also ?? [])], zh: n.zh, en: n.en })));
const CITY = glossary(CITIES);
const STREET_KIND = new Map(STREET_KINDS.flatMap((k) => k.ru.map((r) => [termKey(r), k] as const)));
/** «ул. Покровке», «ул.Огарева»: a street word and the street's name (capitalised, one or two words). */
const STREET = /^(ул\.|пер\.|б-р|бул\.|пл\.|наб\.|ш\.|пр\.)\s*([А-ЯЁ0-9][а-яё0-9-]*(?:\s+[А-ЯЁ][а-яё-]+)?)/;

const STREET_AFTER_NAME = /^((?:\d+-[йя]\s+)?(?:[А-ЯЁ][а-яё]+(?:ой|ей|ом|ем)\s+)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:ой|ей|ом|ем|ую))\s+(ул\.?|улице|пер\.?|переулке|наб\.?|набережной|пл\.?|площади)(?=[\s,:;)]|$)/;
/** The kind words in the prepositional, as «на … улице» writes them, → the form the address tables list. */
const STREET_CASES: Readonly<Record<string, string>> = { улице: 'улица', переулке: 'переулок', набережной: 'набережная', площади: 'площадь' };

type Match = { token: Token; length: number };

function special(rest: string): Match | undefined {
  const when = readWhen(rest);
  if (when) return when;
  // «ст."Москва-II"»: «ст.» before a name in quotes is the station, never «старший».
  const stationNamed = /^ст\.\s*("[^"]*"?)/.exec(rest);
  if (stationNamed) return { token: { t: 'place', raw: stationNamed[0], zh: stationNamed[1]!, en: stationNamed[1]!, station: true, name: true }, length: stationNamed[0].length };
  for (const { pattern, rel } of PHRASE_PREPOSITIONS) {
    const m = pattern.exec(rest);
    if (m) return { token: { t: 'prep', raw: m[0], rel }, length: m[0].length };
  }
  const quoted = /^"[^"]*"?/.exec(rest);
  if (quoted) return { token: { t: 'quoted', raw: quoted[0] }, length: quoted[0].length };
  const number = /^№\s*(\d+[а-я]?)/i.exec(rest);
  if (number) return { token: { t: 'number', raw: number[0], n: number[1]! }, length: number[0].length };
  const ordinal = /^(\d+)-(?:й|я|е|го|ого|ое|ая|м|ой|ым|ом)(?=[\s,]|$)/i.exec(rest);
  if (ordinal) return { token: { t: 'ordinal', raw: ordinal[0], n: Number(ordinal[1]) }, length: ordinal[0].length };
  const after = /^(?:им\.|имени)\s*/.exec(rest);
  if (after) return namesake(rest, after[0].length);
  const inParens = /^\((?:г\.\s*)?([А-ЯЁ][а-яё-]+)\)/.exec(rest);
  const cityInParens = inParens && CITY.lookup(inParens[1]!);
  if (inParens && cityInParens) return { token: { t: 'place', raw: inParens[0], zh: `（${cityInParens.zh}）`, en: `(${cityInParens.en})`, station: false, name: false }, length: inParens[0].length };
  const street = STREET.exec(rest);
  if (street) {
    const kind = STREET_KIND.get(termKey(street[1]!))!;
    return { token: { t: 'street', raw: street[0], name: street[2]!, zh: kind.zh, en: kind.en }, length: street[0].length };
  }
  // «на Донской ул.», «по Беговой ул.», «на Берсеневской набережной»: the name before its kind.
  const named = STREET_AFTER_NAME.exec(rest);
  const kindAfter = named && STREET_KIND.get(termKey(STREET_CASES[named[2]!.toLowerCase()] ?? named[2]!));
  if (named && kindAfter) {
    // A street, embankment or square is feminine: English names it in the nominative («Донской ул.» → Donskaya street).
    const feminine = ['street', 'embankment', 'square'].includes(kindAfter.en);
    const nameEn = feminine ? named[1]!.replace(/(?:ой|ей|ую)(?=\s|$)/g, 'ая').replace(/^(\d+)-й/, '$1-я') : named[1]!;
    return { token: { t: 'street', raw: named[0], name: named[1]!, zh: kindAfter.zh, en: kindAfter.en, nameEn }, length: named[0].length };
  }

  // «ст.Москва-3»: a station's number is part of its name.
  const place = /^(ст\.|г\.|гор\.|пос\.)\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:-\d+)?)/.exec(rest);
  if (place) {
    const city = CITY.lookup(place[2]!);
    const station = place[1] === 'ст.';
    // «пос. Ивантеевка»: a settlement by its name, said to be one.
    const settlement = place[1] === 'пос.' && !city ? { settlement: true as const } : {};
    const token: Token = { t: 'place', raw: place[0], zh: city?.zh ?? place[2]!, en: city?.en ?? place[2]!, station, name: !city, ...settlement };
    return { token, length: place[0].length };
  }
  if (/^\d+[а-я]?(?=[\s,]|$)/.test(rest)) {
    const n = /^\d+[а-я]?/.exec(rest)![0];
    return { token: { t: 'number', raw: n, n }, length: n.length };
  }
  return undefined;
}

/** «им. Сталина», «им. "Правды"», «им. В.И. Ленина»: the namesake from its table, or the name kept. */
function namesake(rest: string, start: number): Match {
  let skip = start;
  // «им.К.А.Тимирязева», «им. В.И. Ленина»: the initials do not change who it is.
  const initials = /^(?:[А-ЯЁ]\.\s*){1,2}(?=[А-ЯЁ][а-яё])/.exec(rest.slice(skip))?.[0] ?? '';
  skip += initials.length;
  const tail = rest.slice(skip);
  const words = tail.split(/\s+/);
  for (let n = Math.min(3, words.length); n > 0; n -= 1) {
    const entry = NAMESAKE.lookup(words.slice(0, n).join(' '));
    if (entry) {
      const raw = rest.slice(0, skip) + words.slice(0, n).join(' ');
      return { token: { t: 'namesake', raw, name: entry.en, entry: { ru: entry.ru[0]!, zh: entry.zh, en: entry.en } }, length: raw.length };
    }
  }
  // «им. 1-го Мая», «им. 26 июня»: a works named after a day, said as that day.
  const day = /^\d{1,2}(?:-го)?\s+[А-Яа-яЁё]+/.exec(tail);
  const dayZh = day ? explainDayOfMonth(day[0], 'zh') : undefined;
  if (day && dayZh) {
    const raw = rest.slice(0, skip) + day[0];
    return { token: { t: 'namesake', raw, name: explainDayOfMonth(day[0], 'en')!, entry: { ru: day[0], zh: dayZh, en: explainDayOfMonth(day[0], 'en')! } }, length: raw.length };
  }
  // «им. ОГПУ», «им. ВЦИК»: a body the tables know.
  const body = /^\S+/.exec(tail)?.[0] ?? '';
  const org = LEXICON.get(termKey(body));
  if (org?.role === 'org') return { token: { t: 'namesake', raw: rest.slice(0, skip) + body, name: org.entry.en, entry: org.entry }, length: skip + body.length };
  // «им. Карла Либкнехта», «им. Серго Орджоникидзе»: a given name and a surname, the second no word and no adjective.
  const two = /^([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё-]+)/.exec(tail);
  const surname = two && !LEXICON.has(termKey(two[2]!)) && !ADJECTIVE_ENDING.test(two[2]!) && !NAMESAKE.lookup(two[1]!);
  const name = surname ? two : /^(?:"[^"]*"?|(?:[А-ЯЁ]\.\s*){0,2}[А-ЯЁ][а-яё-]+)/.exec(tail);
  if (!name) return { token: { t: 'unknown', raw: rest.slice(0, skip).trim() }, length: skip };
  return { token: { t: 'namesake', raw: rest.slice(0, skip) + name[0], name: name[0] }, length: skip + name[0].length };
}

function lexical(rest: string): Match | undefined {
  const words = rest.split(/\s+/);
  for (let n = Math.min(LONGEST, words.length); n > 0; n -= 1) {
    const raw = words.slice(0, n).join(' ');
    const lex = LEXICON.get(termKey(raw));
    if (lex) return { token: { t: 'word', raw, lex }, length: raw.length };
  }
  return undefined;
}

/** An occupation phrase → tokens: names, numbers, words of the tables, prepositions; anything else unknown. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // «им.Сталина», «г.Москвы», «ст.инженер»: an abbreviation glued to the next word.
  // A Latin H typed for a Cyrillic Н («Hаркомата», «СHК») is the same letter to the clerk.
  const cyrillic = text.replace(/H(?=[А-ЯЁа-яё])|(?<=[А-ЯЁа-яё])H/g, 'Н');
  // «ж.д.им. Дзержинского»: «им.» glued after another abbreviation.
  // «зам.нач.сектора»: abbreviations glued in a row, each split off.
  // «артель"Технохимик"»: a word glued to the quote that opens a name.
  // «и.о.доцента», «ж.д.ст. Подмосковная»: an abbreviation of two initials glued to the next word.
  let rest = cyrillic.replace(/([а-яё])"(?=[А-ЯЁ])/g, '$1 "').replace(/(\.)(им\.)/g, '$1 $2')
    .replace(/(^|\s)((?:[а-яё]\.-?){2})(?=[А-ЯЁа-яё"])/g, '$1$2 ')
    .replace(/(^|\s|(?<=[а-яё]\.))([а-яё]{2,13}\.)(?=[А-ЯЁа-яё"])/g, '$1$2 ').replace(/\s+/g, ' ').trim();
  // «артист- диктор»: a hyphen typed with a space after it joins two words when they make a compound;
  // «а затем -большевик»: a hyphen glued to the word after a space is a dash.
  rest = rest.replace(/([А-ЯЁа-яё]+)- (?=([А-ЯЁа-яё]+))/g, (all, a: string, b: string) => (readCompound(`${a}-${b}`, LEXICON, false) ? `${a}-` : all));
  rest = rest.replace(/(?<=\s)-(?=[А-ЯЁа-яё\d])/g, '- ');
  // «до 1935-начальник», «до ареста-столяр»: a hyphen glued between a year or «ареста» and a word is a dash.
  rest = rest.replace(/(?<=(?:^|\s)\d{4}|ареста)-(?=[А-ЯЁа-яё]{3,})/g, ' - ');
  // «НИИ-20»: a known abbreviation and its number, as «НИИ № 20» would be written.
  rest = rest.replace(/(?<![А-ЯЁа-яё])([А-ЯЁ]{2,})-(\d+)(?=[\s,:;)]|$)/g, (all, abbr: string, n: string) => (LEXICON.has(termKey(abbr)) ? `${abbr} № ${n}` : all));
  while (rest.length > 0) {
    const m = special(rest) ?? lexical(rest) ?? plain(rest, tokens.at(-1));
    tokens.push(m.token);
    rest = rest.slice(m.length).replace(/^[\s,]+/, '');
  }
  return tokens;
}

/** «депо Москва-Сортировочная», «станция Пресня»: after a station's kind word, a capitalised word is its name. */
const STATION_KIND = new Set(STATION_KINDS.map(termKey));
const afterStationKind = (prev: Token | undefined) => prev?.t === 'word' && STATION_KIND.has(termKey(prev.lex.entry.ru));

function plain(rest: string, prev: Token | undefined): Match {
  const first = prev === undefined;
  const word = /^[^\s]+/.exec(rest)![0];
  const bare = word.replace(/[.,;]+$/, '');
  const place = /^[А-ЯЁ]/.test(bare) ? knownPlace(bare) : undefined;
  if (place) return { token: { t: 'place', raw: bare, zh: place.zh, en: place.en, station: false, name: false }, length: bare.length };
  // «магистрали Москва-Хабаровск», «автомагистрали Москва--Минск»: a route between two places the tables know.
  const ends = /^([А-ЯЁ][а-яё]+)-{1,2}([А-ЯЁ][а-яё]+)$/.exec(bare);
  const [from, to] = ends ? [knownPlace(ends[1]!), knownPlace(ends[2]!)] : [];
  if (from && to) return { token: { t: 'place', raw: bare, zh: `${from.zh}—${to.zh}`, en: `${from.en}–${to.en}`, station: false, name: false }, length: bare.length };
  // A capitalised word of the syllables bodies were named with («Сельхозстройпроект») is a name before it is a compound word.
  const both = readCompound(bare, LEXICON, first && !readCompoundName(bare)) ?? readContraction(bare, LEXICON);
  if (both) return { token: both, length: bare.length };
  const cut = readShortProper(word, LEXICON);
  if (cut) return { token: cut, length: word.length };
  if (bare === 'и') return { token: { t: 'and', raw: word }, length: word.length };
  if (/^[-–—]$/.test(bare)) return { token: { t: 'sep', raw: word }, length: word.length };
  const rel = PREPOSITIONS[bare.toLowerCase()];
  if (rel && bare === bare.toLowerCase()) return { token: { t: 'prep', raw: word, rel: bare }, length: word.length };
  if (PROPER_ADJECTIVE.test(bare) && !(first && COMMON_ADJECTIVE.test(bare))) return { token: { t: 'name', raw: bare }, length: bare.length };
  if (GLAV.test(bare)) return { token: { t: 'place', raw: bare, zh: `${bare}（总局）`, en: `${bare} (a chief directorate)`, station: false, name: true }, length: bare.length };
  const short = SHORT_NAMES.find((n) => n.pattern.test(bare));
  if (short) return { token: { t: 'place', raw: bare, zh: `${bare}${short.zh}`, en: `${bare}${short.en}`, station: false, name: true }, length: bare.length };
  const title = (token: Token & { t: 'title' }): Match => ({ token, length: bare.length });
  // «шофер академика Н.Д.Зелинского», «Музея А.М.Горького»: a person by initials and surname.
  const person = /^((?:[А-ЯЁ]\.\s?){1,2})([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)$/.exec(bare);
  if (person) return title({ t: 'title', raw: bare, name: `${person[1]!.replace(/\s/g, '')} ${surnameOf(person[2]!)}`, apposed: true, person: true });
  // «рабочий в Шанхае», «на Таганке»: one capitalised word after «в» or «на», no word of the tables, is a place's name.
  const placeName = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*$/.test(bare) && !/(?:ом|ем)$/.test(bare) && !ADJECTIVE_ENDING.test(bare);
  if (prev?.t === 'prep' && ['в', 'во', 'на'].includes(prev.rel) && placeName && !readCompoundName(bare)) {
    // English names it in the nominative where the ending says which it is: «Ногинске» → Noginsk, «Шанхае» → Shankhai.
    const name = bare.replace(/(?<=[сц]к)е$/, '').replace(/(?<=а)е$/, 'й');
    return { token: { t: 'place', raw: bare, zh: bare, en: name, station: false, name: true }, length: bare.length };
  }
  if (afterStationKind(prev) && STATION_NAME.test(bare)) return title({ t: 'title', raw: bare, name: bare, apposed: true });
  const acronym = readAcronym(bare);
  if (acronym) return title({ t: 'title', raw: bare, name: acronym.name, apposed: true });
  const body = readCompoundName(bare);
  // «Госплане»: a case form the tables do not list of a body they know is that body.
  const listed = body && LEXICON.get(termKey(body.nominative));
  if (listed) return { token: { t: 'word', raw: bare, lex: { ...listed, nominative: false, oblique: true } }, length: bare.length };
  if (body) return title({ t: 'title', raw: bare, name: body.nominative, note: { zh: body.zh, en: body.en }, apposed: body.asWritten });
  // An unknown abbreviation keeps its full stop («ул.»): one unknown word, not two.
  return { token: { t: 'unknown', raw: word.replace(/,+$/, '') }, length: word.replace(/,+$/, '').length };
}

export { PREPOSITIONS };
