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
  { ru: ['БССР', 'Белорусская ССР', 'Белорусской ССР', 'Белоруссия', 'Белоруссии'], zh: '白俄罗斯苏维埃社会主义共和国', en: 'the Byelorussian SSR' },
  { ru: ['УССР', 'Украинская ССР', 'Украинской ССР', 'Украина', 'Украины'], zh: '乌克兰苏维埃社会主义共和国', en: 'the Ukrainian SSR' },
  { ru: ['Азербайджанская ССР', 'Азербайджанской ССР'], zh: '阿塞拜疆苏维埃社会主义共和国', en: 'the Azerbaijan SSR' },
  { ru: ['Грузинская ССР', 'Грузинской ССР', 'Грузия', 'Грузии'], zh: '格鲁吉亚苏维埃社会主义共和国', en: 'the Georgian SSR' },
  { ru: ['Армянская ССР', 'Армянской ССР', 'Армения', 'Армении'], zh: '亚美尼亚苏维埃社会主义共和国', en: 'the Armenian SSR' },
  { ru: ['Узбекская ССР', 'Узбекской ССР'], zh: '乌兹别克苏维埃社会主义共和国', en: 'the Uzbek SSR' },
  { ru: ['Казахская ССР', 'Казахской ССР'], zh: '哈萨克苏维埃社会主义共和国', en: 'the Kazakh SSR' },
  { ru: ['АССР немцев Поволжья'], zh: '伏尔加德意志人自治苏维埃社会主义共和国', en: 'the Volga German ASSR' },
  { ru: ['Поволжье', 'Поволжья'], zh: '伏尔加河流域', en: 'the Volga region' },
  { ru: ['Австро-Венгрия', 'Австро-Венгрии'], zh: '奥匈帝国', en: 'Austria-Hungary' },
  { ru: ['Бессарабия', 'Бессарабии'], zh: '比萨拉比亚', en: 'Bessarabia' },
  { ru: ['КВЖД'], zh: '中东铁路', en: 'the Chinese Eastern Railway (KVZhD)' },
];

/** Cities outside China with an established Chinese name (Chinese places come from the gazetteer). */
export const CITIES: readonly Term[] = [
  { ru: ['Москва', 'Москвы', 'Москве'], zh: '莫斯科', en: 'Moscow' },
  { ru: ['Ленинград', 'Ленинграда', 'Ленинграде'], zh: '列宁格勒', en: 'Leningrad' },
  { ru: ['Петербург', 'Санкт-Петербург', 'Петербурга', 'Санкт-Петербурга', 'Петроград', 'Петербурге', 'Санкт-Петербурге', 'Петрограде'], zh: '圣彼得堡', en: 'St Petersburg' },
  { ru: ['Рига', 'Риги', 'Риге'], zh: '里加', en: 'Riga' },
  { ru: ['Варшава', 'Варшавы', 'Варшаве'], zh: '华沙', en: 'Warsaw' },
  { ru: ['Киев', 'Киева', 'Киеве'], zh: '基辅', en: 'Kyiv' },
  { ru: ['Одесса', 'Одессы', 'Одессе'], zh: '敖德萨', en: 'Odesa' },
  { ru: ['Минск', 'Минска', 'Минске'], zh: '明斯克', en: 'Minsk' },
  { ru: ['Вильно', 'Вильна', 'Вильнюс'], zh: '维尔纽斯（维尔诺）', en: 'Vilnius (Vilna)' },
  { ru: ['Лодзь', 'Лодзи'], zh: '罗兹', en: 'Łódź' },
  { ru: ['Либава', 'Либавы'], zh: '利耶帕亚（利巴瓦）', en: 'Liepāja (Libau)' },
  { ru: ['Харьков', 'Харькова', 'Харькове'], zh: '哈尔科夫', en: 'Kharkiv' },
  { ru: ['Тифлис', 'Тбилиси', 'Тифлисе'], zh: '第比利斯', en: 'Tbilisi (Tiflis)' },
  { ru: ['Баку'], zh: '巴库', en: 'Baku' },
  { ru: ['Владивосток', 'Владивостока'], zh: '符拉迪沃斯托克（海参崴）', en: 'Vladivostok' },
  { ru: ['Хабаровск', 'Хабаровска'], zh: '哈巴罗夫斯克（伯力）', en: 'Khabarovsk' },
  { ru: ['Иркутск', 'Иркутска'], zh: '伊尔库茨克', en: 'Irkutsk' },
  { ru: ['Берлин', 'Берлина', 'Берлине'], zh: '柏林', en: 'Berlin' },
  { ru: ['Вена', 'Вены', 'Вене'], zh: '维也纳', en: 'Vienna' },
  { ru: ['Кишинев', 'Кишинева', 'Кишиневе'], zh: '基希讷乌（基什尼奥夫）', en: 'Chișinău (Kishinev)' },
  { ru: ['Витебск', 'Витебска', 'Витебске'], zh: '维捷布斯克', en: 'Vitebsk' },
  { ru: ['Казань', 'Казани'], zh: '喀山', en: 'Kazan' },
  { ru: ['Екатеринослав', 'Екатеринослава', 'Екатеринославе'], zh: '叶卡捷琳诺斯拉夫（今第聂伯）', en: 'Yekaterinoslav (now Dnipro)' },
  { ru: ['Двинск', 'Двинска', 'Двинске'], zh: '德文斯克（今陶格夫匹尔斯）', en: 'Dvinsk (now Daugavpils)' },
  { ru: ['Полтава', 'Полтавы', 'Полтаве'], zh: '波尔塔瓦', en: 'Poltava' },
  { ru: ['Тула', 'Тулы', 'Туле'], zh: '图拉', en: 'Tula' },
  { ru: ['Николаев', 'Николаева', 'Николаеве'], zh: '尼古拉耶夫', en: 'Mykolaiv (Nikolaev)' },
  { ru: ['Ростов-на-Дону', 'Ростове-на-Дону'], zh: '顿河畔罗斯托夫', en: 'Rostov-on-Don' },
  { ru: ['Смоленск', 'Смоленска', 'Смоленске'], zh: '斯摩棱斯克', en: 'Smolensk' },
  { ru: ['Самара', 'Самары', 'Самаре'], zh: '萨马拉', en: 'Samara' },
  { ru: ['Умань', 'Умани'], zh: '乌曼', en: 'Uman' },
  { ru: ['Саратов', 'Саратова', 'Саратове'], zh: '萨拉托夫', en: 'Saratov' },
  { ru: ['Нижний Новгород', 'Нижнем Новгороде', 'Нижнего Новгорода'], zh: '下诺夫哥罗德', en: 'Nizhny Novgorod' },
  { ru: ['Тверь', 'Твери'], zh: '特维尔', en: 'Tver' },
  { ru: ['Могилев', 'Могилева', 'Могилеве'], zh: '莫吉廖夫', en: 'Mogilev (Mahilyow)' },
  { ru: ['Гомель', 'Гомеля', 'Гомеле'], zh: '戈梅利', en: 'Gomel (Homyel)' },
  { ru: ['Будапешт', 'Будапешта'], zh: '布达佩斯', en: 'Budapest' },
  { ru: ['Нью-Йорк', 'Нью-Йорка', 'Нью-Йорке'], zh: '纽约', en: 'New York' },
];

export type PlaceKind = 'province' | 'city' | 'village' | 'county' | 'oblast' | 'district' | 'krai' | 'guberniya' | 'town' | 'volost' | 'estate' | 'stanitsa' | 'station' | 'sloboda' | 'okrug' | 'republic';

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
  { ru: ['м.', 'мест.', 'местечко', 'местечка', 'местечке', 'пос.', 'поселок', 'поселка', 'поселке'], kind: 'town', zh: '镇', en: 'township' },
  { ru: ['усадьба', 'усадьбы', 'усадьбе', 'ус.', 'имение', 'имения', 'имении'], kind: 'estate', zh: '庄园', en: 'estate' },
  { ru: ['станица', 'станицы', 'ст-ца', 'ст-це', 'станице'], kind: 'stanitsa', zh: '哥萨克村', en: 'stanitsa (Cossack village)' },
  { ru: ['станц.', 'станция', 'станции'], kind: 'station', zh: '站', en: 'station' },
  { ru: ['слоб.', 'слобода', 'слободы'], kind: 'sloboda', zh: '村镇', en: 'sloboda (settlement)' },
  { ru: ['окр.', 'округ', 'округа'], kind: 'okrug', zh: '专区', en: 'okrug (district)' },
  { ru: ['ССР'], kind: 'republic', zh: '苏维埃社会主义共和国', en: 'SSR' },
  { ru: ['АССР'], kind: 'republic', zh: '自治苏维埃社会主义共和国', en: 'ASSR' },
  { ru: ['волость', 'волости', 'вол.'], kind: 'volost', zh: '乡', en: 'volost' },
];

const EXONYM_SOURCE = 'the name English atlases and encyclopaedias use (Encyclopaedia Britannica / English Wikipedia article titles)';
const HISTORICAL_SOURCE = 'the modern name with the one English texts of the 1920s–30s used, as the gazetteer records it (src/search/gazetteer/places.data.json, wadeGiles)';

/**
 * English names of the gazetteer's places where the established English name is not
 * the toneless pinyin of the hanzi (Harbin, not «Ha'erbin»; Tibet, not «Xizang»).
 * Keyed by gazetteer id; a place not listed is written in toneless pinyin, which is
 * its English name (Shandong, Beijing). Where the period name differs and a record of
 * the 1930s would use it, it follows in parentheses: Shenyang (Mukden).
 */
export const ENGLISH_PLACE_NAMES: Readonly<Record<string, { en: string; source: string }>> = {
  harbin: { en: 'Harbin', source: EXONYM_SOURCE },
  qiqihar: { en: 'Qiqihar', source: EXONYM_SOURCE },
  hailar: { en: 'Hailar', source: EXONYM_SOURCE },
  hohhot: { en: 'Hohhot', source: EXONYM_SOURCE },
  urumqi: { en: 'Ürümqi', source: EXONYM_SOURCE },
  kashgar: { en: 'Kashgar', source: EXONYM_SOURCE },
  chahar: { en: 'Chahar', source: EXONYM_SOURCE },
  rehe: { en: 'Rehe (Jehol)', source: HISTORICAL_SOURCE },
  xikang: { en: 'Xikang (Sikang)', source: HISTORICAL_SOURCE },
  'inner-mongolia': { en: 'Inner Mongolia', source: EXONYM_SOURCE },
  tibet: { en: 'Tibet', source: EXONYM_SOURCE },
  'hong-kong': { en: 'Hong Kong', source: EXONYM_SOURCE },
  macau: { en: 'Macau', source: EXONYM_SOURCE },
  manchuria: { en: 'Manchuria (Northeast China)', source: EXONYM_SOURCE },
  taipei: { en: 'Taipei', source: EXONYM_SOURCE },
  shenyang: { en: 'Shenyang (Mukden)', source: HISTORICAL_SOURCE },
  dalian: { en: 'Dalian (Dairen)', source: HISTORICAL_SOURCE },
  lushun: { en: 'Lüshun (Port Arthur)', source: HISTORICAL_SOURCE },
  guangzhou: { en: 'Guangzhou (Canton)', source: HISTORICAL_SOURCE },
  xiamen: { en: 'Xiamen (Amoy)', source: HISTORICAL_SOURCE },
  yantai: { en: 'Yantai (Chefoo)', source: HISTORICAL_SOURCE },
  zhangjiakou: { en: 'Zhangjiakou (Kalgan)', source: HISTORICAL_SOURCE },
  aihui: { en: 'Aihui (Aigun)', source: HISTORICAL_SOURCE },
  yining: { en: 'Yining (Ghulja)', source: HISTORICAL_SOURCE },
};

/** Established English names written with the pinyin apostrophe (the invariant test allows these). */
export const ENGLISH_WITH_APOSTROPHE: readonly string[] = ["Xi'an", "Yan'an"];
