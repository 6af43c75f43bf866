/**
 * The link model's weights, as data (docs/linking.md explains each). Evidence
 * is added in log-odds points and the sum becomes a score in 0..1 by the
 * logistic function: 0 points = 0.5, +2 ≈ 0.88, +3 ≈ 0.95, +4.5 ≈ 0.99.
 * Tuned on eval/links (npm run eval:link); change them only with that report.
 */
export const LINK_MODEL = 'link-1';

export const WEIGHTS = {
  /** Most pairs that share a name key are not one person: every pair starts here. */
  prior: -3,
  /** The same reading (or the same Russian surname and given name). */
  nameSame: 4,
  /** Points lost per 0.1 of name similarity below 1 (0.9 → 3, 0.8 → 2, 0.6 → 0). */
  namePerTenth: 1,
  nameFloor: -6,
  /** A reading less likely than its record's best counts against the name, per unit of extra cost. */
  readingCost: 0.5,
  yearSame: 2,
  yearNear: 0.5,
  /** A year one record does not give is no evidence either way. */
  yearMissing: 0,
  /** Born two years apart. */
  yearApart: -4,
  /** Three or more years apart. */
  yearFar: -6,
  placeSame: 1.5,
  placeProvince: 0.5,
  placeDifferent: -2,
  /** Birthplaces outside the gazetteer, both given: most words in common, or none. */
  placeTextSame: 1,
  placeTextDifferent: -1,
  /** Each date recorded by both that agrees (arrest, sentence, death), up to dateAgreeMax in all. */
  dateAgree: 1,
  dateAgreeMax: 2,
  /** A date recorded by both that contradicts: strong evidence against. */
  dateContradicts: -5,
  patronymicSame: 1,
  patronymicDifferent: -3,
  givenSame: 0.5,
  givenDifferent: -2,
  /** Two rows of one source are rarely one person (a source lists a person once). */
  sameSource: -2,
} as const;

/** Proposals at or above this are listed for review by default (precision/recall: docs/benchmarks.md). */
export const DEFAULT_LINK_THRESHOLD = 0.8;
/** Pairs scoring below this are not stored at all. */
export const STORE_FLOOR = 0.3;
