import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, languageLinks, pickLanguage } from '../../../src/web/language.ts';
import { safeNext } from '../../../src/web/web.auth.ts';
import { isWebPath } from '../../../src/web/web.errors.ts';

describe('pickLanguage', () => {
  it('prefers ?lang, then the cookie, then Accept-Language, then English', () => {
    expect(pickLanguage({ query: 'ru', cookie: 'zh', acceptLanguage: 'en' })).toBe('ru');
    expect(pickLanguage({ query: 'xx', cookie: 'zh', acceptLanguage: 'en' })).toBe('zh');
    expect(pickLanguage({ query: ['ru', 'zh'], cookie: 'fr', acceptLanguage: 'zh-CN,zh;q=0.9' })).toBe('zh');
    expect(pickLanguage({})).toBe('en');
  });

  it('reads Accept-Language with its q-values and region subtags', () => {
    expect(fromAcceptLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(fromAcceptLanguage('de-DE,de;q=0.9,ru;q=0.8,en;q=0.7')).toBe('ru');
    expect(fromAcceptLanguage('en;q=0.5, ru;q=0.9')).toBe('ru');
    expect(fromAcceptLanguage('fr, de')).toBeUndefined();
    expect(fromAcceptLanguage('ru;q=0, en')).toBe('en');
    expect(fromAcceptLanguage('*')).toBeUndefined();
  });
});

describe('languageLinks', () => {
  it('keeps the page and its query, setting only lang', () => {
    const links = languageLinks('/search?q=%E7%8E%8B&lang=en&cursor=abc');
    expect(links.map((l) => l.lang)).toEqual(['zh', 'ru', 'en']);
    expect(links[1]!.href).toBe('/search?q=%E7%8E%8B&lang=ru&cursor=abc');
  });
});

describe('safeNext', () => {
  it('allows same-site paths only', () => {
    expect(safeNext('/moderation?status=pending')).toBe('/moderation?status=pending');
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'moderation', undefined, 42, '/a\nb']) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});

describe('isWebPath', () => {
  it('leaves the API, the health check and static files alone', () => {
    expect(isWebPath('/')).toBe(true);
    expect(isWebPath('/records/1')).toBe(true);
    expect(isWebPath('/api/records/1')).toBe(false);
    expect(isWebPath('/healthz')).toBe(false);
    expect(isWebPath('/static/site.css')).toBe(false);
  });
});

describe('pageUrlOf (where the language links of a page point)', () => {
  it('is the URL for a GET, and the form’s page after a post', async () => {
    const { pageUrlOf } = await import('../../../src/web/web.render.ts');
    expect(pageUrlOf({ method: 'GET', originalUrl: '/search?q=x', path: '/search' })).toBe('/search?q=x');
    expect(pageUrlOf({ method: 'POST', originalUrl: '/records/7/corrections?lang=ru', path: '/records/7/corrections' })).toBe('/records/7');
    expect(pageUrlOf({ method: 'POST', originalUrl: '/moderation/3/reject', path: '/moderation/3/reject' })).toBe('/moderation');
    expect(pageUrlOf({ method: 'POST', originalUrl: '/login', path: '/login' })).toBe('/login');
  });
});
