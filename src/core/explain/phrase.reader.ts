import { glossary } from './glossary.ts';
import { NATIONALITIES } from './nationalities.data.ts';
import { FORMER_MEMBERS } from './party.data.ts';
import { PARTY_STATUS } from './party.render.ts';
import { splitSpans } from './text.split.ts';

/**
 * The phrase reader: a biography of Memorial's lists split into the fixed
 * phrases they are written in («род. …, б/п, …. Адрес: …. Рассстрелян ….
 * Место захоронения: ….»). Each phrase keeps its span as written; what fits no
 * pattern comes back as `other`, to be shown untranslated.
 */
export type PhraseKind =
  | 'birth' | 'birthplace' | 'nationality' | 'party' | 'occupation' | 'residence' | 'arrest'
  | 'sentence' | 'charge' | 'executed' | 'death' | 'burial' | 'rehabilitation' | 'other';

export interface Phrase {
  kind: PhraseKind;
  /** The span of the biography, as written. */
  original: string;
  /** The part of the span that carries the fact (the date, the place, …). */
  value: string;
  /** For `executed` and `death`: the verb as written (Рассстрелян, Умер). */
  verb?: string;
}

const NATIONALITY = glossary(NATIONALITIES);
const FORMER = glossary(FORMER_MEMBERS);

const SENTENCE_START = /\.\s+(?=(?:Адрес:|Рас+трел|Место захоронения|Арестован|Арестована|Приговорен|Осужден|Реабилитирован|Умер|Умерла|Обв\.|Обвинение|Погиб|Срок|Судимость|Освобожден))/;

const SENTENCES: ReadonlyArray<{ kind: PhraseKind; pattern: RegExp }> = [
  { kind: 'residence', pattern: /^Адрес:\s*(.+)$/s },
  { kind: 'executed', pattern: /^(Рас+трелян[аы]?)\s+(.+)$/s },
  { kind: 'burial', pattern: /^Место захоронения:\s*(.+)$/s },
  { kind: 'arrest', pattern: /^(Арестован[аы]?)\s+(.+)$/s },
  { kind: 'sentence', pattern: /^((?:Приговорен|Осужден)[аы]?:?)\s+(.+)$/s },
  { kind: 'sentence', pattern: /^((?:Срок|Судимость|Освобожден).*)$/s },
  { kind: 'charge', pattern: /^((?:Обв\.|Обвинение)(?:\s+в|:)?)\s*(.+)$/s },
  { kind: 'rehabilitation', pattern: /^(Реабилитирован[аы]?)\s+(.+)$/s },
  { kind: 'death', pattern: /^(Умер(?:ла)?|Погиб(?:ла)?)\s+(.+)$/s },
];

/** A number's full stop, then a new sentence (a capital that is not «Д.», «Кв.», «Корп.», or a date): where an address ends. */
const ADDRESS_END = /(?<=\d[а-я]?)\.\s+(?=(?!(?:Д|Кв|Корп|Кор|Комн|Стр)\.)[А-ЯЁ]|\d{1,2}\s+[а-я]+\s+\d{4})/;

/** Is a segment of the first sentence a party status (member, former member, expelled)? */
const isParty = (segment: string) => PARTY_STATUS.test(segment) || FORMER.lookup(segment) !== undefined;

/**
 * The first sentence: «род. 1888, Китай, г. Шаньдун а, китаец, б/п, Прачечная № 5: гладильщик».
 * Birth, then the birthplace up to the nationality (or the first party status), then runs of
 * party statuses and of occupation in the order written; each span is the text as written.
 */
function readFirst(sentence: string): Phrase[] {
  const m = /^род\.\s*/.exec(sentence);
  if (!m) return [{ kind: 'other', original: sentence, value: sentence }];
  const body = sentence.slice(m[0].length);
  const segments = splitSpans(body);
  const span = (from: number, to: number) => body.slice(segments[from]!.start, segments[to]!.end);
  const out: Phrase[] = [];
  if (segments.length === 0) return out;
  out.push({ kind: 'birth', original: `${m[0]}${segments[0]!.text}`, value: segments[0]!.text });
  const nationalityAt = segments.findIndex((s, i) => i > 0 && NATIONALITY.lookup(s.text) !== undefined);
  const partyAt = segments.findIndex((s, i) => i > 0 && isParty(s.text));
  const ends = [nationalityAt, partyAt].filter((i) => i > 0);
  const placeEnd = ends.length > 0 ? Math.min(...ends) : segments.length;
  if (placeEnd > 1) out.push({ kind: 'birthplace', original: span(1, placeEnd - 1), value: span(1, placeEnd - 1) });
  let i = placeEnd;
  while (i < segments.length) {
    if (i === nationalityAt) {
      out.push({ kind: 'nationality', original: segments[i]!.text, value: segments[i]!.text });
      i += 1;
      continue;
    }
    const party = isParty(segments[i]!.text);
    let j = i;
    while (j + 1 < segments.length && j + 1 !== nationalityAt && isParty(segments[j + 1]!.text) === party) j += 1;
    const text = span(i, j);
    out.push({ kind: party ? 'party' : 'occupation', original: text, value: text });
    i = j + 1;
  }
  return out;
}

export function readBiography(biography: string): Phrase[] {
  const text = biography.trim().replace(/\.$/, '');
  if (!text) return [];
  const [first = '', ...others] = text.split(SENTENCE_START);
  const phrases = readFirst(first.trim());
  for (const raw of others) {
    const sentence = raw.trim().replace(/\.$/, '');
    const rule = SENTENCES.find((r) => r.pattern.test(sentence));
    if (!rule) {
      phrases.push({ kind: 'other', original: sentence, value: sentence });
      continue;
    }
    // «Адрес: …, кв.14. С апреля 1931 г. отбывал ссылку …»: the address ends at its number's full stop; what
    // follows is a sentence of its own that no pattern reads.
    const end = rule.kind === 'residence' ? ADDRESS_END.exec(sentence) : null;
    const own = end ? sentence.slice(0, end.index + 1) : sentence;
    const m = rule.pattern.exec(own)!;
    const value = (m[2] ?? m[1]!).trim();
    phrases.push({ kind: rule.kind, original: own, value, ...(m[2] !== undefined ? { verb: m[1]! } : {}) });
    if (end) {
      const rest = sentence.slice(end.index + end[0].length).trim();
      phrases.push({ kind: 'other', original: rest, value: rest });
    }
  }
  return phrases;
}
