/**
 * npm run screenshots: PNGs of the main pages (home, search results, record,
 * moderation) in zh, ru and en, at desktop and phone width, into
 * docs/screenshots/. Runs the real app on an in-memory database with the
 * Moscow sample, one proposal approved and one pending, and drives Debian's
 * Chromium (/usr/bin/chromium; Chinese needs a CJK font such as fonts-noto-cjk).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { createUser } from '../src/auth/accounts.service.ts';
import { decideCorrection, submitCorrection } from '../src/corrections/corrections.service.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadConfig } from '../src/config/config.ts';
import { createApp } from '../src/http/app.ts';
import { listen } from '../src/http/server.ts';
import { createLogger } from '../src/shared/logger.ts';
import { LANGUAGES } from '../src/web/i18n/i18n.ts';
import { loadFixtureRows, readFixture } from '../tests/helpers/fixtures.ts';
import { ROOT } from '../tests/helpers/processes.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} as const;

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  fs.mkdirSync(OUT, { recursive: true });
  const logger = createLogger('warn');
  const database = await openDatabase({ dataDir: '', inMemory: true });
  await migrateToLatest(database.db);
  const ids = await loadFixtureRows(database, readFixture('mos-memo-sample.csv'));
  const wang = ids.get('Ван-Си-Сян');
  if (!wang) throw new Error('the Moscow sample has no «Ван-Си-Сян»');

  const password = 'screenshots only, not a real password';
  const { id: userId } = await createUser(database.db, { email: 'archivist@example.org', password, role: 'archivist', displayName: 'Archivist Chen' });
  const archivist = { id: userId, email: 'archivist@example.org', role: 'archivist' as const };
  const family = { name: 'Wang Lihua', email: 'wang.family@example.org' };
  const approved = await submitCorrection(database.db, wang, { kind: 'chinese-name', hanzi: '王希祥', evidence: '家书：1936年的信，署名王希祥。Letters of 1936, signed 王希祥.', submitter: family }, null);
  await decideCorrection(database.db, approved.id, 'approve', archivist, 'Letters seen by the archive.');
  const other = ids.get('Ли-Фун-Цзян') ?? [...ids.values()][0]!;
  await submitCorrection(database.db, other, { kind: 'chinese-name', hanzi: '李凤江', pinyin: 'Li Fengjiang', evidence: '他的工作证上写着李凤江。His work card reads 李凤江.', submitter: { name: '李明', email: 'li.ming@example.org' } }, null);

  const server = await listen(createApp({ config: loadConfig({ LOG_LEVEL: 'warn' }), database, logger }), 0, '127.0.0.1', logger);
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const written: string[] = [];
  try {
    for (const [device, options] of Object.entries(VIEWPORTS)) {
      // Families see the public pages without an account; the archivist's context is logged in.
      const visitor = await browser.newContext(options);
      const staff = await browser.newContext(options);
      const publicPage = await visitor.newPage();
      const staffPage = await staff.newPage();
      await staffPage.goto(`${base}/login`);
      await staffPage.fill('input[name=email]', archivist.email);
      await staffPage.fill('input[name=password]', password);
      await Promise.all([staffPage.waitForURL(`${base}/`), staffPage.keyboard.press('Enter')]);
      for (const lang of LANGUAGES) {
        const shots: Array<[string, string, typeof publicPage]> = [
          ['home', `/?lang=${lang}`, publicPage],
          ['search', `/search?q=${encodeURIComponent('王希祥')}&lang=${lang}`, publicPage],
          ['record', `/records/${wang}?lang=${lang}`, publicPage],
          ['moderation', `/moderation?lang=${lang}`, staffPage],
        ];
        for (const [name, url, page] of shots) {
          await page.goto(`${base}${url}`);
          const file = path.join(OUT, `${name}-${lang}-${device}.png`);
          await page.screenshot({ path: file });
          written.push(path.relative(ROOT, file));
        }
      }
      if (device === 'desktop') written.push(...(await explainedShots(visitor, base, wang)));
      await visitor.close();
      await staff.close();
    }
  } finally {
    await browser.close();
    await server.stop(1_000);
    await database.close();
  }
  process.stdout.write(`${written.join('\n')}\n${written.length} screenshots written\n`);
}

/**
 * The record explained (zh, en: the panel below the record as written), and the
 * print of a record page on A4 (print media, 794 × 1123 CSS px = A4 at 96 dpi).
 */
async function explainedShots(context: BrowserContext, base: string, id: number): Promise<string[]> {
  const page = await context.newPage();
  const out: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(`${base}/records/${id}?lang=${lang}`);
    const file = path.join(OUT, `record-explained-${lang}-desktop.png`);
    await page.locator('section.explained').screenshot({ path: file });
    out.push(path.relative(ROOT, file));
    const steps = path.join(OUT, `record-next-steps-${lang}-desktop.png`);
    await page.locator('section.next-steps').screenshot({ path: steps });
    out.push(path.relative(ROOT, steps));
  }
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(`${base}/records/${id}?lang=${lang}`);
    const file = path.join(OUT, `record-${lang}-print.png`);
    await page.screenshot({ path: file, fullPage: true });
    out.push(path.relative(ROOT, file));
  }
  await page.close();
  return out;
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
