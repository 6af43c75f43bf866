/**
 * Syllables that (almost) never occur in Chinese personal names and whose
 * Palladius spelling has a likelier reading, with the cost of reading a
 * record's spelling as them. Palladius writes die as «де», but clerks wrote е
 * for э (fixtures/mos-memo-chinese.csv: «У-Вен-Де»), so «Де» in a name is
 * 德 de far more often than 爹/跌 die — and де = de costs 0.2 (е-for-э). A prior
 * above that cost puts de first and keeps die among the readings.
 *
 * Only the Cyrillic channel uses these: a pinyin or Wade–Giles query says
 * which syllable it means. (ме = mie and пе = pie are as rare, but their
 * other readings, me and none, are no likelier: a prior would change nothing.)
 */
export const RARE_NAME_SYLLABLES: ReadonlyMap<string, number> = new Map([
  ['die', 0.3],
  // Final -н is -ng in Palladius, but clerks dropped the ь of -нь (fixtures/mos-memo-chinese.csv: «Чжоу-Хуа-Нан»),
  // and nang (囊), reng (仍) and seng (僧) are almost never in names while nan (南), ren (仁)
  // and sen (森) are: a prior above the 0.3 of a lost ь reads them n first, ng second.
  ['nang', 0.4],
  ['reng', 0.4],
  ['seng', 0.4],
  // Rare chart syllables (syllables.data.ts, last block) whose spelling is a common one's
  // with the ь lost: эн is eng, or en (恩); нун is nun, or nong (农).
  ['eng', 0.4],
  ['nun', 0.4],
  // The chart homograph ло is luo or the interjection lo; the interjection о would
  // otherwise split «Гоо» (guo, a doubled vowel) into guo + o.
  ['lo', 0.5],
  ['o', 0.5],
]);
