import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, startApp, type RunningApp } from './browser.helpers.ts';

/**
 * The record in the family's language, in a real browser: «Ван-Си-Сян» (Moscow
 * list) explained in Chinese and in English beside the untouched Russian
 * record, the filled letter, the citation, Open Graph tags, and the A4 print.
 */

if (!hasChromium && process.env.CI) throw new Error('CI must provide /usr/bin/chromium (see .ci/run)');

const BIOGRAPHY = 'род. 1888, Китай, г. Шаньдун а, китаец, б/п, Прачечная № 5: гладильщик. Адрес: Грохольский пер., д.13, кв. 11. Рассстрелян 10.09.1938. Место захоронения: Бутово.';

describe.skipIf(!hasChromium)('the record explained, in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let wang: number;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    wang = app.ids.get('Ван-Си-Сян')!;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const open = async (lang: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/records/${wang}?lang=${lang}`);
    return page;
  };
  const fact = (page: Page, field: string) => page.locator(`.facts-explained dd[data-field="${field}"] .fact-text`).textContent();

  it('in Chinese: 山东, 1938年9月10日, 枪决 and 布托沃, beside the Russian text as written', async () => {
    const page = await open('zh');
    await expect.poll(() => page.locator('#explained-heading').textContent()).toBe('这份记录说了什么');
    expect(await fact(page, 'birthplace')).toBe('中国，山东');
    expect(await fact(page, 'executedOn')).toBe('1938年9月10日被枪决');
    expect(await fact(page, 'burialPlace')).toMatch(/^布托沃/);
    expect(await fact(page, 'occupation')).toBe('5号洗衣房：熨烫工');
    // The record itself, untouched, comes first.
    const record = page.locator('dl.fields dd', { hasText: 'Рассстрелян' });
    expect(await record.textContent()).toBe(BIOGRAPHY);
    const [recordBox, explainedBox] = await Promise.all([page.locator('dl.fields').boundingBox(), page.locator('.explained').boundingBox()]);
    expect(recordBox!.y).toBeLessThan(explainedBox!.y);
    expect(await page.locator('.facts-explained q').first().textContent()).toBe('род. 1888');
    expect(await page.locator('.facts-explained mark.untranslated').count()).toBe(0);
    await page.close();
  });

  it('in English: Shandong, 10 September 1938, shot, Butovo; a letter in Russian, a citation and Open Graph tags', async () => {
    const page = await open('en');
    expect(await fact(page, 'birthplace')).toBe('China, Shandong (山东)');
    expect(await fact(page, 'executedOn')).toBe('shot on 10 September 1938');
    expect(await fact(page, 'burialPlace')).toBe('Butovo (the NKVD firing range near Moscow)');
    const letter = await page.locator('pre.letter').textContent();
    expect(letter).toContain('Ван-Си-Сян, 1888 г. р.');
    expect(letter).toContain('расстрелян(а): 10.09.1938; место захоронения: Бутово;');
    expect(letter).toContain('от ________________________________');
    expect(await page.locator('.archives li').first().textContent()).toContain('Directorate of the FSB of Russia for Moscow and the Moscow Region');
    expect(await page.locator('blockquote.citation').textContent()).toMatch(new RegExp(`^“Ван-Си-Сян”, born 1888\\. mos\\.memo\\.ru, record mos-shot-12-139\\. namebridge, http://127\\.0\\.0\\.1:\\d+/records/${wang} \\(accessed \\d{1,2} \\w+ \\d{4}\\)\\.$`));
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe('Ван-Си-Сян (1888 – 10.09.1938)');
    expect(await page.getAttribute('meta[property="og:description"]', 'content')).toContain('shot on 10 September 1938');
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toMatch(new RegExp(`/records/${wang}$`));
    await page.close();
  });

  it('prints on A4 without the forms: the record, its explanation and the letter', async () => {
    const page = await open('zh');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form').first().isVisible()).toBe(false);
    expect(await page.locator('header.site').isVisible()).toBe(false);
    for (const selector of ['dl.fields', '.explained', 'pre.letter', 'blockquote.citation']) expect(await page.locator(selector).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2); // the letter starts on its own page
    expect(pages.length).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('search results carry a one-line explained summary', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/search?q=${encodeURIComponent('王希祥')}&lang=zh`);
    const summary = page.locator('li.result', { has: page.locator(`a[href="/records/${wang}"]`) }).locator('p.summary');
    expect(await summary.textContent()).toBe('摘要: 1888年生于中国，山东 · 1938年9月10日被枪决');
    await page.goto(`${app.url}/search?q=Wang+Xixiang&lang=en`);
    expect(await page.locator('li.result', { has: page.locator(`a[href="/records/${wang}"]`) }).locator('p.summary').textContent())
      .toBe('In short: born 1888 in China, Shandong (山东) · shot on 10 September 1938');
    await page.close();
  });
});
