import { known, unknown, type ExplainLang, type Part } from './explain.types.ts';
import { glossary, termKey } from './glossary.ts';
import { FORMER_MEMBERS, NON_PARTY, PARTIES } from './party.data.ts';

const PARTY = glossary(PARTIES);
const FORMER = glossary(FORMER_MEMBERS);

/** Does a segment of the first sentence state party status? (The phrase reader asks.) */
export const PARTY_STATUS = /^(?:б\/п|беспартийн|член\s|кандидат\s+в\s+члены|исключен|бывший\s+член|вышел из|вышла из)/i;

const STATUS = /^(член|кандидат в члены|исключена? из кандидатов в члены|исключена? из|бывший член|бывшая член|вышел из|вышла из)\s+(.+?)(?:\s+(с \d{4}(?: г\.)?(?: по \d{4}(?: г\.)?)?|до \d{4}(?: г\.)?|\d{4}\s*-\s*\d{4}(?: гг\.)?|в \d{4}(?: г\.)?))?$/i;

const VERB: Readonly<Record<string, { zh: (p: string) => string; en: (p: string) => string }>> = {
  'член': { zh: (p) => `${p}党员`, en: (p) => `member of ${p}` },
  'кандидат в члены': { zh: (p) => `${p}预备党员`, en: (p) => `candidate member of ${p}` },
  'исключен из': { zh: (p) => `被开除出${p}`, en: (p) => `expelled from ${p}` },
  'исключен из кандидатов в члены': { zh: (p) => `被取消${p}预备党员资格`, en: (p) => `expelled as a candidate member of ${p}` },
  'бывший член': { zh: (p) => `曾为${p}党员`, en: (p) => `formerly a member of ${p}` },
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

/** «КП Китая и ВКП(б)»: one or more parties joined by «и». */
function parties(text: string, lang: ExplainLang): Part[] | undefined {
  const names = text.split(/\s+и\s+/).map((p) => PARTY.lookup(p));
  if (names.some((n) => n === undefined)) return undefined;
  return [known(names.map((n) => n![lang]).join(lang === 'zh' ? '和' : ' and '))];
}

/** Party status as written (б/п, член ВКП(б) с 1929, …) → parts; what no table knows stays Russian, marked. */
export function renderParty(text: string, lang: ExplainLang): Part[] {
  // «(б)» of ВКП(б) is part of the name, not an aside.
  const paren = /^(.+?)\s*\((.+?)\)?$/.exec(text.trim().replace(/\(б\)/g, '\u2063'));
  if (paren) {
    const restore = (s: string) => s.replace(/\u2063/g, '(б)');
    const main = renderParty(restore(paren[1]!), lang);
    const aside = renderParty(restore(paren[2]!), lang);
    return [...main, known(lang === 'zh' ? '（' : ' ('), ...aside, known(lang === 'zh' ? '）' : ')')];
  }
  if (NON_PARTY.ru.some((f) => termKey(f) === termKey(text))) return [known(NON_PARTY[lang])];
  const former = FORMER.lookup(text);
  if (former) return [known(former[lang])];
  const m = STATUS.exec(text.trim());
  if (!m) return [unknown(text)];
  const verb = VERB[m[1]!.toLowerCase().replace(/исключена/, 'исключен').replace('бывшая', 'бывший').replace('вышла', 'вышел')];
  const party = parties(m[2]!, lang);
  if (!verb || !party) return [unknown(text)];
  const name = party.map((p) => p.text).join('');
  return [known(`${verb[lang](name)}${period(m[3], lang)}`)];
}
