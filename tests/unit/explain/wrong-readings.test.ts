import { describe, expect, it } from 'vitest';
import type { Part } from '../../../src/core/explain/explain.types.ts';
import { renderAddress } from '../../../src/core/explain/address.render.ts';
import { renderOccupation } from '../../../src/core/explain/occupation.render.ts';

/**
 * Readings the fourth round counted as explained that said a wrong thing (issue #16, fifth round): a wrong
 * explanation is worse than a marked Russian term. Each case is named after the row shape that broke, with a
 * negative case beside it so the fix does not take a right reading with it.
 */
const marked = (parts: readonly Part[]) => parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.text)).join('');
const both = (render: (text: string, lang: 'zh' | 'en') => Part[], ru: string) => ({ en: marked(render(ru, 'en')), zh: marked(render(ru, 'zh')) });

describe('«Старопетровский поезд» (a mistyped «проезд»): only an address table’s kind word is a street’s kind', () => {
  it('keeps the street Russian, marked, and reads the rest of the address', () => {
    expect(both(renderAddress, 'Старопетровский поезд, д.3-а, кв. 1')).toEqual({
      en: '⟦Старопетровский поезд⟧, house 3-а, apt. 1',
      zh: '⟦Старопетровский поезд⟧，3-а号，1室',
    });
  });
  it('still reads the street with its kind word, and a building named by its institution', () => {
    expect(both(renderAddress, 'Старопетровский проезд, д. 10')).toEqual({ en: 'Staropetrovsky passage, house 10', zh: 'Старопетровский通道，10号' });
    expect(both(renderAddress, 'общежитие Метростроя')).toEqual({ en: 'dormitory of Metrostroy (the Moscow metro builders)', zh: '地铁建设局宿舍' });
    expect(renderAddress('Тимирязевская академия', 'en').some((p) => p.untranslated)).toBe(false);
  });
});

describe('«заводской» beside horses: of a factory or of a stud farm, so neither is said', () => {
  it.each(['конюх на заводской конюшне', 'зоотехник-коневод в Рузской государственной заводской конюшне Московской обл'])('%s stays Russian', (ru) => {
    expect(both(renderOccupation, ru)).toEqual({ en: `⟦${ru}⟧`, zh: `⟦${ru}⟧` });
  });
  it('is still a factory’s where no horse is near', () => {
    expect(both(renderOccupation, 'рабочий заводской столовой')).toEqual({ en: 'worker at the factory canteen', zh: '工厂食堂工人' });
    expect(both(renderOccupation, 'старший заводской инспектор')).toEqual({ en: 'senior factory inspector', zh: '高级工厂检查员' });
  });
});

describe('words after a prefix that would read literally and wrongly', () => {
  it.each([
    // "film construction": the prefix names what is built (cinemas, studios), not a kind of construction.
    'инженер треста киностроительства',
    // "metal combine": metallurgical or metalworking, the word does not say.
    'Металлокомбинат: ст. бухгалтер',
    // "special unit" / 特种部队: «спецчасть» is an institution's secret records office, no troop unit.
    'начальник спецчасти',
  ])('%s keeps the compound Russian', (ru) => {
    for (const lang of ['en', 'zh'] as const) expect(renderOccupation(ru, lang).some((p) => p.untranslated), `${ru} ${lang}`).toBe(true);
  });
  it('reads «политчасть» whole, as the political section, not a political troop unit', () => {
    expect(both(renderOccupation, 'пом. начальника по политчасти')).toEqual({ en: 'assistant head for the political section', zh: '政治处助理主管' });
  });
  it('still reads prefixes before the words they build ordinarily', () => {
    expect(both(renderOccupation, 'инженер кинопромышленности')).toEqual({ en: 'engineer of film industry', zh: '电影工业工程师' });
    expect(both(renderOccupation, 'монтер радиозавода')).toEqual({ en: 'fitter (installer) at the radio works', zh: '无线电工厂装配工' });
  });
});

describe('halves of a compound said once when another half already says them', () => {
  it.each([
    // Not "automatic-lathe and lathe".
    ['начальник автоматно-токарного цеха', 'head of the automatic-lathe workshop', '自动机床车工车间主管'],
    // Not 分装称量分装.
    ['зав. фасовочно-развесочной базой', 'manager of the packing and weighing depot', '称量分装仓库主任'],
    // Not 画家兼画家.
    ['художник-живописец', 'artist-painter (artist)', '画家'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('keeps halves that say different things', () => {
    expect(both(renderOccupation, 'бухгалтер-экономист')).toEqual({ en: 'accountant-economist', zh: '会计兼经济师' });
  });
});

describe('other words that said a wrong thing', () => {
  it('«учебная часть» is a school’s section (教学部), not troops (部队)', () => {
    const { zh } = both(renderOccupation, 'зав. учебной частью школы');
    expect(zh).toBe('学校教学部主任');
    expect(zh).not.toContain('部队');
  });
  it('a printing house’s «машинист-наборщик» works a typesetting machine, not an engine', () => {
    expect(both(renderOccupation, '7-я типография: машинист-наборщик')).toEqual({ en: 'typesetting-machine operator at 7th printing house', zh: '第7印刷厂：排字机操作工' });
    expect(both(renderOccupation, 'машинист паровоза')).not.toEqual(expect.objectContaining({ en: expect.stringContaining('typesetting') }));
  });
  it('«отделочный цех» is a finishing shop (精整), not building decoration (装修)', () => {
    expect(both(renderOccupation, 'начальник отделочного цеха')).toEqual({ en: 'head of the finishing workshop', zh: '精整车间主管' });
  });
});

describe('«горком ВКП(б)» is the party’s city committee', () => {
  it.each([
    ['секретарь горкома ВКП(б)', 'secretary of the city committee of the VKP(b)', '联共（布）市委员会秘书'],
    ['инструктор горкома ВКП(б)', 'instructor at the city committee of the VKP(b)', '联共（布）市委员会指导员'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('and a profession’s city committee is not the party’s', () => {
    const { en, zh } = both(renderOccupation, 'музыковед горкома композиторов');
    expect(en).toContain('city committee');
    expect(en).not.toContain('VKP');
    expect(zh).not.toContain('联共');
  });
});

describe('phrases whose words one by one said a wrong thing', () => {
  it.each([
    // Was "was of the was at the disposal of …" / …听候调遣处于.
    ['находился в распоряжении Управления по начсоставу РККА', 'was at the disposal of the directorate for the commanding staff of the Red Army (RKKA)', '工农红军指挥人员管理局听候调遣'],
    // Was "the palace of the council" / 委员会宫.
    ['чернорабочий на строительстве Дворца Советов', 'unskilled labourer at the construction of the Palace of Soviets', '苏维埃宫建设工程杂工'],
    // Was "the park (depot) of culture and rest".
    ['инструктор физкультуры в Центральном парке культуры и отдыха', 'instructor of physical culture at the Central park of culture and leisure', '中央文化休息公园体育指导员'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('still reads «совет» alone as a council and «парк» alone as a park or depot', () => {
    expect(both(renderOccupation, 'секретарь совета')).toEqual({ en: 'secretary of the council', zh: '委员会秘书' });
    expect(renderOccupation('рабочий трамвайного парка', 'en').some((p) => p.untranslated)).toBe(false);
  });
});

describe('an address segment with a name before an adjective is still read as its institution', () => {
  it('«общежитие Кировского трамвайного депо»', () => {
    expect(renderAddress('общежитие Кировского трамвайного депо', 'en').some((p) => p.untranslated)).toBe(false);
    expect(renderAddress('общежитие Кировского трамвайного депо', 'zh').some((p) => p.untranslated)).toBe(false);
  });
});

describe('a verb and what one was or did, in the instrumental («работал инженером»)', () => {
  it.each([
    // Was "worked of the engineer" / 工程师工作.
    ['работал инженером завода', 'worked as engineer at the works', '担任工厂工程师'],
    ['ранее работал заведующим магазином', 'worked as manager of the shop (previously)', '担任商店主任（以前）'],
    ['занимался научной работой', 'was engaged in scientific work', '从事科学工作'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('keeps a place after the verb a place', () => {
    expect(both(renderOccupation, 'работал на заводе')).toEqual({ en: 'worked at the works', zh: '工厂工作' });
  });
});

describe('the formulas of a biography written into the occupation', () => {
  it.each([
    ['искл. из ВКП(б) в 1927, восстановлен в 1928, вторично исключен в 1935, литератор, журналист',
      'expelled from the VKP(b) (in 1927), reinstated (in 1928), expelled again (in 1935), man of letters, journalist',
      '被开除出联共（布）（1927年），被恢复（党籍或职务）（1928年），再次被开除（1935年），文学工作者，记者'],
    ['Арестован в 1930 г', 'arrested (in 1930)', '被捕（1930年）'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('does not read «освобожден» alone: released from a camp is not relieved of a post', () => {
    expect(renderOccupation('освобожден из Дмитровского ИТЛ НКВД в мае 1937 г.', 'en')[0]!.untranslated).toBe(true);
  });
});

describe('«на иждивении» whom: supported by them', () => {
  it.each([
    // Was "at dependency of the father" / 父亲供养, and «находился на иждивении детей» "was at dependency of children" / 儿童供养处于.
    ['на иждивении отца', 'supported by father', '靠父亲供养'],
    ['находился на иждивении детей', 'supported by children', '靠儿童供养'],
    ['домохозяйка, на иждивении зятя', 'housewife, supported by son-in-law', '家庭主妇，靠女婿供养'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('keeps «на» alone a preposition', () => {
    expect(both(renderOccupation, 'рабочий на заводе')).toEqual({ en: 'worker at the works', zh: '工厂工人' });
  });
});

describe('a verb after another word, a position after a verb, and what a verb cannot govern', () => {
  it.each([
    // Was "freelance artist of the worked at the house" / 之家工作.
    ['свободный художник работал на дому', 'freelance artist, worked (at home)', '自由职业艺术家，工作（在家）'],
    // Was "worked of the assistant head …".
    ['пенсионер, работал пом. начальника охраны', 'pensioner, worked as assistant head of protection', '退休人员，担任保卫助理主管'],
    ['состоял членом ВКП(б)', 'was member of the VKP(b)', '是联共（布）成员'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('keeps Russian what a verb cannot govern, and «на учете» (on a register) is no accounting', () => {
    // Was "was of the Red Army (RKKA) (in the reserve)".
    expect(both(renderOccupation, 'находился в запасе РККА, майор').en).toBe('⟦находился в запасе РККА⟧, major');
    // Was "chief accountant at at accounting at the German section …".
    const ru = 'на учете в немецкой секции Коминтерна, Русаковское трамвайное депо: главный бухгалтер';
    expect(renderOccupation(ru, 'en').some((p) => p.untranslated)).toBe(true);
    expect(renderOccupation(ru, 'en').map((p) => p.text).join('')).not.toContain('accounting');
  });
});

describe('words said twice or word by word', () => {
  it.each([
    // Was "water transport transport" / 水运运输.
    ['начальник группы кадров Наркомата водного транспорта СССР', 'head of the group of personnel of the People’s Commissariat of water transport of the USSR', '苏联水路运输人民委员部人事组主管'],
    // Was "light athletics".
    ['руководитель кафедры легкой атлетики', 'head of the chair (department) of athletics (track and field)', '田径教研室负责人'],
    // Was "the Moscow the Kremlin".
    ['начальник политотдела Московского Кремля', 'head of the political department of the Moscow Kremlin', '莫斯科克里姆林宫政治处主管'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('keeps «the» of a name said alone', () => {
    expect(both(renderOccupation, 'начальник Кремля').en).toBe('head of the Kremlin');
  });
});

describe('two positions joined by «и», and trades that mean another thing beside their object', () => {
  it('says each position with its own chain in Chinese (was 苏维埃监察委员会苏联和主席人民委员会副主席)', () => {
    expect(both(renderOccupation, 'зам. председателя СНК СССР и председатель КСК').zh).toBe('苏联人民委员会副主席和苏维埃监察委员会主席');
    // Two positions sharing one chain stay one.
    expect(both(renderOccupation, 'секретарь и член Оргбюро ЦК ВКП(б)').zh).toBe('联共（布）中央委员会组织局秘书和成员');
  });
  it.each([
    // Was "assembler of salvage (scrap)".
    ['контора "Союзутиль": сборщик утиля', 'scrap collector at office “Soyuzutil”', '"Союзутиль"办事处：废品收集员'],
    // Was "procurement workshop": a works' shop that prepares blanks.
    ['мастер заготовительного цеха завода №119', 'foreman at the blank-preparation shop of the works No. 119', '119号工厂备料车间工长'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
});

describe('«студент 3-го курса»: the year of study', () => {
  it.each([
    // Was "student at the 3rd course" / 第3课程学生.
    ['студент 3-го курса Московского планового института', 'student in the 3rd year of the Moscow planning institute', '莫斯科计划研究所（学院）3年级学生'],
    ['начальник 3-го курса', 'head of the 3rd year', '3年级主管'],
  ])('%s', (ru, en, zh) => {
    expect(both(renderOccupation, ru)).toEqual({ en, zh });
  });
  it('keeps the courses courses', () => {
    expect(both(renderOccupation, 'студент курсов')).toEqual({ en: 'student at the courses', zh: '训练班学生' });
  });
});
