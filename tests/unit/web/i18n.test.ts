import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, translator } from '../../../src/web/i18n/i18n.ts';
import { VIEWS_DIR } from '../../../src/web/web.render.ts';

const SRC_WEB = path.resolve(VIEWS_DIR, '..');

/** Every literal key a view or page passes to t('…'). Keys built at run time are listed by prefix below. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  const files = [
    ...fs.readdirSync(VIEWS_DIR).map((f) => path.join(VIEWS_DIR, f)),
    ...fs.readdirSync(path.join(SRC_WEB, 'pages')).map((f) => path.join(SRC_WEB, 'pages', f)),
    ...fs.readdirSync(SRC_WEB).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC_WEB, f)),
  ];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'\s*[,)]/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/'((?:search|correction|login|moderation|imports)\.error\.[a-zA-Z]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('interface strings', () => {
  it('has the same keys in zh, ru and en', () => {
    const en = Object.keys(MESSAGES.en).sort();
    for (const lang of LANGUAGES) expect(Object.keys(MESSAGES[lang]).sort(), lang).toEqual(en);
  });

  it('has no empty string, and the same {placeholders} in every language', () => {
    for (const key of Object.keys(MESSAGES.en)) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of LANGUAGES) {
        const value = MESSAGES[lang][key]!;
        expect(value.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(value), `${lang} ${key}`).toEqual(placeholders(MESSAGES.en[key]!));
      }
    }
  });

  it('has every key the views and pages use', () => {
    const used = literalKeys();
    expect(used.size).toBeGreaterThan(100);
    for (const key of used) expect(MESSAGES.en, key).toHaveProperty([key]);
  });

  it('has the keys the views build from data (statuses, strengths, fields, event kinds, errors)', () => {
    const dynamic = [
      ...['strong', 'possible', 'weak'].map((s) => `strength.${s}`),
      ...['pending', 'approved', 'rejected'].map((s) => `status.${s}`),
      ...['pending', 'approved', 'rejected'].map((s) => `moderation.empty.${s}`),
      ...['approved', 'rejected'].map((s) => `moderation.done.${s}`),
      ...['queued', 'running', 'succeeded', 'failed'].map((s) => `job.status.${s}`),
      ...['inserted', 'updated', 'unchanged', 'invalid', 'duplicates'].map((s) => `job.count.${s}`),
      ...['400', '401', '403', '404', '409', '413', '415', '429', '500', 'csrf'].flatMap((s) => [`error.${s}.title`, `error.${s}.text`]),
      'search.warning.unknown_birthplace',
      ...['zh', 'ru', 'en'].map((l) => `lang.${l}.native`),
      ...['public', 'archivist', 'admin', 'system'].map((a) => `history.actor.${a}`),
    ];
    for (const key of dynamic) expect(MESSAGES.en, key).toHaveProperty([key]);
  });

  it('keeps Chinese strings Chinese and Russian strings Cyrillic (no untranslated English left behind)', () => {
    const sameEverywhere = new Set(['lang.zh.native', 'lang.ru.native', 'lang.en.native']);
    for (const key of Object.keys(MESSAGES.en)) {
      if (sameEverywhere.has(key)) continue;
      expect(MESSAGES.zh[key], `zh ${key}`).toMatch(/\p{Script=Han}/u);
      expect(MESSAGES.ru[key], `ru ${key}`).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('fills placeholders and falls back to English, then the key', () => {
    expect(translator('ru')('home.count', { n: 5 })).toBe('В реестре 5 записей.');
    expect(translator('zh')('no.such.key')).toBe('no.such.key');
  });
});
