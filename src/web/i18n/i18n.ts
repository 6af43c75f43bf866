import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };
import linksEn from './links.en.json' with { type: 'json' };
import linksRu from './links.ru.json' with { type: 'json' };
import linksZh from './links.zh.json' with { type: 'json' };

/**
 * Interface strings as data: one flat JSON file per language, the same keys in
 * each (a unit test holds them to it). Names and record data are never
 * translated: only the words around them.
 */
export const LANGUAGES = ['zh', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'en';

export const MESSAGES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { ...zh, ...linksZh },
  ru: { ...ru, ...linksRu },
  en: { ...en, ...linksEn },
};

/** BCP 47 tags for `<html lang>` and date formatting. */
export const LANG_TAG: Readonly<Record<Lang, string>> = { zh: 'zh-Hans', ru: 'ru', en: 'en' };

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * t(key, {name}) for one language. A missing key is a bug the tests catch; at
 * run time it falls back to English, then to the key itself, rather than fail a page.
 */
export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, params) => {
    const template = table[key] ?? MESSAGES.en[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
