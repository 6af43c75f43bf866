/**
 * The spelling channels and their costs. A channel is one way the name may have been
 * written (Palladius Cyrillic, pinyin, Wade–Giles, a Latin transliteration of the
 * Russian form, a Cyrillic form taken from English); each has its own spelling trie
 * and a cost for choosing it. All tries are built once, at module load.
 */
import { buildSpellings, buildTrie, type SpellingMap, type TrieNode } from './spelling.trie.ts';
import { CASE_ENDINGS, CYRILLIC_VARIANTS, SOFT_STEM_ENDINGS } from './tables/cyrillic-variants.data.ts';
import { dialectRules } from './tables/dialect.rules.ts';
import { RARE_NAME_SYLLABLES } from './tables/name-syllable-priors.data.ts';
import { PINYIN_VARIANTS, WADE_GILES_VARIANTS } from './tables/latin-variants.data.ts';
import { BOUNDARY, kBest, type LatticeConfig, type Step, type Units } from './lattice.ts';

export const CYRILLIC_SPELLINGS: SpellingMap = buildSpellings((r) => r.palladius, [...CYRILLIC_VARIANTS, ...dialectRules()], 2, (r) => RARE_NAME_SYLLABLES.get(r.pinyin) ?? 0);
export const PINYIN_SPELLINGS: SpellingMap = buildSpellings((r) => r.pinyin, PINYIN_VARIANTS, 1);
export const WADE_GILES_SPELLINGS: SpellingMap = buildSpellings((r) => r.wadeGiles, WADE_GILES_VARIANTS, 2);

const CYRILLIC_TRIE: TrieNode = buildTrie(CYRILLIC_SPELLINGS);
const PINYIN_TRIE: TrieNode = buildTrie(PINYIN_SPELLINGS);
const WADE_GILES_TRIE: TrieNode = buildTrie(WADE_GILES_SPELLINGS);

/** Every tunable cost of the decoder in one place (see docs/transliteration.md). */
export const COSTS = {
  skipLetter: 1.5,
  /** A syllable boundary inside a hyphen/space-separated segment of a record («Ван-Си-Сян» style). */
  recordIntraSplit: 0.3,
  /** Case ending on the last syllable: cheaper in record style, where segments are syllables. */
  recordCaseEnding: 0.25,
  caseEnding: 0.4,
  /** Cyrillic read back as Latin letters and decoded as Wade–Giles (Сунг = Sung). */
  cyrillicViaWadeGiles: 0.8,
  /** Wade–Giles separates every syllable (Hsi-hsiang), so a split inside a word is suspect. */
  wadeGilesIntraSplit: 0.3,
  /** Pinyin vowel-initial syllable glued to the previous one (xian read as xi + an). */
  pinyinVowelOnset: 0.3,
  /** Latin input read as Wade–Giles rather than pinyin (pinyin wins ties). */
  wadeGiles: 0.1,
  /** Pinyin with a hyphenated lower-case given name (En-lai) is a Wade–Giles habit. */
  pinyinHyphenatedGiven: 0.2,
  /** Latin input read as a transliteration of the Russian record (Van Si-Syan). */
  russianTransliteration: 0.3,
};

export type ChannelName = 'cyrillic' | 'pinyin' | 'wade-giles' | 'cyrillic-via-wade-giles' | 'russian-transliteration';

const TRIES: Record<ChannelName, TrieNode> = {
  cyrillic: CYRILLIC_TRIE,
  'russian-transliteration': CYRILLIC_TRIE,
  pinyin: PINYIN_TRIE,
  'wade-giles': WADE_GILES_TRIE,
  'cyrillic-via-wade-giles': WADE_GILES_TRIE,
};

export interface LatticeRun {
  k: number;
  /** Record style: at least two separators, so every segment is meant as a syllable. */
  recordStyle: boolean;
  /** Case endings only make sense for Cyrillic. */
  endings: boolean;
}

export function runLattice(channel: ChannelName, units: Units, run: LatticeRun): { cost: number; steps: Step[] }[] {
  const cfg: LatticeConfig = {
    trie: TRIES[channel],
    k: run.k,
    intraSplitCost: run.recordStyle ? COSTS.recordIntraSplit : channel === 'wade-giles' || channel === 'cyrillic-via-wade-giles' ? COSTS.wadeGilesIntraSplit : 0,
    skipCost: COSTS.skipLetter,
    endings: run.endings ? CASE_ENDINGS : [],
    softStemEndings: run.endings ? SOFT_STEM_ENDINGS : [],
    endingCost: run.recordStyle ? COSTS.recordCaseEnding : COSTS.caseEnding,
    vowelOnsetCost: channel === 'pinyin' ? COSTS.pinyinVowelOnset : 0,
  };
  return kBest(units, cfg);
}

/**
 * Record style: a hyphen anywhere, or two or more separators — the writer put one
 * syllable per segment («Ван-Си-Сян», «Ян Ман Чун», «Цзэ-дун»). Modern «Ван Сисян»
 * (one space) is not.
 */
export function isRecordStyle(units: Units): boolean {
  let separators = 0;
  for (let i = 1; i < units.codes.length; i++) {
    if (units.bnd[i] === BOUNDARY.hyphen) return true;
    if (units.bnd[i]! >= BOUNDARY.hyphen) separators++;
  }
  return separators >= 2;
}
