import { describe, expect, it } from 'vitest';
import { partsText, type Part } from '../../../src/core/explain/explain.types.ts';
import { termKey } from '../../../src/core/explain/glossary.ts';
import { inflect, phraseWordDeclension } from '../../../src/core/explain/inflect.ts';
import { ADJECTIVES, NAMESAKES, ORGANISATIONS } from '../../../src/core/explain/occupation-modifiers.data.ts';
import { DEPUTY_NOUNS, FIELD_NOUNS, PERSON_NOUNS, PLACE_NOUNS, type WordEntry } from '../../../src/core/explain/occupation-words.data.ts';
import { renderOccupation } from '../../../src/core/explain/occupation.render.ts';
import { readOccupation } from '../../../src/core/explain/occupation.reader.ts';
import { LEXICON } from '../../../src/core/explain/occupation.tokens.ts';
import { feminineOf, personAdjectiveOf } from '../../../src/core/explain/occupation.feminine.ts';
import { renderAddress } from '../../../src/core/explain/address.render.ts';
import { explainRecord, fullyExplained } from '../../../src/core/explain/index.ts';
import { explainInput, readCsv } from './golden.lines.ts';

const WORDS = [...DEPUTY_NOUNS, ...PERSON_NOUNS, ...PLACE_NOUNS, ...FIELD_NOUNS, ...ADJECTIVES];
const TABLES: Record<string, readonly WordEntry[]> = { words: WORDS, organisations: ORGANISATIONS, namesakes: NAMESAKES };
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const marked = (parts: readonly Part[]) => parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.text)).join('');

describe('inflect: the case forms the records use', () => {
  it.each([
    ['завод', undefined, ['завода', 'заводе', 'заводом', 'заводов']],
    ['академия', undefined, ['академии', 'академией', 'академий']],
    ['управление', undefined, ['управления', 'управлении', 'управлением']],
    ['училище', undefined, ['училища', 'училищем']],
    ['фабрика', undefined, ['фабрики', 'фабрике', 'фабрикой']],
    ['часть', 'f-soft', ['части', 'частью']],
    ['секретарь', 'm-soft', ['секретаря', 'секретарем']],
    ['рабочий', undefined, ['рабочего', 'рабочих', 'рабочей']],
    ['тяжелый', undefined, ['тяжелой', 'тяжелого', 'тяжелых']],
    ['средний', undefined, ['средней', 'среднего', 'средних']],
    // A vowel that drops (or comes in) before an ending.
    ['красноармеец', undefined, ['красноармейца', 'красноармейцев', 'красноармейцами']],
    ['продавец', undefined, ['продавца', 'продавцом', 'продавцов']],
    ['торговец', undefined, ['торговца', 'торговцем', 'торговцев']],
    ['участок', undefined, ['участка', 'участке', 'участком']],
    ['машинистка', undefined, ['машинистки', 'машинисток']],
    ['прачка', undefined, ['прачки', 'прачек']],
    // A plural: its regular cases (the genitive is listed with the word).
    ['кадры', 'pl', ['кадрам', 'кадрами', 'кадрах']],
    ['овощи', 'pl', ['овощам', 'овощами', 'овощах']],
    ['политкаторжане', 'pl', ['политкаторжанам', 'политкаторжанах']],
  ] as const)('%s → %j', (word, decl, expected) => {
    const forms = inflect(word, decl).map((f) => f.form);
    for (const f of expected) expect(forms).toContain(f);
  });
  it('tells a head from a dependent: «завод» is only a nominative, «завода» only oblique, «фабрики» either', () => {
    const forms = new Map(inflect('фабрика').map((f) => [f.form, f]));
    expect(forms.get('фабрика')).toMatchObject({ nominative: true, oblique: false });
    expect(forms.get('фабрике')).toMatchObject({ nominative: false, oblique: true });
    expect(forms.get('фабрики')).toMatchObject({ nominative: true, oblique: true });
  });
  it('keeps the vowel where no rule drops it: «кузнец» → «кузнеца», «фабрика» → «фабрик»', () => {
    expect(inflect('кузнец').map((f) => f.form)).toContain('кузнеца');
    expect(inflect('фабрика').map((f) => f.form)).toContain('фабрик');
    expect(inflect('фабрика').map((f) => f.form)).not.toContain('фаброк');
    // Only -ок and -ец drop their vowel: «завод», «отдел», «инженер» keep theirs.
    expect(inflect('отдел').map((f) => f.form)).not.toContain('отдла');
  });
  it('declines a single word of the phrase tables written in its dictionary form, and nothing else', () => {
    expect(phraseWordDeclension('наборщик')).toBe('m');
    expect(phraseWordDeclension('прачка')).toBe('f');
    expect(phraseWordDeclension('вагоновожатый')).toBe('adj');
    for (const asWritten of ['прачечной', 'прачечную', 'рабочая', 'депо', 'зав.', 'з-д', 'слесарь', 'слесарь-механик']) expect(phraseWordDeclension(asWritten), asWritten).toBe('fixed');
    expect(LEXICON.get('наборщика')?.entry.en).toBe('typesetter');
    expect(LEXICON.get('литератором')?.entry.en).toBe('man of letters');
    expect(LEXICON.has('депа')).toBe(false);
  });
  it('refuses a word in -ь without its gender (the forms would be guessed)', () => {
    expect(() => inflect('область')).toThrow(/needs its declension/);
  });
});

describe.each(Object.entries(TABLES))('occupation table %s: invariants', (_name, entries) => {
  it('renders every entry in Chinese characters and English, never in Cyrillic', () => {
    for (const e of entries) {
      expect(e.zh, e.ru).toMatch(HAN);
      expect(e.zh, e.ru).not.toMatch(CYRILLIC);
      expect(e.en.trim().length, e.ru).toBeGreaterThan(0);
      expect(e.en, e.ru).not.toMatch(CYRILLIC);
    }
  });
  it('lists no dictionary form twice', () => {
    const keys = entries.map((e) => termKey(e.ru));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('occupation words: no generated form means two different things', () => {
  // Pairs of one meaning in the singular and the plural: a form shared between them is harmless.
  const SAME = new Set(['курсы/курс', 'инвалид/инвалиды', 'рабочий/рабочие']);
  it('every form shared by two entries is listed as the same meaning', () => {
    const owner = new Map<string, WordEntry>();
    const clashes: string[] = [];
    for (const e of WORDS) {
      const forms = e.decl === 'fixed' || /\s/.test(e.ru) ? [e.ru] : inflect(e.ru, e.decl).map((f) => f.form);
      for (const form of [...forms, ...(e.also ?? [])]) {
        const o = owner.get(termKey(form));
        // The first entry keeps a form (occupation.tokens.ts); its own dictionary form is never a clash.
        const ownLemma = o !== undefined && termKey(o.ru) === termKey(form);
        if (o && o !== e && !ownLemma && (o.en !== e.en || o.zh !== e.zh) && !SAME.has(`${o.ru}/${e.ru}`)) clashes.push(`${form}: ${o.ru} / ${e.ru}`);
        if (!o) owner.set(termKey(form), e);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('the compositional reader', () => {
  it.each([
    ['зам. начальника отдела Наркомата тяжелой промышленности СССР',
      'deputy head of the department of the People’s Commissariat of heavy industry of the USSR', '苏联重工业人民委员部处副主管'],
    ['рабочий завода "Серп и Молот"', 'worker at the works “Serp i Molot”', '"Серп и Молот"工厂工人'],
    ['преподаватель Военной академии им. Фрунзе', 'teacher at the military academy named after Frunze', '伏龙芝军事学院教员'],
    ['студент Московской сельскохозяйственной академии им.К.А.Тимирязева',
      'student at the Moscow agricultural academy named after Timiryazev', '季米里亚泽夫莫斯科农业学院学生'],
    ['ст. инженер на заводе № 24 в г. Москве', 'senior engineer at the works No. 24 in Moscow', '莫斯科24号工厂高级工程师'],
    ['начальник Гл. управления угольной и сланцевой промышленности', 'head of the chief directorate of coal and shale industry', '煤炭和页岩工业总管理局主管'],
    ['уполномоченный при СНК СССР', 'commissioner under the Council of People’s Commissars of the USSR', '苏联人民委员会下属全权代表'],
    ['начальник цеха на момент ареста', 'head of a workshop (at the time of arrest)', '车间主任（被捕时）'],
    ['военинженер 1-го ранга', 'military engineer (rank), 1st rank', '第1级军事工程师（军衔）'],
    ['инженер-экономист треста', 'engineer-economist at the trust', '托拉斯工程经济师'],
    ['техник-механик треста', 'technician-mechanic at the trust', '托拉斯技术员兼机械师'],
    ['бухгалтер Фрунзенского райсовета', 'accountant at the Frunzensky district soviet', 'Фрунзенского区苏维埃会计'],
  ])('%s', (ru, en, zh) => {
    expect(marked(readOccupation(ru, 'en'))).toBe(en);
    expect(marked(readOccupation(ru, 'zh'))).toBe(zh);
  });

  it('shows «без …» beside a position, not as what the position is "of"; a rank is "of" its service', () => {
    expect(partsText(readOccupation('актер без определенного места работы', 'en'))).toBe('actor (no fixed occupation)');
    expect(partsText(readOccupation('без работы', 'zh'))).toBe('无业');
    expect(partsText(readOccupation('капитан милиции', 'en'))).toBe('captain of the militia');
  });

  it('keeps names as names: a quoted name and a proper adjective are marked as names, not words', () => {
    const parts = readOccupation('бухгалтер Фрунзенского райсовета', 'en');
    expect(parts.filter((p) => p.name).map((p) => p.text)).toEqual(['Frunzensky']);
    expect(readOccupation('рабочий завода "Серп и Молот"', 'zh').find((p) => p.name)?.text).toBe('"Серп и Молот"');
  });

  it('marks a word in a case that does not fit where it stands, never reading a structure into it', () => {
    expect(marked(readOccupation('начальник отдел', 'en'))).toBe('head of ⟦отдел⟧');
  });

  it('leaves a phrase with any unknown word in Russian, whole and marked', () => {
    const text = 'колонщик электроцеха 1-го вагонного участка';
    expect(renderOccupation(text, 'en')).toEqual([{ text, untranslated: true }]);
    expect(renderOccupation(text, 'zh')).toEqual([{ text, untranslated: true }]);
  });

  it('keeps a body named by its first syllables (Мос-, Союз-, Нарком-) as a name and says only what they state; a surname is not one', () => {
    expect(marked(readOccupation('бухгалтер Моснарпита', 'en'))).toBe('accountant at Mosnarpita (a Moscow organisation)');
    expect(marked(readOccupation('инженер Союзрыбы', 'zh'))).toBe('Союзрыбы（全苏机构）工程师');
    expect(readOccupation('бухгалтер Моснарпита', 'zh').find((p) => p.name)?.text).toBe('Моснарпита（莫斯科机构）');
    expect(marked(readOccupation('секретарь Мосиенкова', 'en'))).toBe('secretary of ⟦Мосиенкова⟧');
  });

  it('reads a year with «г» and no full stop, a numbered station, «ж.д.им.», and asides of the reserve and illness', () => {
    expect(partsText(readOccupation('сторож с 1 сентября 1937г', 'en'))).toBe('watchman (from 1 September 1937)');
    expect(partsText(readOccupation('диспетчер ст.Москва-2 ж.д. им.Дзержинского', 'zh'))).toBe('捷尔任斯基铁路Москва-2站调度员');
    expect(partsText(readOccupation('маляр ж.д.им. Дзержинского', 'en'))).toBe('painter at the railway named after Dzerzhinsky');
    expect(partsText(readOccupation('в запасе по болезни', 'en'))).toBe('in the reserve, because of illness');
    expect(partsText(readOccupation('священник церкви пос. Наталино', 'zh'))).toBe('Наталино镇教堂神父');
    expect(partsText(renderOccupation('ст."Москва-II": весовщик', 'en'))).toBe('weigher at station "Moskva-II"');
    expect(partsText(readOccupation('инструктор Красногвардейского райкома партии Москвы', 'en'))).toBe('instructor at the Krasnogvardeisky district party committee of Moscow');
    expect(partsText(readOccupation('зам.нач.сектора Трактороцентра', 'en'))).toBe('deputy head of the sector of Traktorotsentr (the tractor centre)');
  });

  it('reads a party status among the jobs as one, with its years («в 1932-1935 кандидат в члены ВКП(б)»)', () => {
    expect(partsText(renderOccupation('в 1932-1935 кандидат в члены ВКП(б), юрисконсульт', 'zh'))).toBe('联共（布）预备党员（1932—1935年），法律顾问');
    expect(partsText(renderOccupation('1917 член партии эсеров', 'en'))).toBe('member of the Socialist Revolutionary Party (in 1917)');
    expect(renderOccupation('1917 член партии Дашнакцутюн', 'en').some((p) => p.untranslated)).toBe(true);
  });

  it('reads «ж.д.» as the railway, and as "railway" before another noun', () => {
    expect(partsText(readOccupation('слесарь ж.д. депо', 'en'))).toBe('fitter at the railway depot');
    expect(partsText(readOccupation('начальник службы пути ж.д.', 'en'))).toBe('head of the service of the track of the railway');
  });
});

describe('occupations over the fixture sample of the Moscow list', () => {
  // fixtures/mos-memo-sample.csv: 1,000 non-Chinese rows of the list. Measured 2026-12-01: see docs/web.md.
  const rows = readCsv('fixtures/mos-memo-sample.csv');
  const occupations = rows.map((r) => explainRecord(explainInput(r), 'en').find((f) => f.field === 'occupation')).filter((f) => f !== undefined);
  it('explains more than a third of them fully, and every one it explains has no Cyrillic outside names', () => {
    const full = occupations.filter((f) => fullyExplained([f]));
    expect(full.length / occupations.length).toBeGreaterThan(0.35);
    for (const f of full) expect(f.parts.filter((p) => !p.name).map((p) => p.text).join(''), f.original).not.toMatch(CYRILLIC);
  });
});

describe('the woman’s word for a position (occupation.feminine.ts)', () => {
  it.each([
    ['журналист', 'журналистка'], ['лаборант', 'лаборантка'], ['студент', 'студентка'], ['работник', 'работница'],
    ['воспитатель', 'воспитательница'], ['переводчик', 'переводчица'], ['уборщик', 'уборщица'],
  ])('%s → %s', (man, woman) => {
    expect(feminineOf(man)).toBe(woman);
  });
  it('reads it, in its cases, as the man’s word', () => {
    expect(partsText(readOccupation('журналистка газеты', 'en'))).toBe('journalist at the newspaper');
    expect(partsText(readOccupation('начальница отдела', 'zh'))).toBe('处主管');
    expect(LEXICON.get('воспитательницей')?.entry.en).toBe(LEXICON.get('воспитатель')?.entry.en);
  });
  it('never takes a word the tables give another meaning, nor a rank', () => {
    // «машинистка» is a typist, listed; not the engine driver's woman.
    expect(LEXICON.get('машинистка')?.entry.en).not.toBe(LEXICON.get('машинист')?.entry.en);
    expect(feminineOf('полковник')).toBeUndefined();
    expect(feminineOf('инженер')).toBeUndefined();
    expect(feminineOf('зав.')).toBeUndefined();
  });
});

describe('the adjective of a person’s word (occupation.feminine.ts)', () => {
  it.each([['инструктор', 'инструкторский'], ['слесарь', 'слесарский'], ['учитель', 'учительский'], ['тренер', 'тренерский']])('%s → %s', (person, adjective) => {
    expect(personAdjectiveOf(person)).toBe(adjective);
  });
  it('says the person before the noun, without the gloss in parentheses', () => {
    expect(partsText(readOccupation('начальник тренерской школы', 'en'))).toBe('head of the coach school');
    expect(partsText(readOccupation('кондуктор в кондукторском резерве', 'en'))).toBe('conductor (tram, railway) in conductor reserve');
  });
  it('is made from no word in -ик, -ец or a hushing consonant, nor from one whose adjective means another thing', () => {
    for (const ru of ['механик', 'продавец', 'сторож', 'швейцар', 'курьер', 'мастер']) expect(personAdjectiveOf(ru), ru).toBeUndefined();
    // «механический» is mechanical, from the table, not "of the mechanic".
    expect(LEXICON.get('механического')?.entry.en).toBe('mechanical');
  });
  it('is no word a table lists, so two words of a street’s name stay a name («М. Пионерская»)', () => {
    expect(LEXICON.get('пионерская')?.made).toBe(true);
    expect(partsText(renderAddress('М. Пионерская, 29-3', 'en'))).toContain('M. Pionerskaya');
  });
});

describe('a phrase whose words, one by one, would say another thing', () => {
  it.each([
    ['зав. личным столом треста', 'personnel records office', 'personal'],
    ['склад запасных частей', 'spare parts', 'unit'],
    ['институт обмена веществ', 'metabolism', 'exchange'],
    ['при Временном правительстве', 'the Provisional Government', 'temporary'],
  ])('%s says %s, not %s', (ru, phrase, word) => {
    const en = partsText(readOccupation(ru, 'en'));
    expect(en).toContain(phrase);
    expect(en).not.toContain(word);
  });
});

describe('a word contracted with a hyphen (ГОСТ 7.12-93: «хоз-во», «об-во»)', () => {
  it.each([
    ['начальник 1-го отделения паровозного хоз-ва', 'head of the 1st section of locomotive economy', '机车经济第1分部主管'],
    ['рабочий стр-ва', 'worker at the construction', '建设工程工人'],
  ])('%s', (ru, en, zh) => {
    expect(partsText(renderOccupation(ru, 'en'))).toBe(en);
    expect(partsText(renderOccupation(ru, 'zh'))).toBe(zh);
  });
  it('reads nothing where two words of the tables fit, or too little is written', () => {
    // «пр-ва»: производства or правительства.
    expect(renderOccupation('инженер пр-ва', 'en')[0]!.untranslated).toBe(true);
    // One letter before the hyphen says too little («т-ва»).
    expect(renderOccupation('рабочий т-ва', 'en')[0]!.untranslated).toBe(true);
  });
});

describe('a proper adjective of the tables cut short («Москов.», «Ленинградск.»)', () => {
  it.each([
    ['рабочий Московск. завода', 'worker at the Moscow works', '莫斯科工厂工人'],
    ['кассир Ленинградск. ж.д.', 'cashier at the Leningrad railway', '列宁格勒铁路出纳'],
  ])('%s', (ru, en, zh) => {
    expect(partsText(renderOccupation(ru, 'en'))).toBe(en);
    expect(partsText(renderOccupation(ru, 'zh'))).toBe(zh);
  });
  it('reads no common adjective cut short, nor a name no table knows', () => {
    expect(renderOccupation('Центр. школа', 'en')[0]!.untranslated).toBe(true);
    expect(renderOccupation('Коминт. р-на', 'en')[0]!.untranslated).toBe(true);
  });
});
