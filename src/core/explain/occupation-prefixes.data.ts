/**
 * The first halves Soviet Russian built ordinary compound words with («радиотехник», «автобаза»,
 * «спецотдел», «госпароходство», «стройдетали»), each a clipped word with one meaning in compounds.
 * A word of one or more of them before a word of the occupation tables is read as that word, said of
 * the prefix's field (occupation.compounds.ts): «радиотелеграфный» → radio telegraph, «спецработы» →
 * special works. Only prefixes whose meaning in a compound is fixed are listed: «проф-» (trade-union or
 * professional), «пром-» (промышленный, industrial, or промысловый, of crafts: «промкооперация») and
 * «хлебо-» (bread or grain) are not. Sources: the entries for these first halves
 * («авиа…», «авто…» (2), «гос…», «спец…», «строй…»…) in С. И. Ожегов, Н. Ю. Шведова, «Толковый словарь
 * русского языка», and Д. И. Алексеев, «Словарь сокращений русского языка» (1983).
 */
export interface Prefix {
  ru: string;
  zh: string;
  en: string;
}

export const PREFIXES: readonly Prefix[] = [
  { ru: 'авиа', zh: '航空', en: 'aviation' },
  // «авто…» (2) in Ozhegov: of motor vehicles (автобаза, автомагистраль); «авто…» (1, "self-") builds no occupation word.
  { ru: 'авто', zh: '汽车', en: 'motor' },
  { ru: 'агро', zh: '农业', en: 'agricultural' },
  { ru: 'радио', zh: '无线电', en: 'radio' },
  { ru: 'кино', zh: '电影', en: 'film' },
  { ru: 'фото', zh: '照相', en: 'photo' },
  { ru: 'звуко', zh: '音响', en: 'sound' },
  { ru: 'электро', zh: '电气', en: 'electrical' },
  { ru: 'энерго', zh: '能源', en: 'energy' },
  { ru: 'тепло', zh: '热力', en: 'heat' },
  { ru: 'гидро', zh: '水利', en: 'hydraulic' },
  { ru: 'металло', zh: '金属', en: 'metal' },
  { ru: 'нефте', zh: '石油', en: 'oil' },
  { ru: 'лесо', zh: '林业', en: 'timber' },
  { ru: 'спец', zh: '特种', en: 'special' },
  { ru: 'гос', zh: '国家', en: 'state' },
  { ru: 'строй', zh: '建筑', en: 'building' },
  { ru: 'сельхоз', zh: '农业', en: 'agricultural' },
  { ru: 'парт', zh: '党', en: 'party' },
  { ru: 'полит', zh: '政治', en: 'political' },
  { ru: 'культ', zh: '文化', en: 'cultural' },
  { ru: 'мед', zh: '医疗', en: 'medical' },
  { ru: 'жил', zh: '住房', en: 'housing' },
];
