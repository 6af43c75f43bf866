import { describe, expect, it } from 'vitest';
import { ADDRESS_PLACES, NUMBERED_PARTS, STREET_KINDS } from '../../../src/core/explain/address.data.ts';
import { BODIES } from '../../../src/core/explain/bodies.data.ts';
import { CHARGES } from '../../../src/core/explain/charges.data.ts';
import type { Term } from '../../../src/core/explain/explain.types.ts';
import { explainRecord } from '../../../src/core/explain/index.ts';
import { FATES, SENTENCE_PATTERNS } from '../../../src/core/explain/fates.data.ts';
import { duplicateForms, glossary } from '../../../src/core/explain/glossary.ts';
import { NATIONALITIES } from '../../../src/core/explain/nationalities.data.ts';
import { POSITIONS, WORKPLACES } from '../../../src/core/explain/occupations.data.ts';
import { renderOccupation } from '../../../src/core/explain/occupation.render.ts';
import { BODIES_JOINED, FORMER_MEMBERS, NON_PARTY, PARTIES, PARTY_BODIES } from '../../../src/core/explain/party.data.ts';
import { renderParty } from '../../../src/core/explain/party.render.ts';
import { renderPlace } from '../../../src/core/explain/place.render.ts';
import { BURIAL_SITES, CITIES, COUNTRIES, PLACE_TYPES } from '../../../src/core/explain/places.data.ts';
import { renderCharge, renderFate, renderSentence } from '../../../src/core/explain/sentence.render.ts';
import { renderAddress } from '../../../src/core/explain/address.render.ts';
import { partsText } from '../../../src/core/explain/explain.types.ts';

const TABLES: Record<string, readonly Term[]> = {
  fates: FATES, bodies: BODIES, charges: CHARGES, party: [NON_PARTY, ...PARTIES, ...FORMER_MEMBERS], partyBodies: PARTY_BODIES, bodiesJoined: BODIES_JOINED, nationalities: NATIONALITIES,
  positions: POSITIONS, workplaces: WORKPLACES, burialSites: BURIAL_SITES, countries: COUNTRIES, cities: CITIES,
};
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const text = (parts: ReturnType<typeof renderPlace>) => partsText(parts);
const untranslated = (parts: ReturnType<typeof renderPlace>) => parts.filter((p) => p.untranslated).map((p) => p.text);

describe.each(Object.entries(TABLES))('glossary %s: invariants', (_name, terms) => {
  it('has no Russian form twice (a form must mean one thing)', () => {
    expect(duplicateForms(terms)).toEqual([]);
  });
  it('renders every entry in Chinese characters and in English, never in Cyrillic', () => {
    for (const t of terms) {
      expect(t.ru.length, t.en).toBeGreaterThan(0);
      expect(t.zh, t.ru[0]).toMatch(HAN);
      expect(t.zh, t.ru[0]).not.toMatch(CYRILLIC);
      expect(t.en.trim().length, t.ru[0]).toBeGreaterThan(0);
      expect(t.en, t.ru[0]).not.toMatch(CYRILLIC);
    }
  });
});

describe('tables that are not common knowledge cite a source', () => {
  it.each([['bodies', BODIES], ['burial sites', BURIAL_SITES]] as const)('%s: every entry', (_name, terms) => {
    for (const t of terms) expect(t.source, t.ru[0]).toBeTruthy();
  });
  it('charges: every article of the code', () => {
    for (const t of CHARGES.filter((c) => c.ru.some((f) => /^58-/.test(f)))) expect(t.source, t.ru[0]).toMatch(/Criminal Code/);
  });
  it('sentence patterns with a camp term cite Memorial', () => {
    expect(SENTENCE_PATTERNS[0]!.source).toMatch(/Memorial/);
  });
});

describe('address and place words', () => {
  it('have no form twice', () => {
    const forms = [...STREET_KINDS, ...NUMBERED_PARTS, ...ADDRESS_PLACES, ...PLACE_TYPES].flatMap((w) => w.ru.map((r) => `${'kind' in w ? 'place' : 'addr'}:${r}`));
    expect(forms.length).toBe(new Set(forms).size);
  });
  it('numbered parts carry the number in both languages', () => {
    for (const w of NUMBERED_PARTS) {
      expect(w.zh).toContain('{n}');
      expect(w.en).toContain('{n}');
    }
  });
});

describe('fates and sentences', () => {
  it.each([
    ['Рассстрелян', '枪决', 'shot'],
    ['ВМН', '极刑（枪决）', 'the highest measure of punishment (shooting)'],
    ['10 лет ИТЛ', '劳动改造营10年', '10 years in a corrective labour camp (ITL)'],
    ['к 5 годам ИТЛ', '劳动改造营5年', '5 years in a corrective labour camp (ITL)'],
    ['выслан', '被驱逐流放', 'deported'],
  ])('%s → %s / %s', (ru, zh, en) => {
    expect(renderFate(ru, 'zh')).toBe(zh);
    expect(renderFate(ru, 'en')).toBe(en);
  });
  it('a sentence it does not know stays undefined (kept in Russian by the caller)', () => {
    expect(renderFate('8 лет ссылки в Нарым', 'en')).toBeUndefined();
  });
});

describe('sentencing bodies', () => {
  it.each([
    ['тройка НКВД 20 сентября 1937 г.', 'NKVD troika, 20 September 1937'],
    ['Комиссия НКВД и Прокурора СССР 2 сентября 1937 г., обв.: шпионаж', 'Commission of the NKVD and the Prosecutor of the USSR (the “dvoika”), 2 September 1937, charged with espionage'],
    ['ВКВС СССР 28.05.1938, обв. в 58-1а, 58-8, 58-11', 'Military Collegium of the Supreme Court of the USSR, 28 May 1938, charged with art. 58-1a: treason against the Motherland; art. 58-8: terrorism; art. 58-11: membership of a counter-revolutionary organisation'],
    ['ОСО при НКВД СССР к 8 годам ИТЛ', 'Special Council of the NKVD (OSO), 8 years in a corrective labour camp (ITL)'],
  ])('%s', (ru, en) => {
    const parts = renderSentence(ru, 'en');
    expect(partsText(parts)).toBe(en);
    expect(untranslated(parts)).toEqual([]);
  });
  it('an unknown body stays in Russian, marked', () => {
    expect(untranslated(renderSentence('Особая тройка Дальстроя 12.10.1938', 'zh'))).toEqual(['Особая тройка Дальстроя 12.10.1938']);
  });
});

describe('charges and articles', () => {
  it('names the article only where the record gives it', () => {
    expect(partsText(renderCharge('ст. 58-10 УК РСФСР', 'zh'))).toBe('第58-10条：反苏宣传鼓动');
    expect(partsText(renderCharge('шпионаж', 'zh'))).toBe('间谍活动');
    expect(partsText(renderCharge('58-6 и 58-9', 'en'))).toBe('art. 58-6: espionage; art. 58-9: sabotage (diversion)');
  });
  it('keeps an article it does not know', () => {
    expect(untranslated(renderCharge('59-3', 'en'))).toEqual(['59-3']);
  });
});

describe('party status', () => {
  it.each([
    ['б/п', '非党员', 'not a party member'],
    ['член ВКП(б) с 1929', '联共（布）党员（1929年起）', 'member of the All-Union Communist Party (Bolsheviks) since 1929'],
    ['кандидат в члены ВКП(б)', '联共（布）预备党员', 'candidate member of the All-Union Communist Party (Bolsheviks)'],
    ['б/п (бывший член КП Китая)', '非党员（曾为中国共产党党员）', 'not a party member (formerly a member of the Communist Party of China)'],
    ['исключен из ВКП(б) в 1935 г.', '被开除出联共（布）（1935年）', 'expelled from the All-Union Communist Party (Bolsheviks) in 1935'],
    ['член ВЛКСМ', '共青团员', 'member of the Komsomol (Young Communist League)'],
    ['член Московской городской коллегии защитников', '莫斯科市律师协会成员', 'member of the Moscow City Collegium of Defence Lawyers (the bar)'],
    ['член Союза советских писателей', '苏联作家协会成员', 'member of the Union of Soviet Writers'],
    ['кандидат в члены ЦК ВКП(б)', '联共（布）中央委员会候补委员', 'candidate member of the Central Committee of the All-Union Communist Party (Bolsheviks)'],
    ['член Политбюро ЦК ВКП(б)', '联共（布）中央政治局委员', 'member of the Politburo of the Central Committee of the All-Union Communist Party (Bolsheviks)'],
    ['бывший член КП Франции', '曾为法国共产党党员', 'formerly a member of the Communist Party of France'],
    ['член социал-демократической партии Венгрии', '匈牙利社会民主党党员', 'member of the Social Democratic Party of Hungary'],
    ['в 1905-1917 член партии эсеров', '社会革命党党员（1905—1917年）', 'member of the Socialist Revolutionary Party (1905–1917)'],
  ])('%s', (ru, zh, en) => {
    expect(partsText(renderParty(ru, 'zh'))).toBe(zh);
    expect(partsText(renderParty(ru, 'en'))).toBe(en);
  });
  it('a party no table knows stays in Russian', () => {
    expect(untranslated(renderParty('член партии Дашнакцутюн', 'en'))).toEqual(['член партии Дашнакцутюн']);
    expect(untranslated(renderParty('член КП Атлантиды', 'en'))).toEqual(['член КП Атлантиды']);
  });
  it('a candidate member of a body that has no candidates, or the central committee of a non-party body, stays in Russian', () => {
    expect(untranslated(renderParty('кандидат в члены Союза советских писателей', 'zh'))).toEqual(['кандидат в члены Союза советских писателей']);
    expect(untranslated(renderParty('член ЦК Союза советских писателей', 'zh'))).toEqual(['член ЦК Союза советских писателей']);
  });
});

describe('nationalities', () => {
  it('reads both genders and keeps an unknown one in Russian', () => {
    const nat = (value: string) => explainRecord({ nationality: value }, 'zh')[0]!;
    expect(nat('китаянка').text).toBe('中国人');
    expect(nat('китаец').text).toBe('中国人');
    expect(nat('дунганин').untranslated).toEqual(['дунганин']);
  });
  it('knows every nationality written 4 times or more in the Moscow list', () => {
    const frequent = ['русский', 'еврей', 'латыш', 'поляк', 'немец', 'украинец', 'белорус', 'венгр', 'армянин', 'литовец', 'эстонец', 'китаец', 'кореец', 'татарин', 'мадьяр', 'бурят', 'якут'];
    const table = glossary(NATIONALITIES);
    expect(frequent.filter((n) => !table.lookup(n))).toEqual([]);
  });
});

describe('occupations and workplaces', () => {
  it.each([
    ['Прачечная № 5: гладильщик', '5号洗衣房：熨烫工', 'ironer at laundry No. 5'],
    ['гладильщик в китайской прачечной', '中国洗衣房熨烫工', 'ironer at the Chinese laundry'],
    ['Столовая № 5 на ул. Арбат, д. 12: повар', '食堂5号位于Арбат街，12号：厨师', 'cook at canteen No. 5 at Arbat street, house 12'],
    ['без определенных занятий (безработный)', '无固定职业（无业）', 'no fixed occupation (unemployed)'],
  ])('%s', (ru, zh, en) => {
    expect(partsText(renderOccupation(ru, 'zh'))).toBe(zh);
    expect(partsText(renderOccupation(ru, 'en'))).toBe(en);
  });
  it('keeps organisation names as names (romanised in English), and a phrase with an unknown word in Russian', () => {
    const parts = renderOccupation('артель "Коллективный труд": стиральщик', 'en');
    expect(parts.filter((p) => p.name).map((p) => p.text)).toEqual(['“Kollektivny trud”']);
    expect(renderOccupation('артель "Коллективный труд": стиральщик', 'zh').filter((p) => p.name).map((p) => p.text)).toEqual(['"Коллективный труд"']);
    expect(untranslated(renderOccupation('Наркомат гидрометеорологии: инженер', 'en'))).toEqual(['Наркомат гидрометеорологии']);
  });
  it('covers every occupation word of the Chinese rows (прачечная, гладильщик, повар, рабочий, торговец…)', () => {
    for (const word of ['прачечная', 'гладильщик', 'стиральщик', 'приемщик белья', 'повар', 'рабочий', 'торговец', 'пекарь', 'сторож']) {
      expect(glossary([...POSITIONS, ...WORKPLACES]).lookup(word), word).toBeDefined();
    }
  });
});

describe('places', () => {
  it.each([
    ['Китай, провинции Шаньдун', '中国，山东省', 'China, Shandong province (山东)'],
    ['Китай, Хобейской провинции', '中国，河北省', 'China, Hebei province (河北)'],
    ['Китай, г. Шанхай', '中国，上海', 'China, Shanghai (上海)'],
    ['Китай, провинции кантон', '中国，广东省', 'China, Guangdong province (广东)'],
    ['г. Варшава', '华沙', 'Warsaw'],
  ])('%s', (ru, zh, en) => {
    expect(text(renderPlace(ru, 'zh'))).toBe(zh);
    expect(text(renderPlace(ru, 'en'))).toBe(en);
  });
  it('keeps a village name as written and never matches it to the gazetteer', () => {
    const parts = renderPlace('Китай, д. Линцин, пров. Шаньдун', 'zh');
    expect(text(parts)).toBe('中国，Линцин村，山东省');
    expect(parts.find((p) => p.text === 'Линцин')?.name).toBe(true);
  });
  it('marks a Chinese province it cannot identify, offering the gazetteer’s probable reading as unconfirmed', () => {
    expect(untranslated(renderPlace('Китай, провинции Сан-Юнь', 'en'))).toEqual(['Сан-Юнь']);
    expect(text(renderPlace('Китай, провинции Шемдо', 'en'))).toBe('China, Шемдо (possibly Shandong (山东), unconfirmed)');
  });
  it('gives the same rendering the second time, and a caller changing it changes nothing kept', () => {
    const first = renderPlace('Китай, провинции Хубей', 'zh');
    first[0]!.text = 'changed';
    expect(text(renderPlace('Китай, провинции Хубей', 'zh'))).toBe('中国，湖北省');
  });
  it.each([
    ['в Херсоне', '赫尔松', 'Kherson'],
    ['Могилевская губ. (БССР), г. Рогачев', 'Могилевская省（古别尔尼亚）（白俄罗斯苏维埃社会主义共和国），罗加乔夫', 'Могилевская guberniya (the Byelorussian SSR), Rahachow (Rogachev)'],
    ['Калужская губ., с. Гремячево, бывш.', 'Калужская省（古别尔尼亚），Гремячево村（旧行政区划）', 'Калужская guberniya, Гремячево village (former divisions)'],
    ['в с.Грузчанское (по другим данным - в Новочеркасске)', 'Грузчанское村（另有记载：新切尔卡斯克）', 'Грузчанское village (other records say: Novocherkassk)'],
    ['Ростовская обл., ст. Цимлянская', 'Ростовская州，Цимлянская站或哥萨克村', 'Ростовская oblast, Цимлянская station or stanitsa'],
  ])('a city in the locative, an aside alone, former divisions, another record after a dash, «ст.»: %s', (ru, zh, en) => {
    expect(text(renderPlace(ru, 'zh'))).toBe(zh);
    expect(text(renderPlace(ru, 'en'))).toBe(en);
  });
  it('a «бывш.» that is not alone is not read as former divisions', () => {
    expect(untranslated(renderPlace('Вятская губ., бывш. что-то', 'en'))).toEqual(['бывш. что-то']);
  });
  it('does not read a Russian place as Chinese', () => {
    expect(text(renderPlace('Самарская губ., Бузулукский уезд, д. Маложданово', 'en'))).toBe('Самарская guberniya, Бузулукский county (uezd), Маложданово village');
  });
  it.each([
    ['Бутово', '布托沃', 'Butovo'],
    ['Коммунарка', '科穆纳尔卡', 'Kommunarka'],
    ['Донское', '顿斯科伊公墓', 'Donskoye cemetery'],
  ])('burial site %s → %s / %s', (ru, zh, en) => {
    const [zhFact] = explainRecord({ burialPlace: ru }, 'zh');
    const [enFact] = explainRecord({ burialPlace: ru }, 'en');
    expect(zhFact!.text.startsWith(zh)).toBe(true);
    expect(enFact!.text.startsWith(en)).toBe(true);
  });
});

describe('addresses', () => {
  it('translates the kinds and numbers, keeps (zh) or romanises (en) the street name', () => {
    expect(text(renderAddress('Грохольский пер., д.13, кв. 11', 'zh'))).toBe('Грохольский胡同（巷），13号，11室');
    expect(text(renderAddress('Грохольский пер., д.13, кв. 11', 'en'))).toBe('Grokholsky lane, house 13, apt. 11');
    expect(text(renderAddress('ул. 9-я Рота, д.9, кв. 2', 'en'))).toBe('9th Rota street, house 9, apt. 2');
    expect(text(renderAddress('Каляевская ул., 8-3', 'en'))).toBe('Kalyaevskaya street, house 8, apt. 3');
  });
  it.each([
    ['Алексеевский студенческий городок, корп. 3', 'Alekseevsky student campus, building 3'],
    ['Дангауэровская слобода, д.5', 'Dangauerovskaya sloboda (settlement), house 5'],
    ['Никитский б-р, д. 55 а', 'Nikitsky boulevard, house 55а'],
    ['5-й Лучевой просек, подъезд 2', '5th Luchevoi prosek (park cutting), entrance 2'],
    ['Воронцово Поле, д. 3', 'Vorontsovo Pole, house 3'],
    ['гост. "Союзная"', 'hotel "Союзная"'],
  ])('more kinds, a campus by its name, a two-word Moscow name kept as a name: %s', (ru, en) => {
    expect(text(renderAddress(ru, 'en'))).toBe(en);
    expect(untranslated(renderAddress(ru, 'zh'))).toEqual([]);
  });
  it('two words a table knows are not taken for a street name: a dormitory of a trust named by its syllables', () => {
    expect(text(renderAddress('Общежитие Лесхимтреста', 'en'))).toBe('dormitory of Leskhimtrest (a trust)');
    expect(renderAddress('Общежитие Лесхимтреста', 'zh').filter((p) => p.name).map((p) => p.text)).toEqual(['Лесхимтрест（托拉斯）']);
    expect(renderAddress('Воронцово Поле', 'zh')[0]!.name).toBe(true);
  });
});
