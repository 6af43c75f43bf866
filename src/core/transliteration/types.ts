/** Public types of the transliteration core (re-exported by index.ts). */

export type Script = 'cyrillic' | 'latin' | 'han' | 'mixed' | 'empty';

export interface SyllableExplanation {
  /** The source text that produced this syllable ("Ван", "Hsi", "王"). */
  text: string;
  /** Toneless pinyin, ü written "ü". */
  pinyin: string;
  /** Standard Palladius Cyrillic for this pinyin syllable ("ван"). */
  palladius: string;
  /** Standard Wade–Giles ("wang", "hsi", "ch'ang"). */
  wadeGiles: string;
  /** Which rule or variant applied: "standard", "е-for-э", "soft-sign-lost", … joined by "+". */
  rule: string;
  /** Cost this syllable added. */
  cost: number;
}

export interface Reading {
  /** "wang xi xiang": space separated, toneless, lower case, ü as "ü". */
  pinyin: string;
  /** Total cost; 0 = perfect standard form. */
  cost: number;
  /** ["wang"] or ["ou","yang"]; [] if it cannot be told. */
  surname: string[];
  given: string[];
  syllables: SyllableExplanation[];
  /** For character input: the characters this reading came from. */
  hanzi?: string;
}

export interface DecodeResult {
  input: string;
  script: Script;
  readings: Reading[];
  russianParts: string[];
}

export interface DecodeOptions {
  maxReadings?: number;
}

/** One aligned syllable pair of a similarity comparison; null = inserted/deleted. */
export interface Alignment {
  a: string | null;
  b: string | null;
  cost: number;
  note: string;
}
