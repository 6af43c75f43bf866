import { describe, expect, it } from 'vitest';
import type { Part } from '../../../src/core/explain/explain.types.ts';
import { renderAddress } from '../../../src/core/explain/address.render.ts';
import { renderPlace } from '../../../src/core/explain/place.render.ts';

/** Names in {braces}, what stayed Russian in ⟦brackets⟧. */
const shown = (parts: readonly Part[]) => parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.name ? `{${p.text}}` : p.text)).join('');
const both = (ru: string) => [shown(renderPlace(ru, 'zh')), shown(renderPlace(ru, 'en'))];

describe('birthplaces: rules for what the reader used to mis-split (zh and en)', () => {
  it('keeps a town the record says one was born «в» as its name, as written', () => {
    expect(both('в Кременце')).toEqual(['{Кременце}', '{Кременце}']);
    expect(both('в Переславле-Залесском')).toEqual(['{Переславле-Залесском}', '{Переславле-Залесском}']);
  });

  it('keeps an unknown name without «в» marked: only the preposition says it is a place', () => {
    expect(both('Харьковская обл., Мирополь')[1]).toBe('{Харьковская} oblast, ⟦Мирополь⟧');
  });

  it('leaves a lower-case word after «в» and an unknown Chinese province marked, never taken for a name', () => {
    expect(both('в урочище')).toEqual(['⟦урочище⟧', '⟦урочище⟧']);
    expect(shown(renderPlace('Китай, провинции Фунте', 'en'))).toMatch(/^China, ⟦Фунте⟧/);
  });

  it('reads names alone in parentheses beside a named place as its other spellings', () => {
    expect(both('Лифляндская губ., г. Пернова (Пярну)')).toEqual([
      '{Лифляндская}省（古别尔尼亚），{Пернова}（{Пярну}）',
      '{Лифляндская} guberniya, {Пернова} ({Пярну})',
    ]);
    expect(both('с. Казачья-Пельма (Пелетьма, Пельтма)')[1]).toBe('{Казачья-Пельма} village ({Пелетьма}, {Пельтма})');
  });

  it('regression «Березукская вол. (Калининская обл. )»: a space before the closing parenthesis is no segment', () => {
    expect(both('Березукская вол. (Калининская обл. ), с. Березук')).toEqual([
      '{Березукская}乡（{Калининская}州），{Березук}村',
      '{Березукская} volost ({Калининская} oblast), {Березук} village',
    ]);
  });

  it('reads a nationality written into the birthplace as the nationality, with the other record’s', () => {
    expect(both('г. МОсквы, русский (немец)')).toEqual(['莫斯科，俄罗斯人（德意志人）', 'Moscow, Russian (German)']);
    expect(both('в Луганске, русский (по другим данным - еврей)')[1]).toBe('Luhansk (Lugansk), Russian (other records say: Jewish)');
  });
});

describe('addresses: what clerks typed for punctuation (zh and en)', () => {
  const plain = (parts: readonly Part[]) => parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.text)).join('');
  const address = (ru: string) => [plain(renderAddress(ru, 'zh')), plain(renderAddress(ru, 'en'))];
  it.each([
    ['пр-д Девичьего Поля, д.2., кв. 147', 'Девичьего Поля通道，2号，147室', 'Devichego Polya passage, house 2, apt. 147'],
    ['2-й Колобовский пер. . Д. 12, кв. 13', '2-й Колобовский胡同（巷），12号，13室', '2nd Kolobovsky lane, house 12, apt. 13'],
    ['ул. Добровольческая, д, 7, кв. 4', 'Добровольческая街，7号，4室', 'Dobrovolcheskaya street, house 7, apt. 4'],
    ['М. Грузинскаяул., д.50/13, кв. 33', 'М. Грузинская街，50/13号，33室', 'M. Gruzinskaya street, house 50/13, apt. 33'],
  ])('regression «%s»', (ru, zh, en) => {
    expect(address(ru)).toEqual([zh, en]);
  });
  it('reads a second address after «$» said to be one, and keeps anything else after «$» in Russian', () => {
    expect(address('Долгий пер., д.5, кв.1$ другой адрес: ул.Чекистская, д.11')[1]).toBe('Dolgy lane, house 5, apt. 1; other address: Chekistskaya street, house 11');
    expect(address('Долгий пер., д.5, кв.1$ снимала комнату')[1]).toBe('Dolgy lane, house 5, apt. 1; ⟦снимала комнату⟧');
  });
});
