import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, type Lang } from '../../src/web/i18n/i18n.ts';
import { loadFixtureRows, readFixture } from '../helpers/fixtures.ts';
import { formTokenFor } from '../helpers/form-token.ts';
import { createTestApp, seedRecords, type TestApp } from '../helpers/test-app.ts';

/**
 * The public pages on the real database with the Moscow sample: each page in
 * zh, ru and en, language choice, escaping, the correction form, 404s.
 */

let t: TestApp;
let wang: number;
let evil: number;
const XSS = '<img src=x onerror=alert(1)>';
const m = (lang: Lang, key: string) => MESSAGES[lang][key]!;
const cookies = (res: { headers: Record<string, unknown> }) => ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []).join(';');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  t = await createTestApp({ CORRECTION_RATE_LIMIT: '1000' });
  const ids = await loadFixtureRows(t.database, readFixture('mos-memo-sample.csv'));
  wang = ids.get('Ван-Си-Сян')!;
  expect(wang).toBeGreaterThan(0);
  const [row] = await seedRecords(t.database, [{ fullName: `Ли ${XSS}`, birthYear: 1900, birthplace: '<script>alert(2)</script>' }]);
  evil = Number(row!.id);
}, 300_000);
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => request(t.app).get(path).set(headers);

function expectPage(html: string, lang: Lang) {
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-Hans' : lang}">`);
  expect(html).toContain('<main id="main"');
  // The language switcher on every page: each language in its own name.
  for (const l of LANGUAGES) expect(html).toContain(`hreflang="${l}"`);
  expect(html).toContain('href="/static/site.css"');
  expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>/); // no inline script
}

describe.each(LANGUAGES)('the pages in %s', (lang) => {
  it('/ has the search box and filters, in the language asked for', async () => {
    const res = await get(`/?lang=${lang}`).expect(200);
    expectPage(res.text, lang);
    expect(res.text).toContain(esc(m(lang, 'home.heading')));
    expect(res.text).toContain('<input id="q" name="q" type="search"');
    expect(res.text).toContain(`<label for="q">${esc(m(lang, 'search.q.label'))}</label>`);
    for (const id of ['birthYear', 'birthYearFrom', 'birthYearTo', 'birthplace']) expect(res.text).toContain(`<label for="${id}">`);
    expect(cookies(res)).toContain(`nb_lang=${lang}`);
  });

  it('/search finds «Ван-Си-Сян» for 王希祥 and explains it syllable by syllable', async () => {
    const res = await get(`/search?q=${encodeURIComponent('王希祥')}&lang=${lang}`).expect(200);
    expectPage(res.text, lang);
    expect(res.text).toContain(`<a href="/records/${wang}" lang="ru">Ван-Си-Сян</a>`);
    expect(res.text).toContain(esc(m(lang, 'strength.strong')));
    expect(res.text).toContain(esc(m(lang, 'explain.record')));
    expect(res.text).toContain(esc(m(lang, 'explain.input')));
    expect(res.text).toMatch(/<td lang="ru">Ван<\/td><td>wang<\/td><td>王/);
    expect(res.text).toContain('Wang Hsi-hsiang'); // Wade–Giles
    expect(res.text).toMatch(/<span class="hanzi" lang="zh-Hans">王/); // likely surname characters
  });

  it('/records/:id shows every field, the source, the history and the correction form', async () => {
    const res = await get(`/records/${wang}?lang=${lang}`).expect(200);
    expectPage(res.text, lang);
    expect(res.text).toContain('<h1 lang="ru">Ван-Си-Сян</h1>');
    expect(res.text).toContain(esc(m(lang, 'field.fullName')));
    expect(res.text).toContain(esc(m(lang, 'field.birthYear')));
    expect(res.text).toContain('<cite>mos.memo.ru</cite>');
    expect(res.text).toContain(esc(m(lang, 'history.kind.record.inserted')));
    expect(res.text).toContain('<input id="hanzi" name="hanzi"');
    expect(res.text).toContain('name="pinyin"');
    expect(res.text).toContain('name="evidence"');
    expect(res.text).toContain(esc(m(lang, 'correction.contact.privacy')));
  });

  it('/login has labelled email and password fields', async () => {
    const res = await get(`/login?lang=${lang}`).expect(200);
    expectPage(res.text, lang);
    expect(res.text).toContain(`<label for="email">${esc(m(lang, 'login.email'))}</label>`);
    expect(res.text).toContain('<input id="password" name="password" type="password"');
  });

  it('an unknown record is a 404 page in the language', async () => {
    const res = await get(`/records/999999999?lang=${lang}`).expect(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expectPage(res.text, lang);
    expect(res.text).toContain(esc(m(lang, 'error.404.title')));
  });
});

describe('choosing the language', () => {
  it('remembers ?lang in a cookie', async () => {
    const agent = request.agent(t.app);
    await agent.get('/?lang=ru').expect(200);
    const res = await agent.get('/search?q=Wang').expect(200);
    expect(res.text).toContain('<html lang="ru">');
  });

  it('follows Accept-Language without a choice, English otherwise', async () => {
    expect((await get('/', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).text).toContain('<html lang="zh-Hans">');
    expect((await get('/', { 'accept-language': 'de,ru;q=0.5' })).text).toContain('<html lang="ru">');
    expect((await get('/', { 'accept-language': 'fr' })).text).toContain('<html lang="en">');
  });

  it('never translates names and record data', async () => {
    for (const lang of LANGUAGES) {
      const res = await get(`/records/${wang}?lang=${lang}`);
      expect(res.text).toContain('Ван-Си-Сян');
    }
  });
});

describe('bad input', () => {
  it('shows record data with markup as text', async () => {
    const res = await get(`/records/${evil}`).expect(200);
    expect(res.text).not.toContain(XSS);
    expect(res.text).not.toContain('<script>alert(2)');
    expect(res.text).toContain(esc(`Ли ${XSS}`));
    expect(res.text).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('echoes a search for markup as text', async () => {
    const res = await get(`/search?q=${encodeURIComponent('"><script>alert(3)</script>')}`).expect(200);
    expect(res.text).not.toContain('<script>alert(3)');
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"');
  });

  it('re-renders the search form with each error next to its field', async () => {
    const res = await get('/search?q=&birthYear=12ab&lang=ru').expect(400);
    expect(res.text).toContain('id="q-error"');
    expect(res.text).toContain('id="birthYear-error"');
    expect(res.text).toContain(esc(m('ru', 'search.error.birthYear')));
    expect(res.text).toMatch(/<input id="birthYear"[^>]*value="12ab" aria-invalid="true" aria-describedby="birthYear-error">/);
    expect(res.text).toContain('class="error-summary" role="alert"');
  });

  it('refuses a cursor it did not issue with the form, not a crash', async () => {
    const res = await get('/search?q=Wang&cursor=%%%').expect(400);
    expect(res.text).toContain('id="cursor-error"');
  });

  it('a malformed record id is a 400 page; the JSON API keeps JSON', async () => {
    const page = await get('/records/abc').expect(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const api = await get('/api/records/999999999').expect(404);
    expect(api.body.error.code).toBe('not_found');
    const unknown = await get('/no/such/page').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
  });
});

describe('pagination', () => {
  it('pages through results with the cursor', async () => {
    const first = await get('/search?q=Wang&limit=2').expect(200);
    const next = /<a href="([^"]+)" rel="next">/.exec(first.text);
    expect(next).not.toBeNull();
    const href = next![1]!.replace(/&amp;/g, '&');
    expect(href).toMatch(/^\/search\?q=Wang&limit=2&cursor=/);
    const second = await get(href).expect(200);
    const ids = (html: string) => [...html.matchAll(/<a href="\/records\/(\d+)" lang="ru">/g)].map((x) => x[1]);
    expect(ids(second.text).length).toBeGreaterThan(0);
    expect(ids(second.text).filter((id) => ids(first.text).includes(id))).toEqual([]);
    expect(second.text).toContain('href="/search?q=Wang&amp;limit=2"'); // back to the first page
  });

  it.each(LANGUAGES)('says in %s that an unknown birthplace did not filter the results (escaped)', async (lang) => {
    const place = `Атлантида <b>${lang}</b>`;
    const res = await get(`/search?q=Wang&birthplace=${encodeURIComponent(place)}&lang=${lang}`).expect(200);
    expect(res.text).toContain(esc(m(lang, 'search.warnings')));
    expect(res.text).toContain(`<li>${esc(m(lang, 'search.warning.unknown_birthplace').replace('{birthplace}', place))}</li>`);
    expect(res.text).not.toContain('is not a place we know'); // not the API's English
  });

  it('applies the filters', async () => {
    const res = await get(`/search?q=${encodeURIComponent('王希祥')}&birthYearFrom=1700&birthYearTo=1701`).expect(200);
    expect(res.text).not.toContain('Ван-Си-Сян</a>');
  });
});

describe('the correction form', () => {
  it('re-renders with the errors next to the fields, keeping what was typed', async () => {
    const { cookie, _csrf } = await formTokenFor(t.app, `/records/${wang}`);
    const res = await request(t.app)
      .post(`/records/${wang}/corrections?lang=zh`)
      .set('Cookie', cookie)
      .type('form')
      .send({ hanzi: 'abc', pinyin: '', evidence: 'family letters', name: '', email: 'not-an-email', _csrf })
      .expect(400);
    expect(res.text).toContain(`<input type="hidden" name="_csrf" value="${_csrf}">`); // the same token again
    expect(res.text).toContain('<html lang="zh-Hans">');
    expect(res.text).toContain('id="hanzi-error"');
    expect(res.text).toContain(esc(m('zh', 'correction.error.hanzi')));
    expect(res.text).toMatch(/<input id="hanzi"[^>]*value="abc"/);
    expect(res.text).toContain('family letters</textarea>');
  });

  it('takes a proposal and confirms it, without ever showing the contact publicly', async () => {
    const { cookie, _csrf } = await formTokenFor(t.app, `/records/${wang}`);
    const res = await request(t.app)
      .post(`/records/${wang}/corrections`)
      .set('Cookie', cookie)
      .type('form')
      .send({ hanzi: '王希祥', pinyin: '', evidence: `letters ${XSS}`, name: 'Secret Name', email: 'secret-family@example.org', _csrf })
      .expect(303);
    expect(res.headers.location).toBe(`/records/${wang}/correction-sent`);
    const sent = await get(`${res.headers.location}?lang=ru`).expect(200);
    expect(sent.text).toContain(esc(m('ru', 'sent.heading')));
    const record = await get(`/records/${wang}`).expect(200);
    expect(record.text).toContain(esc(m('en', 'history.kind.correction.submitted')));
    expect(record.text).not.toContain('secret-family@example.org');
    expect(record.text).not.toContain('Secret Name');
  });

  it('an unknown record is a 404 for the form too', async () => {
    const { cookie, _csrf } = await formTokenFor(t.app, `/records/${wang}`);
    await request(t.app).post('/records/999999999/corrections').set('Cookie', cookie).type('form').send({ hanzi: '王', evidence: 'x', _csrf }).expect(404);
  });
});

describe('the correction form’s CSRF token', () => {
  const proposal = { hanzi: '王希祥', pinyin: '', evidence: 'forged letters', name: '', email: '' };
  const submitted = async () =>
    Number((await t.database.db.selectFrom('corrections').select((eb) => eb.fn.countAll<string>().as('n')).where('evidence', '=', proposal.evidence).executeTakeFirstOrThrow()).n);

  it('is set in a cookie when the form is rendered and kept while the cookie is sent back', async () => {
    const first = await get(`/records/${wang}`).expect(200);
    const setCookie = cookies(first);
    expect(setCookie).toMatch(/nb_form=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const token = /nb_form=([A-Za-z0-9_-]{43})/.exec(setCookie)![1]!;
    expect(first.text).toContain(`<input type="hidden" name="_csrf" value="${token}">`);
    const again = await get(`/records/${evil}`, { Cookie: `nb_form=${token}` }).expect(200);
    expect(cookies(again)).not.toContain('nb_form=');
    expect(again.text).toContain(`value="${token}"`);
  });

  it('over https the cookie is __Host- and Secure', async () => {
    const res = await get(`/records/${wang}`, { 'x-forwarded-proto': 'https' }).expect(200);
    expect(cookies(res)).toMatch(/^__Host-nb_form=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure/);
  });

  it.each<[string, (f: { cookie: string; _csrf: string }) => { cookie?: string; field?: string; headers?: Record<string, string> }]>([
    ['no token at all', () => ({})],
    ['the cookie without the field', (f) => ({ cookie: f.cookie })],
    ['the field without the cookie', (f) => ({ field: f._csrf })],
    ['a field that is not the cookie’s', (f) => ({ cookie: f.cookie, field: 'A'.repeat(43) })],
    ['a post from another site, token and all', (f) => ({ cookie: f.cookie, field: f._csrf, headers: { 'sec-fetch-site': 'cross-site' } })],
  ])('refuses %s: 403 page in the visitor’s language, nothing stored', async (_name, make) => {
    const f = await formTokenFor(t.app, `/records/${wang}`);
    const { cookie, field, headers } = make(f);
    const req = request(t.app).post(`/records/${wang}/corrections?lang=ru`).set(headers ?? {});
    if (cookie) req.set('Cookie', cookie);
    const res = await req.type('form').send({ ...proposal, ...(field ? { _csrf: field } : {}) }).expect(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="ru">');
    expect(res.text).toContain(esc(m('ru', 'error.csrf.title')));
    expect(res.text).toContain(`<a href="/records/${wang}">${esc(m('ru', 'error.csrf.back'))}</a>`);
    expect(await submitted()).toBe(0);
  });

  it('accepts the same post from our own page (Sec-Fetch-Site: same-origin)', async () => {
    const { cookie, _csrf } = await formTokenFor(t.app, `/records/${wang}`);
    await request(t.app).post(`/records/${wang}/corrections`).set({ Cookie: cookie, 'sec-fetch-site': 'same-origin' }).type('form').send({ ...proposal, _csrf }).expect(303);
    expect(await submitted()).toBe(1);
  });
});

describe('headers and assets', () => {
  it('serves its own CSS and script; the CSP allows only them, and no https upgrade over http', async () => {
    const res = await get('/');
    const csp = res.headers['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect((await get('/static/site.css').expect(200)).headers['content-type']).toMatch(/text\/css/);
    expect((await get('/static/site.js').expect(200)).headers['content-type']).toMatch(/javascript/);
  });

  it('keeps HSTS and the upgrade behind an https proxy', async () => {
    const res = await get('/', { 'x-forwarded-proto': 'https' });
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
