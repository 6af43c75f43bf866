import { describe, expect, it } from 'vitest';
import { ARCHIVES } from '../../../src/core/explain/next-steps.data.ts';
import { fillLetter, likelyArchives } from '../../../src/core/explain/next-steps.ts';

describe('archive addresses are only what a source confirms', () => {
  it('every address given names where it was checked', () => {
    for (const a of ARCHIVES.filter((x) => x.address !== null)) expect(a.source, a.id).toMatch(/street address: \S+/);
  });
  it('gives no postcode: none was found in a source', () => {
    for (const a of ARCHIVES) expect(a.address ?? '', a.id).not.toMatch(/\b\d{6}\b/);
    for (const a of ARCHIVES.filter((x) => x.address !== null)) expect(a.source, a.id).toMatch(/postcode not verified/);
  });
  it('the letter to the Moscow archive carries the checked street address', () => {
    const [fsb] = likelyArchives({ source: 'Расстрелы в Москве (mos.memo.ru), shot-64.htm', burialPlace: 'Бутово' });
    const letter = fillLetter({ fullName: 'Ван-Си-Сян', birthYear: 1888, source: 'Расстрелы в Москве', externalId: 'mos-shot-64-1' }, fsb!);
    expect(letter.split('\n')[1]).toBe('г. Москва, ул. Большая Лубянка, д. 20');
  });
});
