import { describe, expect, it } from 'vitest';
import type { Part } from '../../../src/core/explain/explain.types.ts';
import { termKey } from '../../../src/core/explain/glossary.ts';
import { readOccupation } from '../../../src/core/explain/occupation.reader.ts';
import { renderOccupation } from '../../../src/core/explain/occupation.render.ts';
import { LEXICON } from '../../../src/core/explain/occupation.tokens.ts';
import { ORG_STEMS, STATION_KINDS } from '../../../src/core/explain/org-names.data.ts';
import { readAcronym, readCompoundName } from '../../../src/core/explain/org-names.ts';

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Names in {braces}, what stayed Russian in ⟦brackets⟧. */
const shown = (parts: readonly Part[]) => parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.name ? `{${p.text}}` : p.text)).join('');

describe('org-names.data: invariants', () => {
  it('lists each stem once, in small Cyrillic letters', () => {
    const stems = ORG_STEMS.map((s) => s.ru);
    expect(stems.filter((s, i) => stems.indexOf(s) !== i)).toEqual([]);
    for (const s of stems) expect(s).toMatch(/^[а-я]+$/);
  });
  it('says a kind in Chinese characters and in English, never in Cyrillic', () => {
    for (const s of ORG_STEMS.filter((x) => x.kind)) {
      expect(s.kind!.zh, s.ru).toMatch(HAN);
      expect(`${s.kind!.zh}${s.kind!.en}`, s.ru).not.toMatch(CYRILLIC);
      expect(s.kind!.en, s.ru).toMatch(/^ \((?:a|an) [a-z ]+\)$/);
    }
  });
  it('names only kind words the occupation tables know', () => {
    for (const k of STATION_KINDS) expect(LEXICON.get(termKey(k))?.kind, k).toBe('place');
  });
  it('never reads a person, a field or an adjective of the tables, capitalised, as a body’s name', () => {
    const ordinary = [...LEXICON].filter(([k, v]) => /^[а-яё]+$/.test(k) && v.role !== 'org' && v.kind !== 'place');
    expect(ordinary.length).toBeGreaterThan(1000);
    const taken = ordinary.map(([k]) => k[0]!.toUpperCase() + k.slice(1)).filter((w) => readCompoundName(w));
    expect(taken).toEqual([]);
  });
});

describe('readCompoundName: a body named by the syllables of Soviet bodies', () => {
  it.each([
    ['Станкоимпорт', 'Станкоимпорт', ' (an import organisation)'],
    ['Всекопромметаллсоюз', 'Всекопромметаллсоюз', ' (a union)'],
    ['Облмосторге', 'Облмосторг', ' (a trading organisation)'],
    ['Учпедгизом', 'Учпедгиз', ' (a publishing house)'],
    ['Хлебостроя', 'Хлебострой', ' (a construction organisation)'],
    ['Центропечати', 'Центропечать', ' (an organisation)'],
    ['Главрыба', 'Главрыба', ' (an organisation)'],
  ])('%s → %s%s', (word, nominative, en) => {
    expect(readCompoundName(word)).toMatchObject({ nominative, en });
  });
  it.each([
    ['Металлолом', 'scrap metal: no syllable of a body, no kind at the end'],
    ['Хлебокомбинат', 'a bread works: an ordinary compound'],
    ['Молококомбинат', 'a dairy works, not мол + о + ко + комбинат'],
    ['станкоимпорт', 'lower case'],
    ['Горбачева', 'a surname'],
    ['Газовый', 'an adjective'],
    ['Войтовича', 'a surname in the genitive'],
  ])('%s is not one (%s)', (word) => {
    expect(readCompoundName(word)).toBeUndefined();
  });
});

describe('readAcronym: capitals are an abbreviation, the small letters after them its case', () => {
  it.each([
    ['СВАРЗ', 'СВАРЗ'],
    ['ОГИЗом', 'ОГИЗ'],
    ['ОУРа', 'ОУР'],
    ['НИИ-20', 'НИИ-20'],
    ['ГУШОCДОР', 'ГУШОСДОР'],
  ])('%s → %s', (word, name) => {
    expect(readAcronym(word)?.name).toBe(name);
  });
  it.each(['П', 'Москва', 'ВКП(б)', 'завод', 'С.М.О.', 'ХХ'])('%s is not one', (word) => {
    expect(readAcronym(word)).toBeUndefined();
  });
});

describe('names stay names in occupations, by rule (zh and en)', () => {
  it.each([
    ['завод СВАРЗ: мастер вагонного цеха', 'foreman at the carriage workshop at works {SVARZ}', '{СВАРЗ}工厂：车辆车间工长'],
    ['завод РААЗ: слесарь', 'fitter at works {RAAZ}', '{РААЗ}工厂：钳工'],
    ['статистик ЦСУ', 'statistician at {TsSU}', '{ЦСУ}统计员'],
    ['зам. зав. ОГИЗом', 'deputy manager of {OGIZ}', '{ОГИЗ}副主任'],
    ['Станкоимпорт: бухгалтер', 'accountant at {Stankoimport (an import organisation)}', '{Станкоимпорт（进口机构）}：会计'],
    ['Всекопромметаллсоюз: товаровед', 'merchandise specialist at {Vsekoprommetallsoyuz (a union)}', '{Всекопромметаллсоюз（联合会）}：商品鉴定员'],
    ['грузчик в Облмосторге', 'loader at {Oblmostorg (a trading organisation)}', '{Облмосторг（贸易机构）}装卸工'],
    ['трест Фундаментстрой: инженер', 'engineer at trust {Fundamentstroi (a construction organisation)}', '{Фундаментстрой（建设机构）}托拉斯：工程师'],
    ['трест Хлебостроя: инженер', 'engineer at trust of {Khlebostroi (a construction organisation)}', '{Хлебострой（建设机构）}托拉斯：工程师'],
    ['депо Москва-пассажирская: машинист', 'engine driver at depot {Moskva-passazhirskaya}', '{Москва-пассажирская}机务段：司机（机车）'],
    ['станция Пресня: телеграфист', 'telegraph operator at station {Presnya}', '{Пресня}站：电报员'],
  ])('%s', (ru, en, zh) => {
    expect(shown(renderOccupation(ru, 'en'))).toBe(en);
    expect(shown(renderOccupation(ru, 'zh'))).toBe(zh);
  });

  it('reads a known abbreviation with its number as that body, numbered: «НИИ-20»', () => {
    expect(shown(readOccupation('слесарь НИИ-20', 'en'))).toBe('fitter of research institute No. 20');
    expect(shown(readOccupation('слесарь НИИ-20', 'zh'))).toBe('20号研究所钳工');
  });

  it('reads a case form the tables do not list of a body they know as that body, not as a new name: «в Госплане»', () => {
    expect(shown(readOccupation('экономист в Госплане', 'en'))).toBe('economist in Gosplan (the State Planning Committee)');
  });

  it('takes an ordinary word of the tables for a word even when capitalised', () => {
    const parts = readOccupation('Слесарь Завода', 'en');
    expect(parts.some((p) => p.name)).toBe(false);
    expect(parts.some((p) => p.untranslated)).toBe(false);
  });

  it.each([
    ['бухгалтер станкоимпорта', 'a lower-case unknown word stays unknown'],
    ['машинист депо москва-пассажирская', 'a lower-case word after a station is no name'],
    ['маляр завода Войтовича', 'a capitalised word after a kind word that is neither capitals nor a body’s syllables'],
    ['агент треста Металлолом', 'an ordinary compound capitalised'],
    ['секретарь Мосиенкова', 'a surname'],
  ])('leaves %s in Russian (%s)', (ru) => {
    expect(renderOccupation(ru, 'en')).toEqual([{ text: ru, untranslated: true }]);
    expect(renderOccupation(ru, 'zh')).toEqual([{ text: ru, untranslated: true }]);
  });
});

describe('a workplace with its unit after a comma («завод №24, монтажный цех»)', () => {
  it('reads each as a workplace, in the order written', () => {
    expect(shown(renderOccupation('завод №24, монтажный цех: старший мастер', 'en'))).toBe('senior foreman at works No. 24, installation workshop');
    expect(shown(renderOccupation('завод №24, монтажный цех: старший мастер', 'zh'))).toBe('24号工厂，安装车间：高级工长');
  });
  it('keeps the whole workplace in Russian when one unit is unknown', () => {
    expect(shown(renderOccupation('завод №24, колонщицкий цех: мастер', 'en'))).toBe('foreman at ⟦завод №24, колонщицкий цех⟧');
  });
});

describe('places and persons named inside an occupation (zh and en)', () => {
  it.each([
    ['ст.инженер отдела пути Московско-Казанской ж/д', 'senior engineer at the department of the track of the {Moskovsko-Kazansky} railway', '{Московско-Казанской}铁路线路处高级工程师'],
    ['слесарь завода в Лосиноостровске', 'fitter at the works at {Losinoostrovsk}', '{Лосиноостровске}工厂钳工'],
    ['торгпред СССР в Монголии', 'trade representative of the USSR in Mongolia', '蒙古苏联商务代表'],
    ['шофер академика Н.Д.Зелинского', 'driver of the academician {N.D. Zelinsky}', '{Н.Д. Зелинский}院士司机'],
    ['трикотажная фабрика им. 8-го Марта: слесарь', 'fitter at knitwear factory named after 8 March', '3月8日针织工厂：钳工'],
    ['станкозавод им. Серго Орджоникидзе: слесарь', 'fitter at machine-tool works named after {Sergo Ordzhonikidze}', '{Серго Орджоникидзе}机床厂：钳工'],
  ])('%s', (ru, en, zh) => {
    expect(shown(renderOccupation(ru, 'en'))).toBe(en);
    expect(shown(renderOccupation(ru, 'zh'))).toBe(zh);
  });

  it('takes no adjective for a place after «на», nor for a surname after a namesake', () => {
    expect(renderOccupation('механик на Всемирной выставке', 'en')[0]!.untranslated).toBe(true);
    expect(shown(readOccupation('рабочий завода им. Фрунзе Московского', 'en'))).not.toMatch(/Frunze Mosk/);
  });

  it('reads «с» with the genitive as "from", a day as "on", and a capital after a year as another sentence', () => {
    expect(shown(renderOccupation('уволен с должности директора санатория в декабре 1936 г. Не работал', 'en'))).toBe(
      'dismissed from post of the director of the sanatorium (in December 1936), unemployed',
    );
    expect(shown(readOccupation('уволен с должности бухгалтера 8 июля 1937 г', 'en'))).toBe('dismissed from post of the accountant (on 8 July 1937)');
  });
});

describe('two adjectives written as one («научно-контрольный»)', () => {
  it('says both when the tables know both, in the case of the second', () => {
    expect(shown(readOccupation('инспектор научно-контрольного отдела', 'en'))).toBe('inspector at the scientific and control department');
    expect(shown(readOccupation('инспектор научно-контрольного отдела', 'zh'))).toBe('科学监察处检查员');
  });
  it('leaves one with an unknown half, or a noun for a half, in Russian', () => {
    expect(renderOccupation('инспектор колонно-экономического отдела', 'en')[0]!.untranslated).toBe(true);
    expect(renderOccupation('инспектор научно-колонщицкого отдела', 'en')[0]!.untranslated).toBe(true);
  });
});

describe('an adjectival position before another position («дежурный слесарь»)', () => {
  it('qualifies it, with the attribute its entry gives', () => {
    expect(shown(readOccupation('старший дежурный слесарь', 'en'))).toBe('senior duty fitter');
    expect(shown(readOccupation('ученый секретарь', 'zh'))).toBe('学术秘书');
  });
  it('stays the position itself before anything else', () => {
    expect(shown(readOccupation('дежурный по станции', 'en'))).toBe('duty officer for the station');
  });
});

describe('a street named before its kind inside an occupation («на Донской ул.»)', () => {
  it('keeps the name (zh as written, en in the nominative a street takes), the kind translated', () => {
    expect(shown(readOccupation('священник храма на Донской ул.', 'en'))).toBe('priest at the church at {Donskaya} street');
    expect(shown(readOccupation('священник храма на Донской ул.', 'zh'))).toBe('{Донской}街教堂神父');
    expect(shown(readOccupation('сторож дома №32 по Большой Семеновской улице', 'en'))).toBe('watchman at the house No. 32 on {Bolshaya Semenovskaya} street');
  });
  it('reads a word glued to the quote that opens a name: «артель"Технохимик"»', () => {
    expect(shown(renderOccupation('инвалидная артель"Технохимик": мастер', 'en'))).toBe('foreman at disabled persons’ artel (workers’ cooperative) {“Tekhnokhimik”}');
  });
  it('leaves «д. N» after it to the older reading, which says where the workplace is', () => {
    expect(shown(renderOccupation('Прачечная на Садово-Каретной ул., д. 14: заведующий', 'zh'))).toBe('洗衣房位于{Садово-Каретной}街，14号：主任');
  });
});

describe('a workplace with its other name or its place in parentheses', () => {
  it.each([
    ['завод № 93 (Химзавод): старшая лаборантка', 'senior laboratory assistant at works No. 93 (chemical works)', '93号工厂（化工厂）：高级实验员'],
    ['Гастроном №1 (ул.Горького, 40): зав. фруктовым отделом', 'manager of the fruit department at grocery (gastronom) No. 1 ({Gorkogo} street No. 40)', '1号食品店（{Горького}街40号）：水果处主任'],
  ])('%s', (ru, en, zh) => {
    expect(shown(renderOccupation(ru, 'en'))).toBe(en);
    expect(shown(renderOccupation(ru, 'zh'))).toBe(zh);
  });
  it('keeps the whole workplace in Russian when the parenthesis is not read', () => {
    expect(shown(renderOccupation('завод № 93 (колонщицкий): мастер', 'en'))).toBe('foreman at ⟦завод № 93 (колонщицкий)⟧');
  });
});

describe('what a deputy is for, written before whose deputy he is («пом. по кадрам начальника …»)', () => {
  it('is said after the position, as «пом. начальника … по кадрам» would be', () => {
    expect(shown(readOccupation('пом. по кадрам начальника Политуправления', 'en'))).toBe('assistant head of the political directorate for personnel');
    expect(shown(readOccupation('пом. по кадрам начальника Политуправления', 'en'))).toBe(shown(readOccupation('пом. начальника Политуправления по кадрам', 'en')));
  });
});

describe('words written as one of words the tables know (occupation.compounds.ts)', () => {
  it.each([
    // Adjectives in hyphens, capitalised or in -ико-/-ого- (исторический, геологический).
    ['студент Кредитно-экономического института', 'student at the credit and economic institute', '信贷经济研究所（学院）学生'],
    ['зав. учебной частью историко-партийного института', 'manager of the training unit of the historical and party institute', '历史党研究所（学院）教学部主任'],
    // A word of the tables after the first halves of Soviet compounds, one or more, a hyphen allowed after them.
    ['ст. авиатехник', 'senior aviation technician', '高级航空技术员'],
    ['маляр в конторе спецработ', 'painter at the office of special work', '特种工作办事处油漆工'],
    ['кинооператор в фотокинолаборатории', 'cameraman at the photo film laboratory', '照相电影实验室电影摄影师'],
    ['зав. энерго-экономической секцией', 'manager of the energy economic section', '能源经济部主任'],
    // Three positions in hyphens.
    ['инженер-экономист-плановик треста', 'engineer-economist-planner at the trust', '托拉斯工程师兼经济师兼计划员'],
  ])('%s', (ru, en, zh) => {
    expect(shown(renderOccupation(ru, 'en'))).toBe(en);
    expect(shown(renderOccupation(ru, 'zh'))).toBe(zh);
  });
  it('reads no prefix into a word the tables know whole, nor into a body’s name, nor into a short rest', () => {
    expect(shown(renderOccupation('инженер электростанции', 'en'))).toBe('engineer at the power station');
    expect(shown(renderOccupation('инженер Ленинского радиоузла', 'en'))).toBe('engineer at the Lenin radio relay centre');
    // Inside a phrase a capitalised compound is a body's own name: «Стройпуть» is not "building track".
    expect(renderOccupation('уполномоченный управления Стройпуть', 'en').some((p) => p.untranslated)).toBe(true);
    // «Сельхозстройпроект» at the start is a design organisation by its syllables, not "agricultural building project".
    expect(shown(renderOccupation('Сельхозстройпроект: инженер', 'en'))).toContain('Selkhozstroiproekt (a design organisation)');
    // Prefix-like starts with no word of the tables after them stay unknown.
    for (const ru of ['колонщик', 'автор', 'госпожа', 'Металлолом', 'промкооперация']) expect(renderOccupation(ru, 'en')[0]!.untranslated, ru).toBe(true);
  });
});

describe('how clerks glued or spaced abbreviations and hyphens', () => {
  it.each([
    ['и.о.доцента', 'acting associate professor (docent)', '代理副教授'],
    ['ст.инженер техн.отдела', 'senior engineer at the technical department', '技术处高级工程师'],
    ['младш. научный сотрудник', 'junior research fellow', '初级研究员'],
    ['артист- диктор', 'performer-announcer', '演员兼播音员'],
    ['кассир -сторож', 'cashier, watchman', '出纳，看守人'],
    ['кассир ж.д.ст. Подмосковная', 'cashier of railway station {Podmoskovnaya}', '铁路{Подмосковная}站出纳'],
  ])('%s', (ru, en, zh) => {
    expect(shown(renderOccupation(ru, 'en'))).toBe(en);
    expect(shown(renderOccupation(ru, 'zh'))).toBe(zh);
  });
  it('joins a spaced hyphen only into a compound the tables know', () => {
    expect(renderOccupation('инженер- колонщик', 'en')[0]!.untranslated).toBe(true);
  });
});

describe('a route between two places the tables know («Москва--Минск»)', () => {
  it('names both ends, in one hyphen or two', () => {
    expect(shown(renderOccupation('начальник строительства автомагистрали Москва--Минск', 'en'))).toBe('head of the construction of the motor main line of Moscow–Minsk');
    expect(shown(renderOccupation('начальник строительства магистрали Москва-Хабаровск', 'zh'))).toContain('莫斯科—哈巴罗夫斯克');
  });
  it('leaves a route with an end the tables do not know in Russian', () => {
    expect(renderOccupation('управление Москва-Негорелое', 'en')[0]!.untranslated).toBe(true);
  });
});

describe('structures of the tuning half’s leftovers, round 4', () => {
  it('joins two adjectives with «и» after a preposition too, and works "in" a language', () => {
    expect(shown(renderOccupation('наборщик на корейском и японских языках', 'en'))).toBe('typesetter in Korean and Japanese language');
    expect(shown(renderOccupation('пом. начальника академии по научной и учебной работе', 'en'))).toBe('assistant head of the academy for scientific and training work');
  });
  it('says «по профессии» beside the trade, and reads the full title «околоточный надзиратель» as one rank', () => {
    expect(shown(renderOccupation('по профессии сапожник', 'en'))).toBe('shoemaker (by trade)');
    expect(shown(renderOccupation('околоточный надзиратель', 'zh'))).toBe('区段警官（沙俄）');
  });
});

describe('a workplace written before its position with no colon («КОГИЗ инспектор отдела кадров»)', () => {
  it('is read as «workplace: position» would be', () => {
    expect(shown(renderOccupation('КОГИЗ инспектор отдела кадров', 'en'))).toBe('inspector at the department of personnel at {KOGIZ}');
    expect(shown(renderOccupation('завод № 24 ст. инженер', 'zh'))).toBe('24号工厂：高级工程师');
  });
  it('splits nothing that does not begin with a workplace, nor one with an unknown word', () => {
    expect(shown(renderOccupation('инженер завода', 'en'))).toBe('engineer at the works');
    expect(renderOccupation('Металлолом инженер', 'en')[0]!.untranslated).toBe(true);
  });
});

describe('three adjectives in hyphens, and a dash glued after a year or «ареста»', () => {
  it('says every adjective of «планово-финансово-торговый»', () => {
    expect(shown(renderOccupation('зав. планово-финансово-торговым отделом', 'en'))).toBe('manager of the planning, financial and trade department');
    expect(shown(renderOccupation('зав. планово-финансово-колонным отделом', 'en'))).toMatch(/^⟦/);
  });
  it('reads «1935-начальник» and «ареста-столяр» as a dash, with nothing said before it', () => {
    expect(shown(renderOccupation('до 1935-начальник курсов', 'zh'))).toBe('训练班主管（1935年以前）');
    expect(shown(renderOccupation('до ареста-столяр', 'en'))).toBe('joiner (before the arrest)');
  });
});
