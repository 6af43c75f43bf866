// The record in the family's language: the pure face of src/explain (no I/O).
export type { ExplainLang, Fact, Part, Term } from './explain.types.ts';
export { explainRecord, fullyExplained, summaryLine, type ExplainInput } from './explain.ts';
export { readBiography, type Phrase, type PhraseKind } from './phrase.reader.ts';
export { explainDate, parseRecordDate, renderDate } from './dates.explain.ts';
export { fillLetter, likelyArchives, requestContents, type LetterInput } from './next-steps.ts';
export type { Archive } from './next-steps.data.ts';
export { citation } from './cite.ts';
