import { resolvePlace, type Place } from '../match/index.ts';
import { known, named, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { glossary, termKey } from './glossary.ts';
import { CITIES, COUNTRIES, ENGLISH_PLACE_NAMES, PLACE_TYPES, type PlaceKind } from './places.data.ts';
import { NATIONALITIES } from './nationalities.data.ts';
import { insideParentheses, splitTopLevel, words } from './text.split.ts';

const COUNTRY = glossary(COUNTRIES);
const CITY = glossary(CITIES);
const NATIONALITY = glossary(NATIONALITIES);
/** One capitalised word, or words joined by hyphens: «Кременце», «Переславле-Залесском». */
const ONE_NAME = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*$/;
const TYPE_BY_WORD = new Map(PLACE_TYPES.flatMap((t) => t.ru.map((w) => [termKey(w), t] as const)));
const ASIDES = glossary([
  { ru: ['по другим сведениям', 'по другим данным'], zh: '另有记载', en: 'other records say' },
]);
/** «по другим данным - в Новочеркасске»: the same aside written with a dash instead of a colon. */
const OTHER_RECORDS = /^(по другим (?:сведениям|данным))\s*[-–—:]\s*/i;
/** «…, с. Гремячево, бывш.»: a trailing «бывш.» says the divisions named are the former ones (the guberniyas and uezds abolished in 1929). */
const FORMER_DIVISIONS = /^(?:бывш|быв|б)\.$/;

type PlaceType = (typeof PLACE_TYPES)[number];

/** Pinyin without tone marks, as English prints Chinese place names: Shāndōng → Shandong. */
export function plainPinyin(pinyin: string): string {
  return pinyin.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Kinds the gazetteer holds; a village is never in it, so a village's name is never matched against it. */
const GAZETTEER_KINDS: ReadonlySet<string> = new Set(['province', 'city', 'county']);

/**
 * The gazetteer's place for a name, only when exact or a case ending removed
 * (never a fuzzy guess), preferring the kind the record names («провинции Кантон» is Guangdong, not Guangzhou).
 */
function chinesePlace(name: string, type: PlaceType | undefined, china: boolean): { place: Place; certain: boolean } | undefined {
  if (!china || (type && !GAZETTEER_KINDS.has(type.kind))) return undefined;
  const matches = resolvePlace(name).filter((m) => m.how !== 'fuzzy');
  const match = matches.find((m) => m.place.kind === type?.kind) ?? matches[0];
  if (!match) return undefined;
  return { place: match.place, certain: match.certainty === 'certain' };
}

/** A gazetteer place's English name: the established exonym where there is one, otherwise toneless pinyin. */
export function englishPlaceName(place: Pick<Place, 'id' | 'pinyin'>): string {
  return ENGLISH_PLACE_NAMES[place.id]?.en ?? plainPinyin(place.pinyin);
}

function renderChinese(place: Place, type: PlaceType | undefined, lang: ExplainLang): string {
  const kindFits = type !== undefined && (type.kind === place.kind || (type.kind === 'county' && place.kind === 'county'));
  const hanzi = place.hanzi[0] ?? '';
  if (lang === 'zh') return `${hanzi}${kindFits && type ? type.zh : ''}`;
  const kind = kindFits && type?.en ? ` ${type.en}` : '';
  // «Shenyang (Mukden)» and the hanzi share one parenthesis: Shenyang (Mukden, 沈阳).
  const [, name = '', aside] = /^(.*?)(?: \((.*)\))?$/.exec(englishPlaceName(place))!;
  return `${name}${kind} (${aside ? `${aside}, ` : ''}${hanzi})`;
}

/** One name with the word that says its kind (either may be missing). */
function renderNamed(name: string, type: PlaceType | undefined, lang: ExplainLang, china: boolean): Part[] {
  const city = CITY.lookup(name) ?? COUNTRY.lookup(name);
  if (city) return [known(city[lang])];
  const nationality = type ? undefined : NATIONALITY.lookup(name);
  if (nationality) return [known(nationality[lang])];
  const chinese = chinesePlace(name, type, china);
  if (chinese?.certain) return [known(renderChinese(chinese.place, type, lang))];
  if (chinese) {
    // The gazetteer's own "probable" reading, shown as a possibility. A province of China is a closed
    // list, so its unconfirmed name stays marked; a county's or city's is a name kept as written.
    const maybe = renderChinese(chinese.place, undefined, lang);
    const kept = !type || type.kind === 'province' ? unknown(name) : named(name);
    return [kept, known(lang === 'zh' ? `（可能是${maybe}，未确认）` : ` (possibly ${maybe}, unconfirmed)`)];
  }
  // A province of China is a closed list: a name we cannot identify is not explained.
  if (!type || (type.kind === 'province' && china)) return [unknown(name), ...(type ? [known(lang === 'zh' ? type.zh : ` ${type.en}`)] : [])];
  if (!type.en && !type.zh) return [named(name)];
  return lang === 'zh' ? [named(name), known(type.zh)] : [named(name), known(` ${type.en}`)];
}

const ADJECTIVE = /(?:ск|цк|йск|н|в)(?:ой|ая|ий|ый|ое|ого|ей)$/i;
/** Kinds whose word may follow its name («Танва уезд», «Самарская губ.»); a city or village word always comes first. */
const TRAILING_KINDS: ReadonlySet<PlaceKind> = new Set(['province', 'county', 'guberniya', 'oblast', 'district', 'krai', 'volost', 'okrug', 'republic']);

function typeOf(word: string): PlaceType | undefined {
  return TYPE_BY_WORD.get(termKey(word));
}

/** «дер. Чжан-Дя провинции Чан-Су», «Хобейской провинции», «Танва уезд»: (type, name) groups in either order. */
function groupsOf(segment: string): Array<{ type?: PlaceType; name: string[] }> {
  const groups: Array<{ type?: PlaceType; name: string[] }> = [];
  let current: { type?: PlaceType; name: string[] } | undefined;
  for (const word of words(segment)) {
    const type = typeOf(word);
    if (!type) {
      if (!current) groups.push((current = { name: [] }));
      current.name.push(word);
      continue;
    }
    const before = current?.name ?? [];
    const last = before.at(-1) ?? '';
    // The word names the kind of the words before it when they are an adjective («Хобейской провинции»)
    // or it is a kind that may follow its name; the words of a city or village stay with it.
    const takesPrevious = current && TRAILING_KINDS.has(type.kind) && (ADJECTIVE.test(last) || (!current.type && !/и$/.test(word)));
    if (current && takesPrevious) {
      if (current.type) {
        current.name.pop();
        groups.push({ type, name: [last] });
      } else current.type = type;
      current = undefined;
      continue;
    }
    groups.push((current = { type, name: [] }));
  }
  return groups;
}

/**
 * `said`: the record says the segment is a place («в Кременце»: born in it) or another spelling of the place
 * before it («Пернова (Пярну)»). One capitalised word there that no table knows is the place's name, kept as
 * written; outside China only, where the provinces are a closed list and an unknown one stays marked.
 */
function renderSegment(segment: string, lang: ExplainLang, china: boolean, said = false): Part[] {
  const whole = COUNTRY.lookup(segment) ?? CITY.lookup(segment);
  if (whole) return [known(whole[lang])];
  // «г. Ашхабат, тюрок», «русский (по другим данным - еврей)»: the person's nationality written into the birthplace.
  const nationality = NATIONALITY.lookup(segment);
  if (nationality) return [known(nationality[lang])];
  if (said && !china && ONE_NAME.test(segment) && !typeOf(segment)) return [named(segment)];
  const parts: Part[] = [];
  groupsOf(segment).forEach((g, i) => {
    // «Могилевская губ. (БССР)»: a parenthesis alone belongs to the group before it, with no comma between.
    const asideAlone = !g.type && /^\(.+\)$/.test(g.name.join(' '));
    if (i > 0) parts.push(known(asideAlone ? (lang === 'zh' ? '' : ' ') : lang === 'zh' ? '，' : ', '));
    const name = g.name.join(' ');
    if (!name) parts.push(known(g.type ? (lang === 'zh' ? g.type.zh : g.type.en) : ''));
    else parts.push(...renderWithAside(name, g.type, lang, china));
  });
  return parts;
}

/** «Харбина (Северный Китай)»: the name, then what the parentheses add. */
function renderWithAside(name: string, type: PlaceType | undefined, lang: ExplainLang, china: boolean): Part[] {
  // «Могилевская губ. (БССР)»: the parenthesis follows the kind word and stands alone.
  const alone = /^\((.+)\)$/.exec(name);
  if (alone) return [known(lang === 'zh' ? '（' : '('), ...renderAside(alone[1]!, lang), known(lang === 'zh' ? '）' : ')')];
  const m = /^(.+?)\s*\((.+)\)$/.exec(name);
  if (!m) return renderNamed(name, type, lang, china);
  const place = renderNamed(m[1]!, type, lang, china);
  // «д. Крупчеево (Крупшево)», «имении Блуменгоф (Бломи, Бломц)»: names alone beside a named place are its other spellings.
  const spellings = m[2]!.split(/\s*,\s*/);
  const otherNames = !china && !place.some((p) => p.untranslated) && spellings.every((w) => ONE_NAME.test(w) && !typeOf(w));
  const aside = otherNames ? spellings.flatMap((w, i) => [...(i > 0 ? [known(lang === 'zh' ? '，' : ', ')] : []), ...renderSegment(w, lang, china, true)]) : renderAside(m[2]!, lang);
  return [...place, known(lang === 'zh' ? '（' : ' ('), ...aside, known(lang === 'zh' ? '）' : ')')];
}

/**
 * Chinese places are looked up only in a phrase about China: a Russian village
 * is never read as a Chinese county because a clerk's spelling happens to match.
 */
const CHINA_CONTEXT = /кита|маньчж|провинц|пров\./i;

/**
 * Birthplaces repeat («Китай, провинции Шаньдун»), and a search page explains
 * twenty at a time: the rendering of a phrase is kept (bounded, oldest dropped).
 */
const RENDERED = new Map<string, readonly Part[]>();
const RENDERED_MAX = 5_000;

/** A birthplace phrase as written → parts in the visitor's language, in the record's own order. */
export function renderPlace(text: string, lang: ExplainLang, china = CHINA_CONTEXT.test(text)): Part[] {
  const key = `${lang}|${china ? 1 : 0}|${text}`;
  const cached = RENDERED.get(key);
  if (cached) return cached.map((p) => ({ ...p }));
  const parts = renderPlaceUncached(text, lang, china);
  if (RENDERED.size >= RENDERED_MAX) RENDERED.delete(RENDERED.keys().next().value!);
  RENDERED.set(key, parts);
  return parts.map((p) => ({ ...p }));
}

function renderPlaceUncached(text: string, lang: ExplainLang, china: boolean): Part[] {
  const parts: Part[] = [];
  // «(Калининская обл. )»: a space before the closing parenthesis is the clerk's, not a segment of its own.
  splitTopLevel(text.replace(/\s+\)/g, ')')).forEach((raw, i) => {
    if (i > 0 && FORMER_DIVISIONS.test(raw.trim())) return void parts.push(known(lang === 'zh' ? '（旧行政区划）' : ' (former divisions)'));
    if (i > 0) parts.push(known(lang === 'zh' ? '，' : ', '));
    // «бывш. Виленской губ.», «б. Тверской губ.»: a former name, said so.
    const former = /^(?:бывш\.|б\.)\s*(?=[А-ЯЁ])/.exec(raw.trim());
    if (former) parts.push(known(lang === 'zh' ? '原' : 'former '));
    const unprefixed = raw.trim().slice(former?.[0].length ?? 0);
    const segment = unprefixed.replace(/^(?:в|во|на)\s+/i, '').trim();
    const said = segment !== unprefixed.trim();
    // «в Баку (по другим данным - в мест.Торговице …)»: the place, then the other record's place.
    const other = /^([^()]+?)\s*\((по другим (?:сведениям|данным).*)\)$/i.exec(segment);
    if (other) {
      parts.push(...renderSegment(other[1]!, lang, china, said), known(lang === 'zh' ? '（' : ' ('), ...renderAside(other[2]!, lang), known(lang === 'zh' ? '）' : ')'));
      return;
    }
    const aside = insideParentheses(segment);
    if (aside !== undefined) {
      parts.push(known(lang === 'zh' ? '（' : '('), ...renderAside(aside, lang), known(lang === 'zh' ? '）' : ')'));
      return;
    }
    parts.push(...renderSegment(segment, lang, china, said));
  });
  return parts.filter((p) => p.text !== '');
}

/** «по другим сведениям: г. Чжи Ли, …» inside parentheses. */
function renderAside(text: string, lang: ExplainLang): Part[] {
  const dash = OTHER_RECORDS.exec(text);
  const colon = dash ? dash[1]!.length : text.indexOf(':');
  const lead = colon >= 0 ? ASIDES.lookup(text.slice(0, colon)) : undefined;
  if (!lead) return renderPlace(text, lang);
  return [known(`${lead[lang]}${lang === 'zh' ? '：' : ': '}`), ...renderPlace(text.slice(dash ? dash[0].length : colon + 1), lang)];
}

export type { PlaceKind };
