import { glossary } from './glossary.ts';
import { NATIONALITIES } from './nationalities.data.ts';
import { PARTY_STATUS } from './party.render.ts';
import { splitTopLevel } from './text.split.ts';

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

const SENTENCE_START = /\.\s+(?=(?:Адрес:|Рас+трел|Место захоронения|Арестован|Арестована|Приговорен|Осужден|Реабилитирован|Умер|Умерла|Обв\.|Обвинение|Погиб))/;

const SENTENCES: ReadonlyArray<{ kind: PhraseKind; pattern: RegExp }> = [
  { kind: 'residence', pattern: /^Адрес:\s*(.+)$/s },
  { kind: 'executed', pattern: /^(Рас+трелян[аы]?)\s+(.+)$/s },
  { kind: 'burial', pattern: /^Место захоронения:\s*(.+)$/s },
  { kind: 'arrest', pattern: /^(Арестован[аы]?)\s+(.+)$/s },
  { kind: 'sentence', pattern: /^((?:Приговорен|Осужден)[аы]?:?)\s+(.+)$/s },
  { kind: 'charge', pattern: /^((?:Обв\.|Обвинение)(?:\s+в|:)?)\s*(.+)$/s },
  { kind: 'rehabilitation', pattern: /^(Реабилитирован[аы]?)\s+(.+)$/s },
  { kind: 'death', pattern: /^(Умер(?:ла)?|Погиб(?:ла)?)\s+(.+)$/s },
];

/** The first sentence: «род. 1888, Китай, г. Шаньдун а, китаец, б/п, Прачечная № 5: гладильщик». */
function readFirst(sentence: string): Phrase[] {
  const m = /^род\.\s*(.*)$/s.exec(sentence);
  if (!m) return [{ kind: 'other', original: sentence, value: sentence }];
  const segments = splitTopLevel(m[1]!);
  const out: Phrase[] = [];
  const [birth, ...rest] = segments;
  if (birth !== undefined) out.push({ kind: 'birth', original: `род. ${birth}`, value: birth });
  const nationalityAt = rest.findIndex((s) => NATIONALITY.lookup(s) !== undefined);
  const partyAt = rest.findIndex((s, i) => i > nationalityAt && PARTY_STATUS.test(s));
  const placeEnd = nationalityAt >= 0 ? nationalityAt : partyAt >= 0 ? partyAt : rest.length;
  const place = rest.slice(0, placeEnd).join(', ');
  if (place) out.push({ kind: 'birthplace', original: place, value: place });
  if (nationalityAt >= 0) out.push({ kind: 'nationality', original: rest[nationalityAt]!, value: rest[nationalityAt]! });
  // «член Гоминдановской партии в 1926, член КП Китая и ВКП(б) 1926-1930»: consecutive statuses are one phrase.
  let partyEnd = partyAt;
  while (partyAt >= 0 && partyEnd + 1 < rest.length && PARTY_STATUS.test(rest[partyEnd + 1]!)) partyEnd += 1;
  if (partyAt >= 0) {
    const party = rest.slice(partyAt, partyEnd + 1).join(', ');
    out.push({ kind: 'party', original: party, value: party });
  }
  const jobStart = Math.max(placeEnd, nationalityAt, partyEnd) + (partyAt >= 0 || nationalityAt >= 0 ? 1 : 0);
  const occupation = rest.slice(jobStart).join(', ');
  if (occupation) out.push({ kind: 'occupation', original: occupation, value: occupation });
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
    const m = rule.pattern.exec(sentence)!;
    const value = (m[2] ?? m[1]!).trim();
    phrases.push({ kind: rule.kind, original: sentence, value, ...(m[2] !== undefined ? { verb: m[1]! } : {}) });
  }
  return phrases;
}
