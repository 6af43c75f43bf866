import type { Declension } from './inflect.ts';

/**
 * The syllables Soviet bodies were named with («Гос-», «Обл-», «-строй», «-снаб», «-трест»), so that a
 * body's own name the tables do not list («Станкоимпорт», «Облмосторг», «Всекопромметаллсоюз») is
 * recognised as a name by rule and kept as one (org-names.ts). A stem is the clipped word the
 * abbreviation stands for: «снаб» = снабжение, «гиз» = государственное издательство. Only the
 * syllables common across the period's names are listed, never one name's own syllable.
 * Source: the conventions of Soviet syllabic abbreviations (сложносокращённые слова), as in
 * Д. И. Алексеев, «Словарь сокращений русского языка» (1983).
 */
export interface OrgStem {
  ru: string;
  /**
   * Where the name ends with this stem, what the stem says the body is, in zh and en. A stem without
   * it says nothing certain about the kind («Орг-», «Электро-»): the name is "(an organisation)".
   */
  kind?: { zh: string; en: string };
  /** A stem in -ь must say its gender (inflect.ts); one that does not decline says 'fixed'. */
  decl?: Declension;
  /**
   * A stem that marks a name as a body's by itself (a level or a branch of administration: «Гос-»,
   * «Обл-», «Транс-»). A word of other stems only is a name when it ends with a kind: «Металлолом»
   * (scrap metal) is an ordinary word, not a body.
   */
  body?: true;
}

export const ORG_STEMS: readonly OrgStem[] = [
  // Levels and branches of administration.
  { ru: 'гос', body: true },
  { ru: 'обл', body: true },
  { ru: 'мос', body: true },
  { ru: 'рос', body: true },
  { ru: 'гор', body: true },
  { ru: 'рай', body: true },
  { ru: 'край', body: true },
  { ru: 'окр', body: true },
  { ru: 'дор', body: true },
  { ru: 'транс', body: true },
  { ru: 'центро', body: true },
  { ru: 'все', body: true },
  { ru: 'всеко', body: true },
  { ru: 'кооп', body: true },
  { ru: 'союз', body: true, kind: { zh: '（联合会）', en: ' (a union)' } },
  { ru: 'глав', body: true },
  { ru: 'гипро', body: true },
  { ru: 'спец', body: true },
  { ru: 'сельхоз', body: true },
  { ru: 'внеш' },
  { ru: 'мест', body: true },
  // «Оргметалл», «Оргстрой»: «орг-» (организационный) names a body that organises a branch.
  { ru: 'орг', body: true },
  { ru: 'воен', body: true },
  { ru: 'проф', body: true },
  // What a body does; at the end of a name, what kind of body it is.
  { ru: 'трест', kind: { zh: '（托拉斯）', en: ' (a trust)' } },
  { ru: 'торг', kind: { zh: '（贸易机构）', en: ' (a trading organisation)' } },
  { ru: 'снаб', kind: { zh: '（供应机构）', en: ' (a supply organisation)' } },
  { ru: 'сбыт', kind: { zh: '（销售机构）', en: ' (a sales organisation)' } },
  { ru: 'строй', decl: 'm-soft', kind: { zh: '（建设机构）', en: ' (a construction organisation)' } },
  { ru: 'проект', kind: { zh: '（设计机构）', en: ' (a design organisation)' } },
  { ru: 'импорт', kind: { zh: '（进口机构）', en: ' (an import organisation)' } },
  { ru: 'экспорт', kind: { zh: '（出口机构）', en: ' (an export organisation)' } },
  { ru: 'гиз', kind: { zh: '（出版社）', en: ' (a publishing house)' } },
  { ru: 'издат', kind: { zh: '（出版社）', en: ' (a publishing house)' } },
  { ru: 'банк', kind: { zh: '（银行）', en: ' (a bank)' } },
  { ru: 'пром', kind: { zh: '（工业机构）', en: ' (an industrial organisation)' } },
  { ru: 'центр', kind: { zh: '（中心）', en: ' (a centre)' } },
  { ru: 'пит', kind: { zh: '（饮食机构）', en: ' (a catering organisation)' } },
  { ru: 'объединение', kind: { zh: '（联合公司）', en: ' (an association)' } },
  { ru: 'фильм' },
  { ru: 'страх', kind: { zh: '（保险机构）', en: ' (an insurance organisation)' } },
  // Branches of the economy, clipped.
  { ru: 'тех' },
  { ru: 'мед' },
  { ru: 'сан' },
  { ru: 'культ' },
  { ru: 'жил' },
  { ru: 'быт' },
  { ru: 'вод' },
  { ru: 'лес' },
  { ru: 'лег' },
  { ru: 'маш' },
  { ru: 'металл' },
  { ru: 'хим' },
  { ru: 'хлеб' },
  { ru: 'электро' },
  { ru: 'гидро' },
  { ru: 'метро' },
  { ru: 'масло' },
  { ru: 'план' },
  { ru: 'станция' },
  { ru: 'авто' },
  { ru: 'авиа' },
  { ru: 'аэро' },
  { ru: 'кож' },
  { ru: 'рем' },
  { ru: 'печать', decl: 'f-soft' },
  { ru: 'нефте' },
  { ru: 'пище' },
  { ru: 'рыб' },
  { ru: 'рыба' },
  { ru: 'молоко' },
  { ru: 'мол' },
  { ru: 'мясо' },
  { ru: 'вин' },
  { ru: 'текстиль', decl: 'm-soft' },
  { ru: 'станко' },
  { ru: 'книг' },
  { ru: 'связь', decl: 'f-soft' },
  { ru: 'тепло' },
  { ru: 'сеть', decl: 'f-soft' },
  { ru: 'газ' },
  { ru: 'руд' },
  { ru: 'торф' },
  { ru: 'уголь', decl: 'm-soft' },
  { ru: 'бум' },
  { ru: 'трикотаж' },
  { ru: 'швей' },
  { ru: 'изо' },
  { ru: 'уч' },
  { ru: 'пед' },
  { ru: 'парт' },
  { ru: 'соц' },
  { ru: 'сорт' },
  { ru: 'зерно' },
  { ru: 'трактор' },
  { ru: 'свекло' },
  { ru: 'гео' },
  { ru: 'курорт' },
  { ru: 'сталь', decl: 'f-soft' },
  { ru: 'мост' },
  { ru: 'путь', decl: 'f-soft' },
  { ru: 'внут' },
  { ru: 'сев' },
  { ru: 'юж' },
  { ru: 'зап' },
  { ru: 'вост' },
  { ru: 'мор' },
  { ru: 'заг' },
  { ru: 'загот' },
  { ru: 'пласт' },
  { ru: 'резин' },
  { ru: 'прибор' },
  { ru: 'инструмент' },
  { ru: 'механизация' },
  { ru: 'канализация' },
  { ru: 'кооперация' },
  { ru: 'контора' },
  { ru: 'инспекция' },
  { ru: 'фонд' },
  { ru: 'завод' },
  { ru: 'комбинат' },
  { ru: 'отдел', kind: { zh: '（处）', en: ' (a department)' } },
  { ru: 'секция', kind: { zh: '（科）', en: ' (a section)' } },
  { ru: 'упр' },
  { ru: 'древ' },
  { ru: 'птице' },
  { ru: 'сов' },
  { ru: 'кино' },
  { ru: 'радио' },
  { ru: 'цемент' },
  { ru: 'фундамент' },
  { ru: 'прожектор' },
  { ru: 'протектор' },
  { ru: 'ремонт' },
  { ru: 'тара' },
  { ru: 'обувь', decl: 'f-soft' },
  { ru: 'шерсть', decl: 'f-soft' },
  { ru: 'лен' },
  { ru: 'хлопок' },
  { ru: 'сахар' },
  { ru: 'табак' },
  { ru: 'мука' },
  { ru: 'соль', decl: 'f-soft' },
  { ru: 'стекло' },
  { ru: 'фарфор' },
];

/**
 * Kind words after which a capitalised word is the place's own name: «депо Москва-Сортировочная»,
 * «станция Пресня». Stations and depots are named after places, never after a common noun.
 */
export const STATION_KINDS: readonly string[] = ['депо', 'станция', 'платформа', 'вокзал'];
