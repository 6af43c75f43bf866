import type { Term } from './explain.types.ts';

/** б/п and its spelled-out forms. */
export const NON_PARTY: Term = { ru: ['б/п', 'беспартийный', 'беспартийная'], zh: '非党员', en: 'not a party member' };

/** Parties and organisations, in the cases the records use after «член», «из», «бывший член». */
export const PARTIES: readonly Term[] = [
  { ru: ['ВКП(б)', 'ВКП (б)', 'РКП(б)'], zh: '联共（布）', en: 'the All-Union Communist Party (Bolsheviks)' },
  { ru: ['КП Китая', 'компартии Китая', 'КПК', 'Коммунистической партии Китая'], zh: '中国共产党', en: 'the Communist Party of China' },
  { ru: ['Гоминдановской партии', 'Гоминдана', 'партии Гоминдан'], zh: '中国国民党', en: 'the Kuomintang' },
  { ru: ['ВЛКСМ', 'комсомола'], zh: '共青团', en: 'the Komsomol (Young Communist League)' },
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
  { ru: ['Союза советских писателей', 'ССП'], zh: '苏联作家协会', en: 'the Union of Soviet Writers' },
];

/** «бывший эсер», «бывший меньшевик»: former members named by a noun. */
export const FORMER_MEMBERS: readonly Term[] = [
  { ru: ['бывший эсер', 'бывшая эсерка'], zh: '曾为社会革命党人', en: 'formerly a Socialist Revolutionary' },
  { ru: ['бывший меньшевик'], zh: '曾为孟什维克', en: 'formerly a Menshevik' },
  { ru: ['бывший анархист'], zh: '曾为无政府主义者', en: 'formerly an anarchist' },
  { ru: ['бывший бундовец'], zh: '曾为崩得成员', en: 'formerly a member of the Bund' },
];
