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
}

export const ALIASES: readonly AliasEntry[] = [
  { keys: ['суньятсен', 'сунятсен', 'sunyatsen', 'sunyixian'], readings: ['sun zhong shan', 'sun yi xian', 'sun wen'], surnameLength: 1 },
  { keys: ['чанкайши', 'chiangkaishek', 'чанкайшек'], readings: ['jiang jie shi', 'jiang zhong zheng'], surnameLength: 1 },
  { keys: ['маоцзэдун', 'маоцзедун', 'maotsetung', 'maozedong'], readings: ['mao ze dong'], surnameLength: 1 },
  { keys: ['чжоуэньлай', 'чжоуэнлай', 'чжоуеньлай', 'chouenlai'], readings: ['zhou en lai'], surnameLength: 1 },
  { keys: ['чжандзолинь', 'чжанцзолинь', 'changtsolin'], readings: ['zhang zuo lin'], surnameLength: 1 },
  { keys: ['чжансюэлян', 'changhsuehliang'], readings: ['zhang xue liang'], surnameLength: 1 },
  { keys: ['пекин', 'peking', 'pekin', 'peiping', 'бэйпин'], readings: ['bei jing', 'bei ping'], surnameLength: 0 },
  { keys: ['нанкин', 'nanking'], readings: ['nan jing'], surnameLength: 0 },
  { keys: ['харбин', 'harbin', 'kharbin'], readings: ['ha er bin'], surnameLength: 0 },
  { keys: ['кантон', 'canton', 'kanton'], readings: ['guang zhou'], surnameLength: 0 },
  { keys: ['мукден', 'mukden'], readings: ['shen yang'], surnameLength: 0 },
  { keys: ['гонконг', 'hongkong'], readings: ['xiang gang'], surnameLength: 0 },
  { keys: ['макао', 'macao', 'macau'], readings: ['ao men'], surnameLength: 0 },
  { keys: ['амой', 'amoy'], readings: ['xia men'], surnameLength: 0 },
  { keys: ['чифу', 'chefoo', 'chifu'], readings: ['yan tai', 'zhi fu'], surnameLength: 0 },
  { keys: ['циндао', 'tsingtao', 'циндау'], readings: ['qing dao'], surnameLength: 0 },
  { keys: ['тяньцзинь', 'тяньдзинь', 'tientsin'], readings: ['tian jin'], surnameLength: 0 },
  { keys: ['шаньдун', 'шандунь', 'шаньдунь', 'shantung'], readings: ['shan dong'], surnameLength: 0 },
  { keys: ['чжили', 'джили', 'chihli'], readings: ['zhi li'], surnameLength: 0 },
  { keys: ['хэбэй', 'хобэй', 'хобей', 'hopei', 'hopeh'], readings: ['he bei'], surnameLength: 0 },
  { keys: ['мэйланьфан', 'meilanfang'], readings: ['mei lan fang'], surnameLength: 1 },
  { keys: ['лисяньнянь'], readings: ['li xian nian'], surnameLength: 1 },
  { keys: ['ванцзинвэй', 'wangchingwei'], readings: ['wang jing wei'], surnameLength: 1 },
];
