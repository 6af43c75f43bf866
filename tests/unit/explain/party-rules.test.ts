import { describe, expect, it } from 'vitest';
import type { Part } from '../../../src/core/explain/explain.types.ts';
import { glossary } from '../../../src/core/explain/glossary.ts';
import { EXPULSION_REASONS } from '../../../src/core/explain/party.data.ts';
import { renderParty } from '../../../src/core/explain/party.render.ts';

const shown = (parts: readonly Part[]) => parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.text)).join('');
const both = (ru: string) => [shown(renderParty(ru, 'zh')), shown(renderParty(ru, 'en'))];
const VKP = 'the All-Union Communist Party (Bolsheviks)';

describe('party status: dates in any form the dates reader knows, and why one was expelled (zh and en)', () => {
  it.each([
    ['исключен из ВКП(б) 5 января 1936 г.', '被开除出联共（布）（1936年1月5日）', `expelled from ${VKP} on 5 January 1936`],
    ['член ВКП(б) в 1918-1931', '联共（布）党员（1918年—1931年）', `member of ${VKP} from 1918 to 1931`],
    ['член ВКП(б) до 17.12.1937', '联共（布）党员（至1937年12月17日）', `member of ${VKP} until 17 December 1937`],
    ['член ВКП(б) с1932', '联共（布）党员（1932年起）', `member of ${VKP} since 1932`],
    ['кандидат в члены ВКП(б) 1931', '联共（布）预备党员（1931年）', `candidate member of ${VKP} in 1931`],
  ])('%s', (ru, zh, en) => {
    expect(both(ru)).toEqual([zh, en]);
  });

  it('regression «исключен из ВКП(б) в 1933 г. за …»: the expulsion, its year, its reason and the earlier history', () => {
    expect(both('исключен из ВКП(б) в 1933 г. за троцкистскую деятельность (ранее исключался в 1927 г., восстановлен 5 декабря 1931 г.)')).toEqual([
      '被开除出联共（布）（1933年），因托派活动（此前曾于1927年被开除，恢复党籍（1931年12月5日））',
      `expelled from ${VKP} in 1933 for Trotskyist activity (previously expelled in 1927, reinstated on 5 December 1931)`,
    ]);
    expect(both('исключен из ВКП(б) в 1934 г. (исключался в 1927 и 1933 гг., был восстановлен)')[1]).toBe(
      `expelled from ${VKP} in 1934 (expelled in 1927 and 1933, reinstated)`,
    );
  });

  it('keeps a status with a reason no table knows, or a date it cannot read, in Russian', () => {
    expect(both('исключен из ВКП(б) за воровство')).toEqual(['⟦исключен из ВКП(б) за воровство⟧', '⟦исключен из ВКП(б) за воровство⟧']);
    expect(both('член ВКП(б) с 1931 по декабрь 1937')[1]).toBe('⟦член ВКП(б) с 1931 по декабрь 1937⟧');
  });

  it('reasons: no form twice, every one in Chinese characters and English', () => {
    expect(() => glossary(EXPULSION_REASONS)).not.toThrow();
    const forms = EXPULSION_REASONS.flatMap((r) => r.ru);
    expect(forms.filter((f, i) => forms.indexOf(f) !== i)).toEqual([]);
    for (const r of EXPULSION_REASONS) {
      expect(r.zh).toMatch(/\p{Script=Han}/u);
      expect(`${r.zh}${r.en}`).not.toMatch(/\p{Script=Cyrillic}/u);
      expect(r.ru.every((f) => /^(?:за|как|в связи с) /.test(f))).toBe(true);
    }
  });
});
