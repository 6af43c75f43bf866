import { known, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { glossary, termKey } from './glossary.ts';
import { BODIES_JOINED, EXPULSION_REASONS, FORMER_MEMBERS, NON_PARTY, PARTIES, PARTIES_OF_COUNTRY, PARTY_BODIES } from './party.data.ts';
import { COUNTRIES } from './places.data.ts';
import { explainDate } from './dates.explain.ts';
import { splitTopLevel } from './text.split.ts';

const PARTY = glossary(PARTIES);
const BODY = glossary(BODIES_JOINED);
const LEADING = glossary(PARTY_BODIES);
const COUNTRY = glossary(COUNTRIES);
const FORMER = glossary(FORMER_MEMBERS);
const REASON = glossary(EXPULSION_REASONS);

/** What one is a member of decides the Chinese word for a member: 党员, 团员 (Komsomol), 委员 (a committee), 成员. */
type Kind = 'party' | 'komsomol' | 'committee' | 'body';
const MEMBER_ZH: Readonly<Record<Kind, string>> = { party: '党员', komsomol: '员', committee: '委员', body: '成员' };
const CANDIDATE_ZH: Readonly<Partial<Record<Kind, string>>> = { party: '预备党员', committee: '候补委员' };

/** Does a segment of the first sentence state party status? (The phrase reader asks.) */
export const PARTY_STATUS = /^(?:б\/п|беспартийн|член\s|кандидат\s+в\s+члены|исключен|бывший\s+член|вышел из|вышла из)/i;

const STATUS = /^(член|кандидат в члены|исключена? из кандидатов в члены|исключена? из|бывший член|бывшая член|вышел из|вышла из)\s+(.+?)(?:\s+(с \d{4}(?: г\.)?(?: по \d{4}(?: г\.)?)?|до \d{4}(?: г\.)?|\d{4}\s*-\s*\d{4}(?: гг\.)?|в \d{4}(?: г\.)?))?$/i;

const VERB: Readonly<Record<string, { zh: (p: string, k: Kind) => string | undefined; en: (p: string) => string }>> = {
  'член': { zh: (p, k) => `${p}${MEMBER_ZH[k]}`, en: (p) => `member of ${p}` },
  'кандидат в члены': { zh: (p, k) => (CANDIDATE_ZH[k] ? `${p}${CANDIDATE_ZH[k]}` : undefined), en: (p) => `candidate member of ${p}` },
  'исключен из': { zh: (p) => `被开除出${p}`, en: (p) => `expelled from ${p}` },
  'исключен из кандидатов в члены': { zh: (p, k) => (k === 'party' ? `被取消${p}预备党员资格` : undefined), en: (p) => `expelled as a candidate member of ${p}` },
  'бывший член': { zh: (p, k) => `曾为${p}${MEMBER_ZH[k]}`, en: (p) => `formerly a member of ${p}` },
  'вышел из': { zh: (p) => `退出${p}`, en: (p) => `left ${p}` },
};

function period(text: string | undefined, lang: ExplainLang): string {
  if (!text) return '';
  const years = text.match(/\d{4}/g) ?? [];
  if (/^с /.test(text)) return years[1] ? (lang === 'zh' ? `（${years[0]}—${years[1]}年）` : ` from ${years[0]} to ${years[1]}`) : lang === 'zh' ? `（${years[0]}年起）` : ` since ${years[0]}`;
  if (/^до /.test(text)) return lang === 'zh' ? `（至${years[0]}年）` : ` until ${years[0]}`;
  if (/^в /.test(text)) return lang === 'zh' ? `（${years[0]}年）` : ` in ${years[0]}`;
  return lang === 'zh' ? `（${years[0]}—${years[1]}年）` : ` ${years[0]}–${years[1]}`;
}

/** One party, body or party body («ЦК ВКП(б)», «КП Франции»), with what kind of membership it has. */
function organisation(text: string): { zh: string; en: string; kind: Kind } | undefined {
  const party = PARTY.lookup(text);
  if (party) return { zh: party.zh, en: party.en, kind: 'party' };
  const body = BODY.lookup(text);
  if (body) return { zh: body.zh, en: body.en, kind: /комсомол|ВЛКСМ/i.test(body.ru[0]!) ? 'komsomol' : 'body' };
  for (const p of PARTIES_OF_COUNTRY) {
    const country = COUNTRY.lookup(p.pattern.exec(text)?.[1] ?? '');
    if (country) return { zh: p.zh.replace('{c}', country.zh), en: p.en.replace('{c}', country.en), kind: 'party' };
  }
  const lead = LEADING.prefix(text);
  const of = lead && lead.rest ? organisation(lead.rest) : undefined;
  if (lead && of?.kind === 'party') return { zh: `${of.zh}${lead.term.zh}`, en: `${lead.term.en} ${of.en}`, kind: 'committee' };
  return undefined;
}

/** «КП Китая и ВКП(б)»: one or more of one kind joined by «и». */
function parties(text: string): { zh: string; en: string; kind: Kind } | undefined {
  const names = text.split(/\s+и\s+/).map(organisation);
  if (names.some((n) => n === undefined || n.kind !== names[0]!.kind)) return undefined;
  const all = names as Array<{ zh: string; en: string; kind: Kind }>;
  return { zh: all.map((n) => n.zh).join('和'), en: all.map((n) => n.en).join(' and '), kind: all[0]!.kind };
}

/** «в 1905-1917 член партии эсеров», «1917 член …»: a status after its years. */
const DATED = /^(?:(в|с|до)\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?(?:\s*гг?\.?)?\s+(.+)$/;

/** A status written after its years, read as the status with the years beside it; undefined when it is not one. */
export function renderDatedParty(text: string, lang: ExplainLang): Part[] | undefined {
  const dated = DATED.exec(text.trim());
  if (!dated || !PARTY_STATUS.test(dated[4]!)) return undefined;
  const parts = renderParty(dated[4]!, lang);
  if (parts.some((p) => p.untranslated)) return undefined;
  const [, how, from, to] = dated;
  const zh = to ? `${from}—${to}年` : how === 'с' ? `${from}年起` : how === 'до' ? `至${from}年` : `${from}年`;
  const en = to ? `${from}–${to}` : how === 'с' ? `since ${from}` : how === 'до' ? `until ${from}` : `in ${from}`;
  return [...parts, known(lang === 'zh' ? `（${zh}）` : ` (${en})`)];
}

/**
 * «5 января 1936 г.», «до 17.12.1937», «в 1918-1931», «с1932», «1931»: when, in any form the dates reader
 * knows; undefined when a part of it is not a date (the status then stays Russian).
 */
function readPeriod(text: string, lang: ExplainLang): string | undefined {
  const m = /^(?:(с|со|до|в|по)\s*(?=\d|[а-я]+\s+\d))?(.+?)(?:\s*(?:[-–]|\sпо\s)\s*(.+?))?\s*(?:гг?\.?)?$/.exec(text.trim());
  if (!m) return undefined;
  const from = explainDate(m[2]!, lang);
  const to = m[3] === undefined ? '' : explainDate(m[3], lang);
  if (!from || to === undefined) return undefined;
  const how = (m[1] ?? '').replace('со', 'с');
  if (lang === 'zh') {
    if (to) return `（${from}—${to}）`;
    return `（${how === 'с' ? `${from}起` : how === 'до' ? `至${from}` : from}）`;
  }
  if (to) return ` from ${from} to ${to}`;
  const day = /^\d{1,2}\s/.test(m[2]!) || /^\d{1,2}\.\d/.test(m[2]!);
  return how === 'с' ? ` since ${from}` : how === 'до' ? ` until ${from}` : day ? ` on ${from}` : ` in ${from}`;
}

const LOOSE = /^(член|кандидат в члены|исключена? из кандидатов в члены|исключена? из|бывший член|бывшая член|вышел из|вышла из)\s+(.+)$/i;
/** «за троцкистскую деятельность», «как троцкист», «в связи с судимостью»: why, after the status and its date. */
const WHY = /\s+(?:за|как|в связи с)\s+.+$/;

/**
 * A status with a date the strict pattern does not take, or with why one was expelled: the party is the
 * shortest start the tables know, the rest must read as a period (and a reason from EXPULSION_REASONS).
 */
function renderLoose(text: string, lang: ExplainLang): Part[] | undefined {
  const m = LOOSE.exec(text.trim());
  if (!m) return undefined;
  const verb = VERB[m[1]!.toLowerCase().replace(/исключена/, 'исключен').replace('бывшая', 'бывший').replace('вышла', 'вышел')];
  if (!verb) return undefined;
  const why = WHY.exec(m[2]!);
  const reason = why ? REASON.lookup(why[0].trim()) : undefined;
  if (why && !reason) return undefined;
  const words = m[2]!.slice(0, why?.index ?? m[2]!.length).split(/\s+/);
  for (let n = 1; n <= words.length; n += 1) {
    const party = parties(words.slice(0, n).join(' '));
    const tail = words.slice(n).join(' ');
    const when = tail ? readPeriod(tail, lang) : '';
    const zh = party && verb.zh(party.zh, party.kind);
    if (!party || when === undefined || !zh) continue;
    const because = reason ? (lang === 'zh' ? `，${reason.zh}` : ` ${reason.en}`) : '';
    return [known(`${lang === 'zh' ? zh : verb.en(party.en)}${when}${because}`)];
  }
  return undefined;
}

/** «ранее исключался в 1927 и 1933 гг.», «восстановлен 5 декабря 1931 г.»: earlier expulsions and reinstatement, beside a status. */
function renderHistory(text: string, lang: ExplainLang): Part[] | undefined {
  const expelled = /^(?:(ранее)\s+)?исключал(?:ся|ась)(?:\s+из\s+ВКП\(б\))?\s+(?:в\s+)?(\d{4})(?:\s*(?:и|,)\s*(\d{4}))?\s*(?:гг?\.?)?$/i.exec(text.trim());
  if (expelled) {
    const years = [expelled[2]!, expelled[3]].filter(Boolean) as string[];
    if (lang === 'zh') return [known(`${expelled[1] ? '此前' : ''}曾于${years.map((y) => `${y}年`).join('和')}被开除`)];
    return [known(`${expelled[1] ? 'previously ' : ''}expelled in ${years.join(' and ')}`)];
  }
  const back = /^(?:был(?:а)?\s+)?восстановлена?(?:\s+(.+?))?$/i.exec(text.trim());
  if (!back) return undefined;
  const when = back[1] ? readPeriod(back[1], lang) : '';
  if (when === undefined) return undefined;
  return [known(lang === 'zh' ? `恢复党籍${when}` : `reinstated${when}`)];
}

/** Party status as written (б/п, член ВКП(б) с 1929, …) → parts; what no table knows stays Russian, marked. */
export function renderParty(text: string, lang: ExplainLang): Part[] {
  const dated = renderDatedParty(text, lang);
  if (dated) return dated;
  // «(б)» of ВКП(б) is part of the name, not an aside.
  const paren = /^(.+?)\s*\((.+?)\)?$/.exec(text.trim().replace(/\(б\)/g, '\u2063'));
  if (paren) {
    const restore = (s: string) => s.replace(/\u2063/g, '(б)');
    const main = renderParty(restore(paren[1]!), lang);
    // «(ранее исключался в 1927 г., восстановлен 5 декабря 1931 г.)»: an aside of several statuses, each read.
    const aside = splitTopLevel(restore(paren[2]!)).flatMap((a, i) => [...(i > 0 ? [known(lang === 'zh' ? '，' : ', ')] : []), ...renderParty(a, lang)]);
    return [...main, known(lang === 'zh' ? '（' : ' ('), ...aside, known(lang === 'zh' ? '）' : ')')];
  }
  if (NON_PARTY.ru.some((f) => termKey(f) === termKey(text))) return [known(NON_PARTY[lang])];
  const former = FORMER.lookup(text);
  if (former) return [known(former[lang])];
  const history = renderHistory(text, lang);
  if (history) return history;
  const m = STATUS.exec(text.trim());
  if (!m) return renderLoose(text, lang) ?? [unknown(text)];
  const verb = VERB[m[1]!.toLowerCase().replace(/исключена/, 'исключен').replace('бывшая', 'бывший').replace('вышла', 'вышел')];
  const party = parties(m[2]!);
  // What Chinese cannot say (a candidate of a body that has none) is not said in English either: both stay Russian.
  const zh = party && verb?.zh(party.zh, party.kind);
  if (!party || !verb || !zh) return renderLoose(text, lang) ?? [unknown(text)];
  const said = lang === 'zh' ? zh : verb.en(party.en);
  return [known(`${said}${period(m[3], lang)}`)];
}
