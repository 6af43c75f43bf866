import { describe, expect, it } from 'vitest';
import { decode, detectScript } from '../../../src/core/transliteration/index.ts';

function top(text: string): string | undefined {
  return decode(text).readings[0]?.pinyin;
}

function pinyins(text: string): string[] {
  return decode(text).readings.map((r) => r.pinyin);
}

describe('detectScript', () => {
  it.each([
    ['Ван-Си-Сян', 'cyrillic'],
    ['Wang Xixiang', 'latin'],
    ['王西祥', 'han'],
    ['Ван 王', 'mixed'],
    ['', 'empty'],
    ['12 - ,', 'empty'],
  ] as const)('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe('Cyrillic records', () => {
  it('decodes the standard record form with a per-syllable explanation', () => {
    const r = decode('Ван-Си-Сян').readings[0]!;
    expect(r).toMatchObject({ pinyin: 'wang xi xiang', cost: 0, surname: ['wang'], given: ['xi', 'xiang'] });
    expect(r.syllables[0]).toEqual({ text: 'Ван', pinyin: 'wang', palladius: 'ван', wadeGiles: 'wang', rule: 'standard', cost: 0 });
  });

  it('reads spaced, modern and joined forms alike', () => {
    for (const t of ['Ван Си Сян', 'Ван Сисян', 'Вансисян', 'ВАН-СИ-СЯН']) expect(top(t), t).toBe('wang xi xiang');
  });

  it('е for э', () => {
    expect(top('Чен-Вей-И')).toBe('cheng wei yi');
    expect(decode('Чен-Вей-И').readings[0]!.syllables[1]!.rule).toBe('е-for-э');
  });

  it('soft sign lost or added is a ranked alternative', () => {
    expect(pinyins('Чжоу-Хуа-Нан')).toContain('zhou hua nan');
    expect(top('Шаньдунь')).toBe('shan dong');
  });

  it('дж/дз/з for чж/цз', () => {
    expect(top('Цзян-Зы-Ян')).toBe('jiang zi yang');
    expect(top('Джан-Сюэ-Лян')).toBe('zhang xue liang');
    expect(pinyins('Тяньдзинь')).toContain('tian jin');
  });

  it('older ын', () => {
    expect(top('Мын-Бин-Юй Франц Эдуардович')).toBe('meng bing yu');
    expect(top('Фын-Юй-Сян')).toBe('feng yu xiang');
  });

  it('Russian parts are split off', () => {
    expect(decode('Хан-Гу-Го Василий Васильевич').russianParts).toEqual(['Василий', 'Васильевич']);
    expect(decode('Лю-Фа В.').russianParts).toEqual(['В.']);
    expect(decode('Лю-Фа В.В.').russianParts).toEqual(['В.В.']);
    expect(top('Лю-Фа В.')).toBe('liu fa');
  });

  it('regression Ян-Ман-Чун: a syllable that is also a Russian name (Ян) stays Chinese', () => {
    expect(top('Ян Ман Чун')).toBe('yang mang chong');
  });

  it('regression Е: a bare capital letter is a syllable, not an initial', () => {
    expect(top('Е')).toBe('ye');
    expect(top('Я Нюэ')).toBe('ya nüe');
  });

  it('case endings are tried at a cost', () => {
    const r = decode('Ван-Си-Сяна').readings[0]!;
    expect(r.pinyin).toBe('wang xi xiang');
    expect(r.syllables[2]!.rule).toContain('case-ending');
    expect(pinyins('Ли-Сан-Джином')).toContain('li sang jing');
  });

  it('compound surnames', () => {
    const r = decode('Ой-Ян-Шин').readings[0]!;
    expect(r.surname).toEqual(['ou', 'yang']);
    expect(decode('Оуян Сю').readings[0]).toMatchObject({ surname: ['ou', 'yang'], given: ['xiu'] });
    expect(decode('Сыма Цянь').readings[0]).toMatchObject({ pinyin: 'si ma qian', surname: ['si', 'ma'] });
  });

  it('aliases for conventional forms', () => {
    expect(top('Сунь Ятсен')).toBe('sun zhong shan');
    expect(pinyins('Сунь Ятсен')).toContain('sun yi xian');
    expect(top('Чан Кайши')).toBe('jiang jie shi');
    expect(decode('Пекин').readings[0]).toMatchObject({ pinyin: 'bei jing', surname: [] });
    expect(top('Харбин')).toBe('ha er bin');
  });

  it('forms that came through English go through the Wade–Giles channel', () => {
    expect(top('Сунг')).toBe('song');
    expect(pinyins('Чианг')).toContain('jiang');
    const kuo = decode('Ли-Куо').readings.find((r) => r.pinyin === 'li guo');
    expect(kuo?.syllables[1]!.rule).toContain('wade-giles-channel');
  });

  it('ъ separates syllables (Чанъань)', () => {
    expect(top('Чанъань')).toBe('chang an');
  });
});

describe('Latin input', () => {
  it('pinyin with tone marks, tone numbers, any joining and case', () => {
    for (const t of ['Wáng Xīxiáng', 'wang2 xi1xiang2', 'WANG XIXIANG', 'wangxixiang', 'Wang Xi-xiang', 'WangXiXiang']) expect(top(t), t).toBe('wang xi xiang');
  });

  it('ü typed as ü, v, u: or yu', () => {
    for (const t of ['Lǚ', 'lü', 'lv', 'lu:', 'lyu']) expect(top(t), t).toBe('lü');
  });

  it("apostrophe separates syllables (xi'an)", () => {
    expect(top("xi'an")).toBe('xi an');
    expect(top('xian')).toBe('xian');
  });

  it('given name first', () => {
    const r = decode('Xixiang Wang').readings[0]!;
    expect(r).toMatchObject({ pinyin: 'wang xi xiang', surname: ['wang'] });
  });

  it('Wade–Giles with and without apostrophes and diacritics', () => {
    expect(top('Wang Hsi-hsiang')).toBe('wang xi xiang');
    expect(top('Chang Hsüeh-liang')).toBe('zhang xue liang');
    expect(top('Chang Hsueh-liang')).toBe('zhang xue liang');
    expect(top("Ch'en Tu-hsiu")).toBe('chen du xiu');
    expect(top('Hsü')).toBe('xu');
    expect(top('Hsu')).toBe('xu');
    expect(top("Tz'u")).toBe('ci');
    expect(top('Tzŭ')).toBe('zi');
    expect(top('Ssu')).toBe('si');
    expect(top('Jih')).toBe('ri');
    expect(top('Mao Tse-tung')).toBe('mao ze dong');
  });

  it('Latin transliterations of the Russian record', () => {
    expect(top('Van Si-Syan')).toBe('wang xi xiang');
    expect(top('Chzhan')).toBe('zhang');
    expect(top('Tszyan')).toBe('jiang');
    expect(top('Dzyan')).toBe('jiang');
    expect(top('Van Si-Sian')).toBe('wang xi xiang');
  });

  it('single pinyin syllable zhi → zhi with palladius чжи', () => {
    const r = decode('zhi').readings[0]!;
    expect(r.pinyin).toBe('zhi');
    expect(r.syllables[0]!.palladius).toBe('чжи');
  });
});

describe('characters', () => {
  it('simplified and traditional', () => {
    expect(decode('王西祥').readings[0]).toMatchObject({ pinyin: 'wang xi xiang', hanzi: '王西祥', surname: ['wang'] });
    expect(top('張學良')).toBe('zhang xue liang');
  });

  it.each([
    ['单雄信', 'shan xiong xin'],
    ['曾国藩', 'zeng guo fan'],
    ['仇英', 'qiu ying'],
    ['解缙', 'xie jin'],
  ])('surname reading of %s', (text, expected) => {
    expect(top(text)).toBe(expected);
  });

  it('compound surname 欧阳修', () => {
    expect(decode('欧阳修').readings[0]).toMatchObject({ surname: ['ou', 'yang'], given: ['xiu'] });
  });

  it('polyphonic characters give ranked alternatives', () => {
    const r = pinyins('单雄信');
    expect(r[0]).toBe('shan xiong xin');
    expect(r).toContain('dan xiong xin');
  });
});

describe('bounds', () => {
  it('never more readings than asked', () => {
    expect(decode('Ван-Си-Сян', { maxReadings: 3 }).readings.length).toBeLessThanOrEqual(3);
    expect(decode('Ван-Си-Сян', { maxReadings: 0 }).readings.length).toBeLessThanOrEqual(1);
  });

  it('10 kB of garbage returns fast', () => {
    const garbage = 'Щъ!ж' .repeat(2500) + 'Ван'.repeat(1000);
    const t = performance.now();
    const r = decode(garbage);
    expect(performance.now() - t).toBeLessThan(200);
    expect(r.readings.length).toBeLessThanOrEqual(8);
  });

  it('cost is the sum of the syllable costs', () => {
    for (const t of ['Гоо-Цын-Хын', 'Xixiang Wang', 'Хоз-Зай-Сяо', 'Ван-Си-Сяна', 'Chzhan']) {
      for (const r of decode(t).readings) {
        expect(r.cost, `${t} ${r.pinyin}`).toBeCloseTo(r.syllables.reduce((a, s) => a + s.cost, 0), 3);
      }
    }
  });
});
