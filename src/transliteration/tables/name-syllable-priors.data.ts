/**
 * Syllables that (almost) never occur in Chinese personal names and whose
 * Palladius spelling has a likelier reading, with the cost of reading a
 * record's spelling as them. Palladius writes die as «де», but clerks wrote е
 * for э (../shared/notes/transliteration.md: «У-Вен-Де»), so «Де» in a name is
 * 德 de far more often than 爹/跌 die — and де = de costs 0.2 (е-for-э). A prior
 * above that cost puts de first and keeps die among the readings.
 *
 * Only the Cyrillic channel uses these: a pinyin or Wade–Giles query says
 * which syllable it means. (ме = mie and пе = pie are as rare, but their
 * other readings, me and none, are no likelier: a prior would change nothing.)
 */
export const RARE_NAME_SYLLABLES: ReadonlyMap<string, number> = new Map([['die', 0.3]]);
