/**
 * The words of a Moscow address as the lists write them. The street's own name
 * is a proper name: kept as written (zh) or romanised (en), never translated.
 */
export interface AddressWord {
  ru: readonly string[];
  zh: string;
  en: string;
}

/** Street kinds, written before or after the name: «ул. Боровая», «Грохольский пер.». */
export const STREET_KINDS: readonly AddressWord[] = [
  { ru: ['ул.', 'ул', 'улица'], zh: '街', en: 'street' },
  { ru: ['пер.', 'переулок'], zh: '胡同（巷）', en: 'lane' },
  { ru: ['бул.', 'бульвар', 'б-р'], zh: '林荫道', en: 'boulevard' },
  { ru: ['ш.', 'шоссе'], zh: '公路', en: 'highway' },
  { ru: ['пр-д', 'проезд', 'пр.'], zh: '通道', en: 'passage' },
  { ru: ['пр-т', 'проспект'], zh: '大街', en: 'avenue' },
  { ru: ['пл.', 'площадь'], zh: '广场', en: 'square' },
  { ru: ['наб.', 'набережная'], zh: '滨河路', en: 'embankment' },
  { ru: ['туп.', 'тупик'], zh: '死胡同', en: 'cul-de-sac' },
  { ru: ['вал'], zh: '环路（瓦尔）', en: 'val (ring road)' },
  { ru: ['ал.', 'аллея'], zh: '林荫小道', en: 'alley' },
  // The cuttings of Sokolniki park («5-й Лучевой просек») are streets of Moscow by that name.
  { ru: ['просек'], zh: '林间通道（普罗谢克）', en: 'prosek (park cutting)' },
  { ru: ['слобода', 'слоб.'], zh: '村镇（斯洛博达）', en: 'sloboda (settlement)' },
  { ru: ['пос.', 'поселок'], zh: '镇', en: 'settlement' },
];

/** Numbered parts: «д.13», «кв. 11». `{n}` is the number as written. */
export const NUMBERED_PARTS: readonly AddressWord[] = [
  { ru: ['д.', 'дом'], zh: '{n}号', en: 'house {n}' },
  { ru: ['кв.', 'квартира'], zh: '{n}室', en: 'apt. {n}' },
  { ru: ['корп.', 'кор.', 'корпус'], zh: '{n}栋', en: 'building {n}' },
  { ru: ['комн.', 'ком.', 'комната'], zh: '{n}房间', en: 'room {n}' },
  { ru: ['барак'], zh: '{n}号工棚', en: 'barrack {n}' },
  { ru: ['стр.', 'строение'], zh: '{n}号建筑', en: 'structure {n}' },
  { ru: ['подъезд'], zh: '{n}单元', en: 'entrance {n}' },
];

/** Whole parts with no number: «общежитие». */
export const ADDRESS_PLACES: readonly AddressWord[] = [
  { ru: ['общежитие', '(общежитие)'], zh: '宿舍', en: 'dormitory' },
  { ru: ['студгородок', 'студенческий городок'], zh: '学生城', en: 'student campus' },
  { ru: ['гостиница', 'гост.'], zh: '旅馆', en: 'hotel' },
  { ru: ['общежитие гостиницы'], zh: '旅馆宿舍', en: 'dormitory of the hotel' },
  { ru: ['городок Метростроя'], zh: '地铁建设局职工住宅区', en: 'Metrostroy workers’ settlement' },
  { ru: ['клуб'], zh: '俱乐部', en: 'club' },
];

/**
 * Streets and places of Moscow the lists name without a kind word («Арбат, д.4») and that have an
 * established Chinese and English name. Others standing alone («Сретенка», «Кунцево») are kept as
 * names (address.render.ts), never given a kind the record does not state.
 */
export const NAMED_STREETS: readonly AddressWord[] = [
  { ru: ['Арбат'], zh: '阿尔巴特街', en: 'the Arbat (street)' },
  { ru: ['Кремль'], zh: '克里姆林宫', en: 'the Kremlin' },
];
