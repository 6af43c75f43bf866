/**
 * Nationality filter values across languages and the forms the sources use.
 * Small and closed; a value not listed filters on itself (lower case).
 */
const GROUPS: readonly string[][] = [
  ['китаец', 'китаянка', 'китайская', 'китайский', 'китайцы', 'chinese', '中国人', '华人', '華人', '中国', 'zh'],
  ['кореец', 'кореянка', 'korean', '朝鲜人', '韩国人'],
  ['русский', 'русская', 'russian', '俄罗斯人'],
  ['латыш', 'латышка', 'latvian'],
  ['поляк', 'полька', 'polish'],
  ['немец', 'немка', 'german'],
  ['еврей', 'еврейка', 'jewish'],
  ['украинец', 'украинка', 'ukrainian'],
];

export function nationalityForms(value: string): string[] {
  const v = value.trim().toLowerCase();
  const group = GROUPS.find((g) => g.includes(v));
  return group ? [...group] : [v];
}
