import type { Term } from './explain.types.ts';

const MEMORIAL_BODIES = 'Memorial, «Расстрелы в Москве» and «Бутовский полигон» introductions: the bodies that sentenced (mos.memo.ru, butovo.org)';
const ORDER_00447 = 'NKVD operational order No. 00447 of 30 July 1937 (troikas); order No. 00485 (the Commission of the NKVD and the Prosecutor of the USSR)';

/** Sentencing bodies, by the names and abbreviations the records use. */
export const BODIES: readonly Term[] = [
  { ru: ['тройка НКВД', 'тройкой НКВД', 'тройка при УНКВД', 'тройкой при УНКВД', 'тройка УНКВД по Московской обл.', 'тройкой УНКВД по Московской обл.', 'тройка УНКВД МО', 'тройкой УНКВД МО'], zh: '内务人民委员部“三人小组”', en: 'NKVD troika', source: ORDER_00447 },
  { ru: ['Комиссия НКВД и Прокурора СССР', 'Комиссией НКВД и Прокурора СССР', 'двойка', 'двойкой'], zh: '内务人民委员部与苏联检察长委员会（“二人小组”）', en: 'Commission of the NKVD and the Prosecutor of the USSR (the “dvoika”)', source: ORDER_00447 },
  { ru: ['ВКВС', 'ВКВС СССР', 'Военная коллегия Верховного суда СССР', 'Военной коллегией Верховного суда СССР', 'ВК ВС СССР'], zh: '苏联最高法院军事审判庭', en: 'Military Collegium of the Supreme Court of the USSR', source: MEMORIAL_BODIES },
  { ru: ['ОСО', 'ОСО НКВД', 'ОСО при НКВД СССР', 'Особое совещание при НКВД СССР', 'Особым совещанием при НКВД СССР'], zh: '内务人民委员部特别会议', en: 'Special Council of the NKVD (OSO)', source: MEMORIAL_BODIES },
  { ru: ['Коллегия ОГПУ', 'Коллегией ОГПУ', 'Коллегия ОГПУ СССР', 'Коллегией ОГПУ СССР', 'КОГПУ'], zh: '国家政治保卫总局委员会', en: 'Collegium of the OGPU', source: MEMORIAL_BODIES },
  { ru: ['тройка ОГПУ', 'тройкой ОГПУ', 'тройка ПП ОГПУ', 'тройкой ПП ОГПУ'], zh: '国家政治保卫总局“三人小组”', en: 'OGPU troika', source: MEMORIAL_BODIES },
  { ru: ['Военный трибунал', 'Военным трибуналом', 'ВТ'], zh: '军事法庭', en: 'military tribunal', source: MEMORIAL_BODIES },
  { ru: ['Мосгорсуд', 'Московский городской суд', 'Московским городским судом'], zh: '莫斯科市法院', en: 'Moscow City Court', source: MEMORIAL_BODIES },
];
