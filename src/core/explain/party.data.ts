import type { Term } from './explain.types.ts';

/** б/п and its spelled-out forms. */
export const NON_PARTY: Term = { ru: ['б/п', 'беспартийный', 'беспартийная'], zh: '非党员', en: 'not a party member' };

/** Parties and organisations, in the cases the records use after «член», «из», «бывший член». */
export const PARTIES: readonly Term[] = [
  { ru: ['ВКП(б)', 'ВКП (б)', 'РКП(б)'], zh: '联共（布）', en: 'the All-Union Communist Party (Bolsheviks)' },
  { ru: ['КП Китая', 'компартии Китая', 'КПК', 'Коммунистической партии Китая'], zh: '中国共产党', en: 'the Communist Party of China' },
  { ru: ['Гоминдановской партии', 'Гоминдана', 'партии Гоминдан'], zh: '中国国民党', en: 'the Kuomintang' },
  { ru: ['КП Германии', 'КПГ', 'компартии Германии'], zh: '德国共产党', en: 'the Communist Party of Germany' },
  { ru: ['КП Польши', 'компартии Польши', 'КПП'], zh: '波兰共产党', en: 'the Communist Party of Poland' },
  { ru: ['КП Латвии', 'компартии Латвии'], zh: '拉脱维亚共产党', en: 'the Communist Party of Latvia' },
  { ru: ['КП Австрии', 'компартии Австрии'], zh: '奥地利共产党', en: 'the Communist Party of Austria' },
  { ru: ['КП Югославии', 'компартии Югославии'], zh: '南斯拉夫共产党', en: 'the Communist Party of Yugoslavia' },
  { ru: ['КП Румынии', 'компартии Румынии'], zh: '罗马尼亚共产党', en: 'the Communist Party of Romania' },
  { ru: ['КП Венгрии', 'компартии Венгрии'], zh: '匈牙利共产党', en: 'the Communist Party of Hungary' },
  { ru: ['Бунда'], zh: '崩得（犹太工人总联盟）', en: 'the Bund (General Jewish Labour Union)' },
  { ru: ['партии эсеров', 'ПСР'], zh: '社会革命党', en: 'the Socialist Revolutionary Party' },
  { ru: ['партии левых эсеров'], zh: '左派社会革命党', en: 'the Left Socialist Revolutionary Party' },
  { ru: ['РСДРП'], zh: '俄国社会民主工党', en: 'the Russian Social Democratic Labour Party' },
  { ru: ['ППС'], zh: '波兰社会党', en: 'the Polish Socialist Party (PPS)' },
  { ru: ['еврейской партии Поалей Цион', 'Поалей Цион', 'партии Поалей Цион', '"Поалей Цион"'], zh: '锡安工人党（Poale Zion，犹太社会主义政党）', en: 'Poale Zion (Workers of Zion, a Jewish socialist party)', source: 'Encyclopedia.com, «Poʿalei Zion (Workers of Zion)»: a Labor Zionist party founded 1905; legal in the USSR until 1928' },
  { ru: ['Еврейской КП', 'Еврейской коммунистической партии'], zh: '犹太共产党', en: 'the Jewish Communist Party' },
  { ru: ['Еврейской социал-демократической рабочей партии'], zh: '犹太社会民主工党', en: 'the Jewish Social Democratic Labour Party' },
];

/**
 * Parties of other countries by the country's name: «КП Франции», «компартии Италии»,
 * «социал-демократической партии Венгрии». The country is read from COUNTRIES (places.data.ts);
 * a country no table knows leaves the phrase in Russian.
 */
export const PARTIES_OF_COUNTRY: ReadonlyArray<{ pattern: RegExp; zh: string; en: string }> = [
  { pattern: /^(?:КП|компартии|ком\.\s*партии|коммунистической партии)\s+(.+)$/i, zh: '{c}共产党', en: 'the Communist Party of {c}' },
  { pattern: /^социал-демократической партии\s+(.+)$/i, zh: '{c}社会民主党', en: 'the Social Democratic Party of {c}' },
];

/**
 * Bodies one is a member of that are not parties: «член Московской городской коллегии
 * защитников» is a member of the bar, not a party member (成员, not 党员); a member of the
 * Komsomol is a 共青团员.
 */
export const BODIES_JOINED: readonly Term[] = [
  { ru: ['ВЛКСМ', 'комсомола'], zh: '共青团', en: 'the Komsomol (Young Communist League)' },
  { ru: ['Союза советских писателей', 'ССП'], zh: '苏联作家协会', en: 'the Union of Soviet Writers' },
  { ru: ['фракции меньшевиков'], zh: '孟什维克派', en: 'the Menshevik faction' },
  { ru: ['Верховного суда СССР'], zh: '苏联最高法院', en: 'the Supreme Court of the USSR' },
  { ru: ['КСК при СНК СССР', 'Комиссии советского контроля при СНК СССР'], zh: '苏联人民委员会苏维埃监察委员会', en: 'the Commission of Soviet Control under the Council of People’s Commissars of the USSR' },
  { ru: ['Союза советских архитекторов'], zh: '苏联建筑师协会', en: 'the Union of Soviet Architects' },
  { ru: ['Союза художников'], zh: '艺术家协会', en: 'the Union of Artists' },
  {
    ru: ['Московской городской коллегии защитников', 'Моск. гор. коллегии защитников', 'Московской городской коллегии адвокатов', 'Московской коллегии защитников'],
    zh: '莫斯科市律师协会', en: 'the Moscow City Collegium of Defence Lawyers (the bar)',
    source: 'the collegia of defence lawyers (коллегии защитников), the Soviet bar from 1922 (Большая советская энциклопедия, «Адвокатура»)',
  },
  { ru: ['Московской областной коллегии защитников', 'Московской обл. коллегии защитников'], zh: '莫斯科州律师协会', en: 'the Moscow Regional Collegium of Defence Lawyers (the bar)' },
];

/** «член ЦК ВКП(б)», «кандидат в члены Политбюро ЦК ВКП(б)»: a party's leading bodies (members are 委员, candidates 候补委员). */
export const PARTY_BODIES: readonly Term[] = [
  { ru: ['ЦК'], zh: '中央委员会', en: 'the Central Committee of' },
  { ru: ['Политбюро ЦК'], zh: '中央政治局', en: 'the Politburo of the Central Committee of' },
];

/** «бывший эсер», «бывший меньшевик»: former members named by a noun. */
export const FORMER_MEMBERS: readonly Term[] = [
  { ru: ['бывший эсер', 'бывшая эсерка'], zh: '曾为社会革命党人', en: 'formerly a Socialist Revolutionary' },
  { ru: ['бывший меньшевик'], zh: '曾为孟什维克', en: 'formerly a Menshevik' },
  { ru: ['бывший анархист'], zh: '曾为无政府主义者', en: 'formerly an anarchist' },
  { ru: ['бывший бундовец'], zh: '曾为崩得成员', en: 'formerly a member of the Bund' },
];

/**
 * Why a member was expelled, in the fixed formulas of the period's party records («исключен из ВКП(б) в 1933 г.
 * за троцкистскую деятельность»). zh is said after the expulsion («，因…»), en after it ("for …").
 * Source: the formulas of the party purges (чистки) of 1929–1937 as Memorial's lists record them.
 */
export const EXPULSION_REASONS: readonly Term[] = [
  { ru: ['за троцкистскую деятельность', 'за к.-р. троцкистскую деятельность', 'за контрреволюционную троцкистскую деятельность'], zh: '因托派活动', en: 'for Trotskyist activity' },
  { ru: ['за к.-р. деятельность', 'за контрреволюционную деятельность'], zh: '因反革命活动', en: 'for counter-revolutionary activity' },
  { ru: ['за троцкизм'], zh: '因托洛茨基主义', en: 'for Trotskyism' },
  { ru: ['как троцкист', 'как троцкистка'], zh: '作为托派分子', en: 'as a Trotskyist' },
  { ru: ['за фракционную работу', 'за фракционную деятельность'], zh: '因派别活动', en: 'for factional activity' },
  { ru: ['за пьянство'], zh: '因酗酒', en: 'for drunkenness' },
  { ru: ['как чуждый элемент', 'как социально чуждый элемент'], zh: '作为异己分子', en: 'as an alien element' },
  { ru: ['в связи с судимостью', 'в связи с арестом'], zh: '因被判刑', en: 'because of a conviction' },
  { ru: ['за связь с троцкистами'], zh: '因与托派有联系', en: 'for links with Trotskyists' },
  { ru: ['за сокрытие социального происхождения'], zh: '因隐瞒社会出身', en: 'for concealing social origin' },
];
