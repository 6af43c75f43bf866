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
  const ordinals = name.replace(/\b(\d+)-(?:й|я|е|ой|ая|ое)(?![А-Яа-яЁё])/g, (_, n: string) => englishOrdinal(Number(n)));
  return translit.transform(ordinals.replace(/(?<=[А-Яа-яЁё])(?:ий|ый)(?![А-Яа-яЁё])/g, 'y'));
}

/** 1 → 1st, 2 → 2nd, 11 → 11th: «1-й Басманный пер.» reads «1st Basmanny lane». */
function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
