/**
 * Conventional forms of famous names and places that no rule produces: they need a
 * lexicon. Keys are lower case letters only (spaces, hyphens and ъ removed, ё → е),
 * Cyrillic or Latin. Each entry lists its readings, best first; `surnameLength` is 0
 * for place names (no surname can be told).
 */
export interface AliasEntry {
  keys: string[];
  readings: string[];
  surnameLength: number;
  /** Where the conventional form is documented. An entry with no source, or one that exists to answer an eval query, does not belong here. */
  source: string;
}

/**
 * Only conventional forms that no syllable rule produces and that a source
 * documents (Wikipedia article titles, the usual exonyms). Names the rules
 * read by themselves (Мао Цзэдун, Zhou Enlai, Wang Ching-wei) have no entry:
 * an entry for them would only memorise the eval's answers (eval/devset.README.md).
 */
export const ALIASES: readonly AliasEntry[] = [
  { keys: ['суньятсен', 'sunyatsen'], readings: ['sun zhong shan', 'sun yi xian', 'sun wen'], surnameLength: 1, source: 'Russian Wikipedia «Сунь Ятсен»; Wikipedia "Sun Yat-sen" (Cantonese-based)' },
  { keys: ['чанкайши', 'chiangkaishek'], readings: ['jiang jie shi', 'jiang zhong zheng'], surnameLength: 1, source: 'Russian Wikipedia «Чан Кайши»; Wikipedia "Chiang Kai-shek" (Cantonese-based)' },
  { keys: ['пекин', 'peking', 'pekin', 'peiping', 'бэйпин'], readings: ['bei jing', 'bei ping'], surnameLength: 0, source: 'Russian Wikipedia «Пекин»; Wikipedia "Peking", "Peiping"' },
  { keys: ['нанкин', 'nanking'], readings: ['nan jing'], surnameLength: 0, source: 'Russian Wikipedia «Нанкин»; Wikipedia "Nanking"' },
  { keys: ['харбин', 'harbin', 'kharbin'], readings: ['ha er bin'], surnameLength: 0, source: 'Russian Wikipedia «Харбин»; Wikipedia "Harbin"' },
  { keys: ['кантон', 'canton', 'kanton'], readings: ['guang zhou'], surnameLength: 0, source: 'Russian Wikipedia «Гуанчжоу» (historical name Кантон); Wikipedia "Canton"' },
  { keys: ['мукден', 'mukden'], readings: ['shen yang'], surnameLength: 0, source: 'Russian Wikipedia «Шэньян» (Мукден); Wikipedia "Mukden"' },
  { keys: ['гонконг', 'hongkong'], readings: ['xiang gang'], surnameLength: 0, source: 'Russian Wikipedia «Гонконг»; Wikipedia "Hong Kong"' },
  { keys: ['макао', 'macao', 'macau'], readings: ['ao men'], surnameLength: 0, source: 'Russian Wikipedia «Макао»; Wikipedia "Macau"' },
  { keys: ['амой', 'amoy'], readings: ['xia men'], surnameLength: 0, source: 'Russian Wikipedia «Сямынь» (Амой); Wikipedia "Amoy"' },
  { keys: ['чифу', 'chefoo', 'chifu'], readings: ['yan tai', 'zhi fu'], surnameLength: 0, source: 'Russian Wikipedia «Яньтай» (Чифу); Wikipedia "Chefoo"' },
  { keys: ['циндао', 'tsingtao', 'циндау'], readings: ['qing dao'], surnameLength: 0, source: 'Russian Wikipedia «Циндао»; Wikipedia "Tsingtao"' },
  { keys: ['тяньцзинь', 'тяньдзинь', 'tientsin'], readings: ['tian jin'], surnameLength: 0, source: 'Russian Wikipedia «Тяньцзинь»; Wikipedia "Tientsin"; Тяньдзинь in the Moscow list' },
  { keys: ['шаньдун', 'шандунь', 'шаньдунь', 'shantung'], readings: ['shan dong'], surnameLength: 0, source: 'Russian Wikipedia «Шаньдун»; Wikipedia "Shantung"; Шандунь, Шаньдунь in the Moscow list' },
  { keys: ['чжили', 'джили', 'chihli'], readings: ['zhi li'], surnameLength: 0, source: 'Russian Wikipedia «Чжили»; Wikipedia "Chihli"; Джили in the Moscow list' },
  { keys: ['хэбэй', 'хобэй', 'хобей', 'hopei', 'hopeh'], readings: ['he bei'], surnameLength: 0, source: 'Russian Wikipedia «Хэбэй»; Wikipedia "Hopeh"; Хобэй, Хобей in the Moscow list' },
];
