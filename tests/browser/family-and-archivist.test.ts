import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedUser } from '../helpers/test-app.ts';
import { hasChromium, launchChromium, startApp, type RunningApp } from './browser.helpers.ts';

/**
 * The story in a real browser (Debian's Chromium, headless): a family
 * searches in Chinese, finds «Ван-Си-Сян», proposes 王希祥; an archivist logs
 * in, sees a hostile submission as text, approves the family's; the record and
 * the search then show the attested name. Plus the language switcher and an
 * import with a bad row.
 */

const XSS = '<img src=x onerror=alert(1)>';

// In CI Chromium is installed by .ci/run, so its absence is a failure there; on a
// developer's machine without it these tests say so and are skipped.
if (!hasChromium && process.env.CI) throw new Error('CI must provide /usr/bin/chromium (see .ci/run)');

describe.skipIf(!hasChromium)('in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let family: BrowserContext;
  let staff: BrowserContext;
  let archivist: Awaited<ReturnType<typeof seedUser>>;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const track = (page: Page) => {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // A blocked script or style (CSP) or a missing asset shows up as a console error.
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${m.text()} (${m.location().url})`);
    });
    return page;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    archivist = await seedUser(app.database, { role: 'archivist', displayName: 'Archivist Chen' });
    family = await browser.newContext({ locale: 'zh-CN' }); // Accept-Language: zh-CN
    staff = await browser.newContext({ locale: 'en-GB' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a family, in Chinese, searches 王希祥, finds «Ван-Си-Сян», opens it and proposes the name', async () => {
    const page = track(await family.newPage());
    await page.goto(app.url);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    await expect.poll(() => page.locator('h1').textContent()).toBe('查找亲人');
    await page.getByLabel('姓名', { exact: true }).fill('王希祥');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const result = page.getByRole('link', { name: 'Ван-Си-Сян' });
    await expect.poll(() => result.count()).toBeGreaterThan(0);
    // The explanation: record Cyrillic | pinyin | your input.
    const firstResult = page.locator('li.result').filter({ has: result }).first();
    expect(await firstResult.locator('table.explain tbody tr').first().innerText()).toMatch(/Ван\s+wang\s+王/);
    expect(await firstResult.locator('.strength').innerText()).toBe('高度相符');

    await result.first().click();
    await page.waitForURL(/\/records\/\d+$/);
    expect(await page.locator('h1').innerText()).toBe('Ван-Си-Сян');
    expect(await page.locator('#contact-privacy').innerText()).toContain('只有本名录的档案员能看到');
    await page.getByLabel('汉字姓名').fill('王希祥');
    await page.getByLabel('依据').fill('家书：1936年的信，署名王希祥。');
    await page.getByLabel('您的电子邮箱').fill('wang.family@example.org');
    await page.getByRole('button', { name: '提交更正' }).click();
    await page.waitForURL(/\/correction-sent$/);
    expect(await page.locator('h1').innerText()).toBe('谢谢，我们已收到您的更正');
    await page.close();
  });

  it('a hostile submission is shown on the moderation page as text, and no dialog fires', async () => {
    const page = track(await family.newPage());
    await page.goto(`${app.url}/records/${app.ids.get('Ван-Си-Сян')}`);
    await page.getByLabel('汉字姓名').fill('王');
    await page.getByLabel('依据').fill(XSS);
    await page.getByLabel('您的姓名').fill(XSS);
    await page.getByRole('button', { name: '提交更正' }).click();
    await page.waitForURL(/\/correction-sent$/);
    await page.close();
  });

  it('an archivist logs in (Enter submits), sees the queue and approves the family’s name', async () => {
    const page = track(await staff.newPage());
    await page.goto(`${app.url}/moderation`);
    await page.waitForURL(/\/login\?next=%2Fmoderation$/);
    await page.getByLabel('Email').fill(archivist.email);
    await page.getByLabel('Password').fill(archivist.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moderation$/);

    // The hostile one: its markup is text on the page, no element, no dialog.
    const hostile = page.locator('ol.queue > li').filter({ hasText: XSS });
    expect(await hostile.locator('.evidence').innerText()).toBe(XSS);
    expect(await hostile.locator('.contact').innerText()).toContain(XSS);
    expect(await page.locator('ol.queue img').count()).toBe(0);
    expect(dialogs).toEqual([]);

    const theirs = page.locator('ol.queue > li').filter({ hasText: '家书' });
    expect(await theirs.locator('.contact').innerText()).toContain('wang.family@example.org');
    await theirs.getByLabel('Note (optional, public)').fill('Letters seen by the archive.');
    await theirs.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/done=approved/);
    expect(await page.locator('.notice').innerText()).toContain('Approved');
    await page.close();
  });

  it('the record then shows the attested name, and the search marks it attested', async () => {
    const page = track(await family.newPage());
    await page.goto(`${app.url}/records/${app.ids.get('Ван-Си-Сян')}`);
    expect(await page.locator('.attested-line').innerText()).toContain('王希祥');
    expect(await page.locator('ul.attested-names').innerText()).toContain('家书');
    await page.goto(app.url);
    await page.getByLabel('姓名', { exact: true }).fill('王希祥');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const top = page.locator('li.result').first();
    expect(await top.getByRole('link').first().innerText()).toBe('Ван-Си-Сян');
    expect(await top.locator('.tags').innerText()).toContain('与已证实的姓名相符');
    expect(await top.locator('ul.readings li.attested').first().innerText()).toContain('王希祥');
    await page.close();
  });

  it('the language switcher changes the interface (ru → en → zh) and is remembered', async () => {
    const page = track(await family.newPage());
    await page.goto(`${app.url}/search?q=Wang`);
    const heading = () => page.locator('h1').innerText();
    expect(await heading()).toBe('搜索结果');
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(/lang=ru/);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await heading()).toBe('Результаты поиска');
    expect(await page.locator('#q').inputValue()).toBe('Wang');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await heading()).toBe('Search results');
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(/lang=zh/);
    expect(await heading()).toBe('搜索结果');
    await page.goto(`${app.url}/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    await page.close();
  });

  it('an import upload with a bad row shows that row’s error', async () => {
    const page = track(await staff.newPage());
    await page.goto(`${app.url}/imports`);
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('full_name,birth_year\nЛи-Фу,1890\nЧжан-Сан,не год\n'),
    });
    // The page's script streams the file to the JSON API, then follows the job.
    const [upload] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/imports?') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Upload' }).click(),
    ]);
    expect(upload.status()).toBe(202);
    await page.waitForURL(/\/imports\/\d+$/);
    const row = page.locator('table.row-errors tbody tr').first();
    await row.waitFor({ timeout: 30_000 });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('birth_year');
    expect(cells[2]!.length).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Download the error report (CSV)' }).getAttribute('href')).toMatch(/errors\.csv$/);
    await page.close();
  });

  it('without script, the upload form posts the file itself, queued like the API’s, and the job page shows the bad row', async () => {
    const noScript = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
    try {
      const page = track(await noScript.newPage());
      await page.goto(`${app.url}/imports`);
      await page.waitForURL(/\/login\?next=%2Fimports$/);
      await page.getByLabel('Электронная почта').fill(archivist.email);
      await page.getByLabel('Пароль').fill(archivist.password);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL(/\/imports$/);
      await page.getByLabel('Файл CSV').setInputFiles({
        name: 'без-скрипта.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('full_name,birth_year\r\nЛи-Фу,1890\r\nЧжан-Сан,не год\r\n'),
      });
      const [post] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/imports') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Загрузить' }).click(),
      ]);
      expect(post.status()).toBe(303);
      await page.waitForURL(/\/imports\/\d+$/);
      // The page reloads itself (meta refresh) until the job is done.
      const row = page.locator('table.row-errors tbody tr').first();
      await row.waitFor({ timeout: 30_000 });
      expect(await row.locator('td').allInnerTexts()).toEqual(['3', 'birth_year', expect.any(String)]);
      expect(await page.locator('dl.facts').innerText()).toContain('без-скрипта.csv');
      await page.close();
    } finally {
      await noScript.close();
    }
  });

  it('raised no script error and no dialog on any page', () => {
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
