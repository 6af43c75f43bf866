import { known, named, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { PREPOSITIONS, tokenize, type Lexeme, type Token } from './occupation.tokens.ts';
import { romanise } from './translit.ts';
import { deputyForLast } from './occupation.deputy.ts';

/**
 * The compositional reader of occupation phrases: «зам. начальника отдела
 * Наркомата тяжелой промышленности СССР» is a head («зам. начальника») and a
 * chain of dependents in the genitive or after a preposition. English keeps the
 * Russian order with "of" / "in" / "at" between them (deputy head of department
 * of People’s Commissariat of heavy industry of the USSR); Chinese reverses the
 * chain, as Chinese puts the owner first (苏联重工业人民委员部处副主管). A word the
 * tables do not know stays Russian and marked, and so does a word in a case
 * that does not fit where it stands: the reader never guesses a structure.
 */

type Mod = { lex: Lexeme } | { n: number } | { name: string } | { and: true };

/** A noun with its adjectives before it and what follows it (a number, a name in quotes, «им. …»). */
interface Group {
  rel: string;
  deputies: Lexeme[];
  /** Adjectives, ordinals («1-го»), proper adjectives kept as names («Фрунзенского») and «и» between them. */
  mods: Mod[];
  head?: Token;
  post: Token[];
  /** A word the reader cannot place (unknown, or in a case that does not fit): the group is kept as written, marked. */
  broken?: string;
  /** The group as written. */
  raws: string[];
  /** What the verb before it says one was or did («работал инженером»): joined by the verb's `object`. */
  asObject?: true;
}

function parse(tokens: readonly Token[]): { groups: Group[]; asides: Array<{ zh: string; en: string }> } {
  const groups: Group[] = [];
  const asides: Array<{ zh: string; en: string }> = [];
  const fresh = (rel: string): Group => ({ rel, deputies: [], mods: [], post: [], raws: [] });
  let pending = fresh('head');
  let relRaw: string | undefined;
  const close = (head: Token, broken?: string) => {
    pending.head = head;
    pending.raws.push(head.raw);
    if (broken !== undefined) pending.broken = broken;
    groups.push(pending);
    pending = fresh('of');
    relRaw = undefined;
  };
  tokens.forEach((tok, i) => {
    const last = groups.at(-1);
    const next = tokens[i + 1];
    const dangling = pending.raws.length > 0 || relRaw !== undefined;
    // «угольной и сланцевой промышленности», «на корейском и японском языках»: «и» between two adjectives joins them, not two groups.
    if (tok.t === 'and' && pending.mods.length > 0 && next?.t === 'word' && next.lex.role === 'adj') {
      pending.mods.push({ and: true });
      pending.raws.push(tok.raw);
      return;
    }
    if (tok.t === 'prep' || tok.t === 'and' || tok.t === 'sep') {
      if (dangling) close({ t: 'unknown', raw: tok.raw }, tok.raw);
      pending.rel = tok.t === 'prep' ? tok.rel : tok.t;
      relRaw = tok.raw;
      return;
    }
    if (tok.t === 'word' && tok.lex.role === 'aside') return void asides.push(tok.lex.entry);
    if (tok.t === 'date') return void asides.push(tok);
    // «завод СВАРЗ», «депо Москва-Сортировочная»: a name right after a workplace's kind word is that workplace's name.
    // «академика Н.Д.Зелинского»: a person by name stands beside the noun before it, whatever its kind.
    const title = tok.t === 'title' && tok.apposed && last?.head?.t === 'word' && (tok.person || (last.head.lex.kind === 'place' && last.post.length === 0));
    if ((tok.t === 'number' || tok.t === 'quoted' || tok.t === 'namesake' || title) && last && !dangling && !last.broken) {
      last.post.push(tok);
      last.raws.push(tok.raw);
      return;
    }
    // «ж.д. транспорта»: a noun written before another noun is its attribute (railway transport).
    // «ж.д.ст. Подмосковная»: before a station by its name too (railway station Podmoskovnaya).
    const attributive = tok.t === 'word' && tok.lex.entry.attributive && ((next?.t === 'word' && next.lex.role === 'noun') || (next?.t === 'place' && next.station));
    // «дежурный слесарь», «ученый секретарь»: an adjectival position before another position qualifies it.
    const attribute = tok.t === 'word' && tok.lex.entry.attribute && next?.t === 'word' && next.lex.kind === 'person' ? tok.lex.entry.attribute : undefined;
    const mod: Mod | undefined = tok.t === 'word' && attribute ? { lex: { ...tok.lex, entry: { ...tok.lex.entry, ...attribute } } }
      : tok.t === 'word' && (tok.lex.role === 'adj' || attributive) ? { lex: tok.lex }
      : tok.t === 'ordinal' ? { n: tok.n } : tok.t === 'name' ? { name: tok.raw } : undefined;
    if (mod) pending.mods.push(mod);
    else if (tok.t === 'word' && tok.lex.role === 'deputy') pending.deputies.push(tok.lex);
    if (mod || (tok.t === 'word' && tok.lex.role === 'deputy')) return void pending.raws.push(tok.raw);
    // A dependent must be in an oblique case: «начальник отдел» is not «head of department».
    const misplaced = tok.t === 'word' && !['head', 'and', 'sep'].includes(pending.rel) && !tok.lex.oblique;
    close(tok, tok.t === 'unknown' || misplaced ? tok.raw : undefined);
  });
  if (pending.raws.length > 0 || relRaw !== undefined) close({ t: 'unknown', raw: relRaw ?? '' }, relRaw ?? '');
  return { groups, asides };
}

const ordinalEn = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

function headParts(head: Token | undefined, lang: ExplainLang): Part[] {
  if (!head) return [];
  switch (head.t) {
    case 'word': return [known(head.lex.entry[lang])];
    case 'place': {
      const name = head.name ? named(lang === 'en' ? romanise(head[lang]) : head[lang]) : known(head[lang]);
      if (head.settlement) return lang === 'zh' ? [name, known('镇')] : [name, known(' settlement')];
      if (!head.station) return [name];
      return lang === 'zh' ? [name, known('站')] : [known('station '), name];
    }
    case 'name': return [named(lang === 'en' ? romanise(head.raw) : head.raw)];
    case 'title': return titleParts(head, lang);
    case 'street': return lang === 'zh' ? [named(head.name), known(head.zh)] : [named(romanise(head.nameEn ?? head.name)), known(` ${head.en}`)];
    case 'number': return [known(lang === 'zh' ? `${head.n}号` : `No. ${head.n}`)];
    default: return postParts(head, lang);
  }
}

function postParts(tok: Token, lang: ExplainLang): Part[] {
  if (tok.t === 'number') return [known(lang === 'zh' ? `${tok.n}号` : `No. ${tok.n}`)];
  if (tok.t === 'title') return titleParts(tok, lang);
  if (tok.t === 'quoted') return [named(lang === 'en' ? romanise(tok.raw).replace(/"([^"]*)"?/, '“$1”') : tok.raw)];
  if (tok.t === 'namesake') {
    const name = tok.entry ? known(tok.entry[lang]) : named(lang === 'en' ? romanise(tok.name) : tok.name);
    return lang === 'zh' ? [name] : [known('named after '), name];
  }
  return [unknown(tok.raw)];
}

/** «СВАРЗ» → SVARZ, «Облмосторге» → Oblmostorg (a trading organisation): the name, and what its syllables say it is. */
function titleParts(tok: Token & { t: 'title' }, lang: ExplainLang): Part[] {
  return [named(`${lang === 'en' ? romanise(tok.name) : tok.name}${tok.note?.[lang] ?? ''}`)];
}

/** «Фрунзенского» → Frunzensky: a proper adjective romanised in its dictionary form. */
const properEn = (raw: string) => romanise(raw.replace(/(?:ого|ому|им|ом|ой|ую|ая|ое|ие|их|ими)$/, 'ий'));

function modParts(m: Mod, lang: ExplainLang): Part {
  if ('n' in m) return known(lang === 'zh' ? `第${m.n}` : ordinalEn(m.n));
  if ('name' in m) return named(lang === 'zh' ? m.name : properEn(m.name));
  if ('and' in m) return known(lang === 'zh' ? '和' : 'and');
  return known(m.lex.entry[lang]);
}

/** «3-го курса»: the year of study (3年级, 3rd year), not a 3rd course. */
const yearOfStudy = (g: Group) => {
  const mod = g.mods.length === 1 ? g.mods[0] : undefined;
  return g.head?.t === 'word' && g.head.lex.entry.ru === 'курс' && mod && 'n' in mod ? mod.n : undefined;
};

function groupParts(g: Group, lang: ExplainLang): Part[] {
  if (g.broken !== undefined) return [unknown(g.raws.join(' ').trim())];
  const year = yearOfStudy(g);
  if (year !== undefined) return [known(lang === 'zh' ? `${year}年级` : `${ordinalEn(year)} year`)];
  const lead = [...g.deputies.map((d) => known(d.entry[lang])), ...g.mods.map((m) => modParts(m, lang))];
  const head = headParts(g.head, lang);
  if (lang === 'zh') {
    // Names and numbers come first in Chinese: 斯大林工厂, 24号工厂; a house number after its street: 高尔基街40号.
    const before = g.post.flatMap((p) => postParts(p, lang));
    return g.head?.t === 'street' ? [...lead, ...head, ...before] : [...before, ...lead, ...head];
  }
  const spaced = lead.flatMap((p) => [p, known(' ')]);
  // «Московского Кремля»: "the Moscow Kremlin", not "Moscow the Kremlin".
  const the = spaced.length > 0 && head.length === 1 && /^the /.test(head[0]!.text) ? [known('the ')] : [];
  const bare = the.length > 0 ? [known(head[0]!.text.slice(4))] : head;
  return [...the, ...spaced, ...bare, ...g.post.flatMap((p) => [known(' '), ...postParts(p, lang)])];
}

/** «зам.» + «начальника»: a deputy joins the position it is the deputy of. */
function joinDeputies(groups: Group[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const prev = out.at(-1);
    if (prev && !prev.broken && prev.head?.t === 'word' && prev.head.lex.role === 'deputy' && prev.post.length === 0 && g.rel === 'of') {
      out.pop();
      out.push({ ...g, rel: prev.rel, deputies: [...prev.deputies, prev.head.lex, ...g.deputies], mods: [...prev.mods, ...g.mods], raws: [...prev.raws, ...g.raws] });
    } else out.push(g);
  }
  return out;
}

const REL_ZH: Readonly<Record<string, string>> = { при: '下属', 'на иждивении': '供养', 'на учете': '登记' };
/** Said before the unit in Chinese: 靠儿子供养 (supported by the son). */
const REL_ZH_BEFORE: Readonly<Record<string, string>> = { 'на иждивении': '靠', 'на учете': '在' };

const lexOf = (g: Group | undefined): Lexeme | undefined => (g?.head?.t === 'word' ? g.head.lex : undefined);

/** English between two groups: "of", a preposition, "and"; "at" for a person's workplace; "the" before a common noun. */
function joinEn(prev: Group, g: Group): string {
  if (g.rel === 'sep') return ', ';
  if (g.rel === 'and') return ' and ';
  if (lexOf(g)?.entry.qualifier) return ', ';
  if (yearOfStudy(g) !== undefined && !g.broken) return lexOf(prev)?.entry.leads ? ' of the ' : ' in the ';
  const verb = lexOf(prev)?.entry.object;
  if (g.asObject && verb) return verb.en ? ` ${verb.en} ` : ' ';
  const lex = g.broken ? undefined : lexOf(g);
  const named = /^the /i.test(lex?.entry.en ?? '');
  const the = (lex?.kind === 'place' || lex?.kind === 'person') && !named ? 'the ' : '';
  // A body by its own name («ЦСУ», «Облмосторг») is a place of work as a workplace noun is.
  const body = !g.broken && (g.head?.t === 'title' || (g.head?.t === 'place' && g.head.name && !g.head.station));
  const prevLex = lexOf(prev);
  const at = prevLex?.kind === 'person' && !prevLex.entry.leads && !prev.deputies.length && (lex?.kind === 'place' || body);
  if (g.rel === 'of') return at ? ` at ${the}` : ` of ${the}`;
  // «в прачечной», «на заводе»: a place of work is "at" it.
  // «уволен с должности»: «с» with the genitive is "from"; only with the instrumental («с женой») is it "with".
  const from = (g.rel === 'с' || g.rel === 'со') && g.head !== undefined && !/(?:ом|ем|ой|ей|ью|ами|ями)$/.test(g.head.raw);
  // «по Беговой ул.»: along a street is "on" it.
  const on = g.rel === 'по' && g.head?.t === 'street';
  // «на японском языке»: a language one works "in".
  const tongue = (g.rel === 'на' || g.rel === 'в') && lex?.entry.ru === 'язык';
  const word = tongue ? 'in' : (g.rel === 'в' || g.rel === 'во' || g.rel === 'на') && (lex?.kind === 'place' || body) ? 'at' : from ? 'from' : on ? 'on' : PREPOSITIONS[g.rel] ?? g.rel;
  return ` ${word} ${the}`;
}

function renderEn(groups: Group[]): Part[] {
  const parts: Part[] = [];
  groups.forEach((g, i) => {
    if (i === 0 && PREPOSITIONS[g.rel]) parts.push(known(`${PREPOSITIONS[g.rel]} `));
    if (i > 0) parts.push(known(joinEn(groups[i - 1]!, g)));
    parts.push(...groupParts(g, 'en'));
  });
  return parts;
}

/** Chinese: the owner first. Items split at a dash; within one, units (joined by «и») in reverse order. */
function renderZh(groups: Group[]): Part[] {
  const items: Group[][] = [[]];
  const joins: string[] = [];
  for (const g of groups) {
    // «до 1935 - начальник»: a dash with nothing before it but an aside separates nothing.
    // «зам. председателя СНК СССР и председатель КСК»: «и» before a second position, the first with its own chain,
    // joins two items (…副主席和…主席); «секретарь и член Оргбюро» share theirs and stay one.
    const second = g.rel === 'and' && items.at(-1)!.length > 1 && lexOf(g)?.kind === 'person' && lexOf(g)?.nominative === true;
    if ((g.rel === 'sep' || second) && items.at(-1)!.length > 0) {
      items.push([]);
      joins.push(second ? '和' : '，');
    }
    items.at(-1)!.push(g);
  }
  const parts: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(known(joins[i - 1]!));
    // «работал инженером завода»: the verb first, then what one was (担任工厂工程师).
    const verb = item[1]?.asObject ? lexOf(item[0])?.entry.object : undefined;
    if (verb) parts.push(known(verb.zh));
    const units: Group[][] = [];
    for (const g of verb ? item.slice(1) : item) {
      if (g.rel === 'and' && units.length > 0) units.at(-1)!.push(g);
      else units.push([g]);
    }
    units.reverse().forEach((unit) => {
      parts.push(known(REL_ZH_BEFORE[unit[0]!.rel] ?? ''));
      unit.forEach((g, j) => parts.push(...(j > 0 ? [known('和')] : []), ...groupParts(g, 'zh')));
      parts.push(known(REL_ZH[unit[0]!.rel] ?? ''));
    });
  });
  return parts;
}

/**
 * «работал инженером», «занимался переводами»: a noun in the instrumental right after a verb is what one was or did;
 * so is a position in any case («работал пом. начальника», the clerks' short for «в должности»). A verb after another
 * word («свободный художник работал на дому») starts another clause, as after a comma.
 */
function markObjects(groups: Group[]): void {
  groups.forEach((g, i) => {
    const prev = groups[i - 1];
    if (!prev || prev.broken || g.broken || g.rel !== 'of') return;
    if (lexOf(g)?.entry.verb) return void (g.rel = 'sep');
    const instrumental = g.head?.t === 'word' && /(?:ом|ем|ой|ей|ою|ею|ами|ями|ью|ым|им)$/.test(g.head.raw);
    const position = lexOf(g)?.kind === 'person' || g.deputies.length > 0;
    if ((instrumental || position) && lexOf(prev)?.entry.object) g.asObject = true;
    // «находился РККА» (once «в запасе» is said aside): a verb says nothing "of" a body; kept as written.
    else if (lexOf(prev)?.entry.verb) g.broken = g.raws.join(' ');
  });
}

/** «на заводской конюшне»: a group with a word whose other sense a word of the phrase makes likely is kept as written. */
function markOtherSense(groups: Group[], tokens: readonly Token[]): void {
  const words = new Set(tokens.flatMap((t) => (t.t === 'word' ? [t.lex.entry.ru] : [])));
  for (const g of groups) {
    const ambiguous = g.mods.some((m) => 'lex' in m && m.lex.entry.otherSenseBeside?.some((w) => words.has(w)));
    if (ambiguous && g.broken === undefined) g.broken = g.raws.join(' ');
  }
}

/** An occupation phrase read word by word; every part explained, named, or marked untranslated. */
export function readOccupation(text: string, lang: ExplainLang): Part[] {
  const tokens = deputyForLast(tokenize(text));
  const { groups: raw, asides } = parse(tokens);
  markOtherSense(raw, tokens);
  const groups = joinDeputies(raw);
  markObjects(groups);
  const parts = lang === 'zh' ? renderZh(groups) : renderEn(groups);
  // A phrase that is only an aside («без работы») says it plainly; beside a position, in parentheses.
  if (groups.length === 0) return asides.map((a, i) => known(`${i > 0 ? (lang === 'zh' ? '，' : ', ') : ''}${a[lang]}`));
  for (const a of asides) parts.push(known(lang === 'zh' ? `（${a.zh}）` : ` (${a.en})`));
  return parts.filter((p) => p.text !== '' || p.untranslated);
}
