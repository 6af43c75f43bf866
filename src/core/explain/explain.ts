import { renderAddress } from './address.render.ts';
import { explainDate } from './dates.explain.ts';
import { known, partsText, unknown, type ExplainLang, type Fact, type Part } from './explain.types.ts';
import { glossary } from './glossary.ts';
import { FACT_LABELS } from './labels.data.ts';
import { NATIONALITIES } from './nationalities.data.ts';
import { renderOccupation } from './occupation.render.ts';
import { renderParty } from './party.render.ts';
import { readBiography, type Phrase, type PhraseKind } from './phrase.reader.ts';
import { renderPlace } from './place.render.ts';
import { BURIAL_SITES } from './places.data.ts';
import { FATE, renderCharge, renderFate, renderSentence } from './sentence.render.ts';
import { splitTopLevel } from './text.split.ts';
import type { RecordFieldValues } from '../records/index.ts';

/** What explaining needs of a record: the public record's fields but its names (pure, no database type). */
export type ExplainInput = Partial<Omit<RecordFieldValues, 'fullName' | 'surname' | 'givenName' | 'patronymic'>>;

const NATIONALITY = glossary(NATIONALITIES);
const BURIAL = glossary(BURIAL_SITES);

/** The record field each phrase kind explains (party has none: it lives only in the biography). */
const FIELD_OF: Readonly<Record<PhraseKind, string>> = {
  birth: 'birthYear', birthplace: 'birthplace', nationality: 'nationality', party: 'party', occupation: 'occupation',
  residence: 'residence', arrest: 'arrestDate', sentence: 'sentence', charge: 'charge', executed: 'executedOn',
  death: 'deathDate', burial: 'burialPlace', rehabilitation: 'rehabilitationDate', other: 'biography',
};
const LABEL_OF: Partial<Record<PhraseKind, string>> = { executed: 'fate' };

const dateParts = (text: string, lang: ExplainLang): Part[] => {
  const date = explainDate(text.replace(/^в\s+/i, ''), lang);
  return [date ? known(date) : unknown(text)];
};

/** A fate with its date: «Рассстрелян 10.09.1938» → 1938年9月10日被枪决 / shot on 10 September 1938. */
function fateParts(verb: string, date: string, lang: ExplainLang): Part[] {
  const fate = FATE.lookup(verb);
  const when = dateParts(date, lang);
  if (!fate) return [unknown(verb), known(' '), ...when];
  return lang === 'zh' ? [...when, known(`被${fate.zh}`)] : [known(`${fate.en} on `), ...when];
}

function renderPhrase(phrase: Phrase, lang: ExplainLang): Part[] {
  const { kind, value } = phrase;
  switch (kind) {
    case 'birth': return dateParts(value, lang);
    case 'birthplace': return renderPlace(value, lang);
    case 'nationality': {
      const term = NATIONALITY.lookup(value);
      return [term ? known(term[lang]) : unknown(value)];
    }
    case 'party': return splitTopLevel(value).flatMap((p, i) => [...(i > 0 ? [known(lang === 'zh' ? '；' : '; ')] : []), ...renderParty(p, lang)]);
    case 'occupation': return renderOccupation(value, lang);
    case 'residence': return renderAddress(value, lang);
    case 'arrest':
    case 'rehabilitation': return dateParts(value, lang);
    case 'sentence': return renderSentence(value, lang);
    case 'charge': return renderCharge(value, lang);
    case 'executed': return fateParts(phrase.verb ?? 'расстрелян', value, lang);
    case 'death': return [...dateParts(value, lang)];
    case 'burial': {
      const term = BURIAL.lookup(value);
      return [term ? known(term[lang]) : unknown(value)];
    }
    default: return [unknown(value)];
  }
}

function toFact(kind: PhraseKind, original: string, parts: Part[], lang: ExplainLang): Fact {
  return {
    field: FIELD_OF[kind],
    label: FACT_LABELS[LABEL_OF[kind] ?? kind]![lang],
    text: partsText(parts).trim(),
    original,
    untranslated: parts.filter((p) => p.untranslated).map((p) => p.text.trim()),
    parts,
  };
}

/** Fields the biography did not state (or a record with no biography): explained from the field itself. */
function fieldPhrases(record: ExplainInput, seen: ReadonlySet<PhraseKind>): Phrase[] {
  const out: Phrase[] = [];
  const add = (kind: PhraseKind, value: string | number | null | undefined, verb?: string) => {
    if (value === null || value === undefined || value === '' || seen.has(kind)) return;
    out.push({ kind, original: String(value), value: String(value), ...(verb ? { verb } : {}) });
  };
  add('birth', record.birthDate ?? record.birthYear);
  add('birthplace', record.birthplace);
  add('nationality', record.nationality);
  add('occupation', record.occupation);
  add('residence', record.residence);
  add('arrest', record.arrestDate);
  add('sentence', [record.sentence, record.sentenceDate].filter(Boolean).join(', '));
  add('charge', record.charge);
  add('executed', record.executedOn, 'расстрелян');
  add('death', record.deathDate);
  add('burial', record.burialPlace);
  add('rehabilitation', record.rehabilitationDate);
  return out;
}

/**
 * The facts of a record in zh or en: the biography's phrases first (each with
 * its span as written), then whatever the fields state that the biography did not.
 */
export function explainRecord(record: ExplainInput, lang: ExplainLang): Fact[] {
  const phrases = record.biography ? readBiography(record.biography) : [];
  const seen = new Set(phrases.map((p) => p.kind));
  return [...phrases, ...fieldPhrases(record, seen)].map((p) => toFact(p.kind, p.original, renderPhrase(p, lang), lang));
}

/** Is every fact explained, with no Russian term left untranslated? */
export const fullyExplained = (facts: readonly Fact[]): boolean => facts.every((f) => f.untranslated.length === 0);

/** The one-line summary of a search result: born YEAR in PLACE · FATE DATE. */
export function summaryLine(record: ExplainInput, lang: ExplainLang): string {
  const pieces: string[] = [];
  const born = record.birthDate ?? (record.birthYear ? String(record.birthYear) : null);
  const place = record.birthplace ? partsText(renderPlace(record.birthplace, lang)) : null;
  const when = born ? explainDate(born, lang) ?? born : null;
  if (lang === 'zh') {
    if (when || place) pieces.push(`${when ? `${when}` : ''}生${place ? `于${place}` : ''}`);
  } else if (when || place) pieces.push(`born${when ? ` ${when}` : ''}${place ? ` in ${place}` : ''}`);
  if (record.executedOn) pieces.push(partsText(fateParts('расстрелян', record.executedOn, lang)));
  else if (record.sentence) {
    const fate = renderFate(record.sentence, lang);
    if (fate) pieces.push(fate);
  }
  return pieces.join(' · ');
}
