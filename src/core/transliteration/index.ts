/**
 * Public API of the transliteration core. Other modules import only from here.
 * Pure: no HTTP, database or file-system access.
 */
export type { Script, SyllableExplanation, Reading, DecodeResult, DecodeOptions, Alignment } from './types.ts';
export { decode } from './decode.ts';
export { toPalladius, toWadeGiles } from './pinyin.convert.ts';
export { similarity, similarityScore } from './similarity.ts';
export { indexKeys } from './index-keys.ts';
export type { IndexKeys } from './index-keys.ts';
export { detectScript } from './script.detect.ts';
export { COMMON_SURNAMES } from './tables/common-surnames.data.ts';
