import type { Term } from './explain.types.ts';

const BUTOVO = 'Memorial / Бутовский полигон (butovo.org); zh: 布托沃 as in Chinese reporting on the Butovo firing range';
const KOMMUNARKA = 'Memorial, «Расстрельный полигон Коммунарка» (mos.memo.ru); zh: 科穆纳尔卡';
const DONSKOYE = 'Memorial, «Расстрелы в Москве»: «Донское» = cremated at the Donskoy crematorium, ashes in a common grave at the Donskoye cemetery; zh: 顿斯科伊公墓 (Донское кладбище), 顿河修道院 (Донской монастырь)';
const VAGANKOVO = 'Memorial, «Расстрелы в Москве» (burials 1921–1935); zh: 瓦甘科沃公墓 as the cemetery is known in Chinese';

/** Burial and execution sites named in «Место захоронения:», with their established names. */
export const BURIAL_SITES: readonly Term[] = [
  { ru: ['Бутово', 'Бутовский полигон', 'Бутово-Коммунарка'], zh: '布托沃（莫斯科附近的内务人民委员部刑场）', en: 'Butovo (the NKVD firing range near Moscow)', source: BUTOVO },
  { ru: ['Коммунарка', 'полигон Коммунарка'], zh: '科穆纳尔卡（莫斯科附近的内务人民委员部刑场）', en: 'Kommunarka (the NKVD firing range near Moscow)', source: KOMMUNARKA },
  { ru: ['Донское', 'Донское кладбище', 'Донской крематорий', 'Новое Донское кладбище'], zh: '顿斯科伊公墓（在顿斯科伊火葬场火化，骨灰葬于公墓的合葬墓）', en: 'Donskoye cemetery (cremated at the Donskoy crematorium, ashes in a common grave)', source: DONSKOYE },
  { ru: ['Ваганьковское кладбище', 'Ваганьковское'], zh: '瓦甘科沃公墓（莫斯科）', en: 'Vagankovo cemetery (Moscow)', source: VAGANKOVO },
  { ru: ['Яузская больница'], zh: '亚乌扎医院（莫斯科；1920年代处决后的埋葬地）', en: 'Yauza hospital (Moscow; a burial place after executions of the 1920s)', source: VAGANKOVO },
];

/** Countries and regions named in birthplaces, in the cases the records use. */
export const COUNTRIES: readonly Term[] = [
  { ru: ['Китай', 'Китае', 'Китая'], zh: '中国', en: 'China' },
  { ru: ['Северный Китай', 'Северного Китая'], zh: '华北', en: 'North China' },
  { ru: ['Маньчжурия', 'Маньчжурии'], zh: '满洲（中国东北）', en: 'Manchuria (Northeast China)' },
  { ru: ['Корея', 'Корее'], zh: '朝鲜', en: 'Korea' },
  { ru: ['Япония', 'Японии'], zh: '日本', en: 'Japan' },
  { ru: ['Монголия', 'МНР'], zh: '蒙古', en: 'Mongolia' },
  { ru: ['Польша', 'Польши'], zh: '波兰', en: 'Poland' },
  { ru: ['Латвия', 'Латвии'], zh: '拉脱维亚', en: 'Latvia' },
  { ru: ['Литва', 'Литвы'], zh: '立陶宛', en: 'Lithuania' },
  { ru: ['Эстония', 'Эстонии'], zh: '爱沙尼亚', en: 'Estonia' },
  { ru: ['Финляндия', 'Финляндии'], zh: '芬兰', en: 'Finland' },
  { ru: ['Германия', 'Германии'], zh: '德国', en: 'Germany' },
  { ru: ['Австрия', 'Австрии'], zh: '奥地利', en: 'Austria' },
  { ru: ['Венгрия', 'Венгрии'], zh: '匈牙利', en: 'Hungary' },
  { ru: ['Румыния', 'Румынии'], zh: '罗马尼亚', en: 'Romania' },
  { ru: ['Чехословакия', 'Чехословакии'], zh: '捷克斯洛伐克', en: 'Czechoslovakia' },
  { ru: ['Югославия', 'Югославии'], zh: '南斯拉夫', en: 'Yugoslavia' },
  { ru: ['Болгария', 'Болгарии'], zh: '保加利亚', en: 'Bulgaria' },
  { ru: ['Греция', 'Греции'], zh: '希腊', en: 'Greece' },
  { ru: ['Турция', 'Турции'], zh: '土耳其', en: 'Turkey' },
  { ru: ['Иран', 'Персия', 'Персии'], zh: '伊朗（波斯）', en: 'Iran (Persia)' },
  { ru: ['Италия', 'Италии'], zh: '意大利', en: 'Italy' },
  { ru: ['Франция', 'Франции'], zh: '法国', en: 'France' },
  { ru: ['Англия', 'Англии'], zh: '英国', en: 'England' },
  { ru: ['США'], zh: '美国', en: 'the United States' },
  { ru: ['БССР'], zh: '白俄罗斯苏维埃社会主义共和国', en: 'the Byelorussian SSR' },
  { ru: ['УССР'], zh: '乌克兰苏维埃社会主义共和国', en: 'the Ukrainian SSR' },
];

/** Cities outside China with an established Chinese name (Chinese places come from the gazetteer). */
export const CITIES: readonly Term[] = [
  { ru: ['Москва', 'Москвы', 'Москве'], zh: '莫斯科', en: 'Moscow' },
  { ru: ['Ленинград', 'Ленинграда'], zh: '列宁格勒', en: 'Leningrad' },
  { ru: ['Петербург', 'Санкт-Петербург', 'Петербурга', 'Санкт-Петербурга', 'Петроград'], zh: '圣彼得堡', en: 'St Petersburg' },
  { ru: ['Рига', 'Риги', 'Риге'], zh: '里加', en: 'Riga' },
  { ru: ['Варшава', 'Варшавы'], zh: '华沙', en: 'Warsaw' },
  { ru: ['Киев', 'Киева'], zh: '基辅', en: 'Kyiv' },
  { ru: ['Одесса', 'Одессы'], zh: '敖德萨', en: 'Odesa' },
  { ru: ['Минск', 'Минска'], zh: '明斯克', en: 'Minsk' },
  { ru: ['Вильно', 'Вильна', 'Вильнюс'], zh: '维尔纽斯（维尔诺）', en: 'Vilnius (Vilna)' },
  { ru: ['Лодзь', 'Лодзи'], zh: '罗兹', en: 'Łódź' },
  { ru: ['Либава', 'Либавы'], zh: '利耶帕亚（利巴瓦）', en: 'Liepāja (Libau)' },
  { ru: ['Харьков', 'Харькова'], zh: '哈尔科夫', en: 'Kharkiv' },
  { ru: ['Тифлис', 'Тбилиси'], zh: '第比利斯', en: 'Tbilisi (Tiflis)' },
  { ru: ['Баку'], zh: '巴库', en: 'Baku' },
  { ru: ['Владивосток', 'Владивостока'], zh: '符拉迪沃斯托克（海参崴）', en: 'Vladivostok' },
  { ru: ['Хабаровск', 'Хабаровска'], zh: '哈巴罗夫斯克（伯力）', en: 'Khabarovsk' },
  { ru: ['Иркутск', 'Иркутска'], zh: '伊尔库茨克', en: 'Irkutsk' },
  { ru: ['Берлин', 'Берлина'], zh: '柏林', en: 'Berlin' },
  { ru: ['Вена', 'Вены'], zh: '维也纳', en: 'Vienna' },
  { ru: ['Будапешт', 'Будапешта'], zh: '布达佩斯', en: 'Budapest' },
  { ru: ['Нью-Йорк', 'Нью-Йорка', 'Нью-Йорке'], zh: '纽约', en: 'New York' },
];

export type PlaceKind = 'province' | 'city' | 'village' | 'county' | 'oblast' | 'district' | 'krai' | 'guberniya' | 'town' | 'volost';

/** The words that say what kind of place a name is, as written before or after it. */
export const PLACE_TYPES: ReadonlyArray<{ ru: readonly string[]; kind: PlaceKind; zh: string; en: string }> = [
  { ru: ['провинции', 'провинция', 'пров.', 'провинцию'], kind: 'province', zh: '省', en: 'province' },
  { ru: ['г.', 'гор.', 'город', 'города'], kind: 'city', zh: '', en: '' },
  { ru: ['д.', 'дер.', 'деревня', 'деревни', 'с.', 'село', 'села', 'хут.', 'хутор'], kind: 'village', zh: '村', en: 'village' },
  { ru: ['уезд', 'уезда', 'у.'], kind: 'county', zh: '县', en: 'county (uezd)' },
  { ru: ['губ.', 'губернии', 'губерния'], kind: 'guberniya', zh: '省（古别尔尼亚）', en: 'guberniya' },
  { ru: ['обл.', 'области', 'область'], kind: 'oblast', zh: '州', en: 'oblast' },
  { ru: ['р-н', 'р-на', 'района', 'район'], kind: 'district', zh: '区', en: 'district' },
  { ru: ['кр.', 'края', 'край'], kind: 'krai', zh: '边疆区', en: 'krai' },
  { ru: ['м.', 'местечко', 'местечка', 'пос.', 'поселок'], kind: 'town', zh: '镇', en: 'township' },
  { ru: ['волость', 'волости', 'вол.'], kind: 'volost', zh: '乡', en: 'volost' },
];
