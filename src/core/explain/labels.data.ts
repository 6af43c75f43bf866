import type { ExplainLang } from './explain.types.ts';

/** The label of each kind of fact, in the visitor's language. */
export const FACT_LABELS: Readonly<Record<string, Readonly<Record<ExplainLang, string>>>> = {
  birth: { zh: '出生', en: 'Born' },
  birthplace: { zh: '出生地', en: 'Birthplace' },
  nationality: { zh: '民族', en: 'Nationality' },
  party: { zh: '党籍', en: 'Party membership' },
  occupation: { zh: '职业', en: 'Occupation' },
  residence: { zh: '最后住址', en: 'Last address' },
  arrest: { zh: '被捕', en: 'Arrested' },
  sentence: { zh: '判决', en: 'Sentenced' },
  charge: { zh: '罪名', en: 'Charge' },
  fate: { zh: '结局', en: 'Fate' },
  death: { zh: '死亡', en: 'Died' },
  burial: { zh: '埋葬地', en: 'Burial place' },
  rehabilitation: { zh: '平反', en: 'Rehabilitated' },
  other: { zh: '未能解读的文字', en: 'Text not explained' },
};

/** Words around the facts. */
export const FACT_WORDS: Readonly<Record<string, Readonly<Record<ExplainLang, string>>>> = {
  on: { zh: '', en: ' on ' },
  rehabilitatedIn: { zh: '平反', en: 'rehabilitated ' },
  died: { zh: '死亡', en: 'died' },
  bornIn: { zh: '生于', en: 'born ' },
  in: { zh: '', en: ' in ' },
};
