import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runLinking } from '../../src/links/link-run.service.ts';
import { seedRecords, seedUser } from '../helpers/test-app.ts';
import { hasChromium, launchChromium, startApp, type RunningApp } from './browser.helpers.ts';

/**
 * Person links in a real browser: an archivist reviews the proposals for one
 * man written in three lists (two records side by side, the reasons in words)
 * and confirms them; a family searching 王希祥 then sees his records grouped
 * under one result and opens the person page with the three side by side.
 */

if (!hasChromium && process.env.CI) throw new Error('CI must provide /usr/bin/chromium (see .ci/run)');

describe.skipIf(!hasChromium)('person links in a browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let archivist: Awaited<ReturnType<typeof seedUser>>;
  const ids: number[] = [];
  const pageErrors: string[] = [];
  const track = (page: Page) => {
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    return page;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    archivist = await seedUser(app.database, { role: 'archivist' });
    const rows = await seedRecords(app.database, [
      { fullName: 'Ван Си Сян', birthYear: 1888, birthplace: 'пров. Шаньдун', source: 'Книга памяти' },
      { fullName: '王希祥', birthYear: 1888, birthplace: '山东', source: '家属名单' },
    ]);
    ids.push(...rows.map((r) => Number(r.id)));
    await runLinking(app.database.db);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('an archivist sees two records side by side with the reasons, and confirms them as one person', async () => {
    const page = track(await (await browser.newContext({ locale: 'en-GB' })).newPage());
    await page.goto(`${app.url}/login?next=%2Fmoderation%2Flinks`);
    await page.getByLabel('Email').fill(archivist.email);
    await page.getByLabel('Password').fill(archivist.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/moderation\/links$/);
    const mine = page.locator('ol.queue > li').filter({ hasText: '王希祥' });
    expect(await mine.count()).toBeGreaterThanOrEqual(2);
    const first = mine.first();
    expect(await first.locator('table.side-by-side thead th').count()).toBe(3);
    expect(await first.innerText()).toContain('same reading wang xi xiang · born 1888 both · Shandong both');
    for (let i = 0; i < 2; i++) {
      await page.locator('ol.queue > li').filter({ hasText: '王希祥' }).first().getByRole('button', { name: 'Same person' }).click();
      await page.waitForURL(/done=confirmed/);
    }
    expect(await page.locator('.notice').innerText()).toContain('Linked');
  });

  it('a family searching 王希祥 sees his records under one result, and the person page side by side', async () => {
    const page = track(await (await browser.newContext({ locale: 'zh-CN' })).newPage());
    await page.goto(`${app.url}/search?q=${encodeURIComponent('王希祥')}`);
    const group = page.locator('ol.results > li').filter({ has: page.locator('.person-group') });
    expect(await group.count()).toBe(1);
    expect(await group.locator('.person-group a').first().innerText()).toBe('3 条记录，来自 3 个来源');
    // The person's other records are named under the group, not listed again.
    const shown = await page.locator('ol.results > li h3 a').allInnerTexts();
    expect(shown.filter((n) => n === '王希祥' || n === 'Ван Си Сян' || n === 'Ван-Си-Сян')).toHaveLength(1);
    await group.locator('.person-group a').first().click();
    await page.waitForURL(/\/persons\/\d+$/);
    expect(await page.locator('h1').innerText()).toContain('3');
    const columns = await page.locator('table.person thead th a').allInnerTexts();
    expect(columns).toEqual(expect.arrayContaining(['Ван-Си-Сян', 'Ван Си Сян', '王希祥']));
    expect(pageErrors).toEqual([]);
  });
});
