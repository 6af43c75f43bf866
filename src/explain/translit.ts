import cyrillicToTranslitModule from 'cyrillic-to-translit-js';

// CommonJS with an ESM-style .d.ts (see src/search/search-fields.ts): accept the function or its default.
type TranslitFactory = (config: { preset: 'ru' }) => { transform(input: string): string };
const factory = ((cyrillicToTranslitModule as unknown as { default?: TranslitFactory }).default ??
  cyrillicToTranslitModule) as unknown as TranslitFactory;
const translit = factory({ preset: 'ru' });

/**
 * A Russian proper name in Latin letters for English readers (a street name:
 * «Грохольский» → «Grokholsky»). Only names are romanised; words are translated
 * from the tables or kept in Russian.
 */
export function romanise(name: string): string {
  return translit.transform(name.replace(/(?<=[А-Яа-яЁё])(?:ий|ый)(?![А-Яа-яЁё])/g, 'y'));
}
