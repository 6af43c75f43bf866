import { describe, expect, it } from 'vitest';
import { partsText } from '../../../src/core/explain/explain.types.ts';
import { englishPlaceName, renderPlace } from '../../../src/core/explain/place.render.ts';
import { ENGLISH_PLACE_NAMES, ENGLISH_WITH_APOSTROPHE } from '../../../src/core/explain/places.data.ts';
import { allPlaces, getPlace } from '../../../src/core/match/gazetteer/gazetteer.ts';

const en = (text: string) => partsText(renderPlace(text, 'en'));

describe('places in English: established names, not pinyin of the hanzi', () => {
  it.each([
    ['Китай, г. Харбин', 'China, Harbin (哈尔滨)'],
    ['Китай, провинции Шаньдун', 'China, Shandong province (山东)'],
    ['Китай, г. Мукден', 'China, Shenyang (Mukden, 沈阳)'],
    ['г. Владивосток', 'Vladivostok'],
    ['г. Хабаровск', 'Khabarovsk'],
    ['Маньчжурия', 'Manchuria (Northeast China)'],
  ])('%s → %s', (ru, expected) => {
    expect(en(ru)).toBe(expected);
  });

  it('every English name is keyed by a place the gazetteer holds', () => {
    for (const id of Object.keys(ENGLISH_PLACE_NAMES)) expect(getPlace(id), id).toBeDefined();
  });

  it('every English name cites where it comes from', () => {
    for (const [id, name] of Object.entries(ENGLISH_PLACE_NAMES)) expect(name.source.length, id).toBeGreaterThan(10);
  });

  it('no place of the gazetteer reads as pinyin with an apostrophe or tone mark unless English writes it so', () => {
    const odd = allPlaces()
      .map((p) => englishPlaceName(p))
      .filter((name) => /'/.test(name) && !ENGLISH_WITH_APOSTROPHE.includes(name));
    expect(odd).toEqual([]);
    for (const p of allPlaces()) expect(englishPlaceName(p), p.id).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
  });

  it('says a former name is former, and knows the cities of the western birthplaces in their cases', () => {
    expect(en('бывш. Могилевской губ.')).toBe('former Могилевской guberniya');
    expect(en('в Гомеле')).toBe('Gomel (Homyel)');
    expect(partsText(renderPlace('б. Тверской губ.', 'zh'))).toBe('原Тверской省（古别尔尼亚）');
  });

  it('an English name never changes the Chinese rendering', () => {
    expect(partsText(renderPlace('Китай, г. Харбин', 'zh'))).toBe('中国，哈尔滨');
  });
});
